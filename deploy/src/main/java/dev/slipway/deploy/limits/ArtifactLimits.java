package dev.slipway.deploy.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Problem;
import dev.slipway.service.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The limits a service's artifacts and configuration can cross before anything is deployed: the
 * unzipped size with layers (an error past 250 MB), the environment as Lambda measures it (an error
 * past 4 KB), and the 50 MB of a direct upload (a warning only: {@code slipway deploy} uploads
 * through S3, where that limit does not apply). From 80 % of a limit on, a warning.
 * Run by {@code ArtifactBuilder.buildAndCheck}, so package, deploy, offline and tests see the same.
 */
public final class ArtifactLimits {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArtifactLimits() {}

    /** Every limit problem of the service's functions; artifacts that do not exist are skipped (reported elsewhere). */
    public static List<Problem> check(Service service) {
        List<Problem> problems = new ArrayList<>();
        Map<Path, Long> unzipped = new HashMap<>();
        // Functions sharing an artifact and layers are reported together, once.
        Map<String, List<FunctionSpec>> byCode = new LinkedHashMap<>();
        for (FunctionSpec f : service.functions().values()) {
            if (f.artifact().isPresent() && Files.isRegularFile(f.artifact().get())) {
                byCode.computeIfAbsent(f.artifact().get() + " " + f.layers(), k -> new ArrayList<>()).add(f);
            }
            environment(service, f, problems);
        }
        Map<Path, Boolean> zippedReported = new HashMap<>();
        for (List<FunctionSpec> group : byCode.values()) {
            FunctionSpec f = group.get(0);
            Path artifact = f.artifact().get();
            String who = names(group);
            String file = relative(service, artifact);
            long zipped;
            try {
                zipped = Files.size(artifact);
            } catch (IOException e) {
                continue;
            }
            if (zipped > LambdaLimits.ZIPPED_DIRECT_UPLOAD_BYTES && zippedReported.put(artifact, true) == null) {
                problems.add(warning(service, names(sharing(service, artifact)) + ": " + file + " is "
                        + Sizes.exact(zipped) + " zipped, over the 50 MB ("
                        + String.format("%,d", LambdaLimits.ZIPPED_DIRECT_UPLOAD_BYTES) + " bytes) Lambda accepts "
                        + "in a direct upload; slipway deploy uploads it through S3, where only the 250 MB unzipped "
                        + "limit applies", "nothing to change for slipway deploy; to update the code yourself, use "
                        + "'aws lambda update-function-code --s3-bucket … --s3-key …', not --zip-file"));
            }
            long total;
            try {
                total = unzipped.computeIfAbsent(artifact, ArtifactLimits::unzippedSize);
            } catch (IllegalArgumentException e) {
                problems.add(error(service, file + " is not a readable zip or jar: " + e.getMessage(),
                        "rebuild it; Lambda takes a .zip or .jar"));
                continue;
            }
            List<String> unmeasured = new ArrayList<>();
            for (JsonNode layer : f.layers()) {
                Path p = layer.isTextual() && !layer.asText().startsWith("arn:")
                        ? service.serviceDir().resolve(layer.asText()).normalize() : null;
                if (p != null && Files.isRegularFile(p)) {
                    total += unzipped.computeIfAbsent(p, ArtifactLimits::unzippedSize);
                } else {
                    unmeasured.add(layer.isTextual() ? layer.asText() : layer.toString());
                }
            }
            String withLayers = f.layers().isEmpty() ? "" : unmeasured.isEmpty() ? " with its layers"
                    : " with its local layers (not counted, as they are not on this machine: " + String.join(", ", unmeasured) + ")";
            String measured = who + ": " + file + " unzips to " + Sizes.exact(total) + withLayers;
            String fix = "see what takes the space with 'slipway package --report' and leave out what the function "
                    + "does not use; beyond that, deploy it as a container image (10 GB)";
            if (total > LambdaLimits.UNZIPPED_BYTES) {
                problems.add(error(service, measured + "; Lambda allows at most 250 MB ("
                        + String.format("%,d", LambdaLimits.UNZIPPED_BYTES) + " bytes) unzipped, layers included", fix));
            } else if (total >= LambdaLimits.WARNING_SHARE * LambdaLimits.UNZIPPED_BYTES) {
                problems.add(warning(service, measured + ", " + Sizes.percent(total, LambdaLimits.UNZIPPED_BYTES)
                        + " of Lambda's 250 MB unzipped limit (layers included)", fix));
            }
        }
        return problems;
    }

    /**
     * The environment as Lambda measures it: the compact JSON of the variables (its error quotes that
     * string as "String measured: {…}"), so quotes, colons and commas count. Values that are
     * CloudFormation intrinsics are counted as written, which is an estimate of what they resolve to.
     */
    public static int environmentBytes(Map<String, JsonNode> environment) {
        Map<String, String> flat = new LinkedHashMap<>();
        environment.forEach((k, v) -> flat.put(k, v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString()));
        try {
            return JSON.writeValueAsString(flat).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void environment(Service service, FunctionSpec f, List<Problem> problems) {
        if (f.environment().isEmpty()) {
            return;
        }
        int bytes = environmentBytes(f.environment());
        String measured = "function \"" + f.key() + "\": its environment is " + bytes + " bytes as Lambda measures it "
                + "(the JSON of the variables)";
        String fix = "move large values out of the environment: to SSM Parameter Store or Secrets Manager read at "
                + "start-up, or to a file in the artifact";
        if (bytes > LambdaLimits.ENVIRONMENT_BYTES) {
            problems.add(error(service, measured + "; Lambda allows at most 4 KB (" + LambdaLimits.ENVIRONMENT_BYTES
                    + " bytes)", fix));
        } else if (bytes >= LambdaLimits.WARNING_SHARE * LambdaLimits.ENVIRONMENT_BYTES) {
            problems.add(warning(service, measured + ", " + Sizes.percent(bytes, LambdaLimits.ENVIRONMENT_BYTES)
                    + " of Lambda's 4 KB limit", fix));
        }
    }

    /** The sum of the entries' uncompressed sizes, from the zip's central directory (nothing is extracted). */
    static long unzippedSize(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            long total = 0;
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                total += Math.max(0, e.getSize());
            }
            return total;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static List<FunctionSpec> sharing(Service service, Path artifact) {
        return service.functions().values().stream().filter(f -> f.artifact().filter(artifact::equals).isPresent()).toList();
    }

    private static String names(List<FunctionSpec> group) {
        List<String> keys = group.stream().map(FunctionSpec::key).toList();
        return (keys.size() == 1 ? "function \"" : "functions \"") + String.join("\", \"", keys) + "\"";
    }

    private static String relative(Service service, Path p) {
        return p.startsWith(service.serviceDir()) ? service.serviceDir().relativize(p).toString() : p.toString();
    }

    private static Problem error(Service service, String message, String hint) {
        return new Problem(Problem.Severity.ERROR, service.configFile(), 0, 0, message, hint);
    }

    private static Problem warning(Service service, String message, String hint) {
        return new Problem(Problem.Severity.WARNING, service.configFile(), 0, 0, message, hint);
    }
}
