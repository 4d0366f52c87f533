package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks a built {@link Service} against what AWS (and the Framework) would reject at deploy
 * time, so the user hears about it before: schedule expressions, duplicate routes, the artifact
 * and its handler classes, Lambda's limits (environment 4 KB, function name 64 characters) and
 * runtimes (unknown: error; deprecated: warning, as cfn-lint's W2531).
 */
final class Validator {
    /** Lambda: "The total size of all environment variables doesn't exceed 4 KB." */
    static final int MAX_ENVIRONMENT_BYTES = 4 * 1024;
    /** Lambda FunctionName: 1-64 characters. */
    static final int MAX_FUNCTION_NAME = 64;
    /** API Gateway's integration timeout (REST and HTTP APIs). */
    static final int API_GATEWAY_TIMEOUT_SECONDS = 29;

    static final Set<String> RUNTIMES = Set.of("java8.al2", "java11", "java17", "java21", "java25", "nodejs18.x",
            "nodejs20.x", "nodejs22.x", "nodejs24.x", "python3.9", "python3.10", "python3.11", "python3.12",
            "python3.13", "python3.14", "ruby3.2", "ruby3.3", "ruby3.4", "dotnet8", "dotnet10", "provided.al2",
            "provided.al2023", "java8", "go1.x", "nodejs16.x", "python3.8", "dotnet6");
    /** Deprecation dates from AWS's "Lambda runtimes" page (Amazon Linux 2 reaches end of life 2026-06-30). */
    static final Map<String, LocalDate> DEPRECATED = Map.ofEntries(
            Map.entry("java8", LocalDate.of(2024, 1, 8)), Map.entry("go1.x", LocalDate.of(2024, 1, 8)),
            Map.entry("java8.al2", LocalDate.of(2026, 6, 30)), Map.entry("java11", LocalDate.of(2026, 6, 30)),
            Map.entry("java17", LocalDate.of(2026, 6, 30)), Map.entry("provided.al2", LocalDate.of(2026, 6, 30)),
            Map.entry("python3.10", LocalDate.of(2026, 6, 30)), Map.entry("python3.11", LocalDate.of(2026, 6, 30)),
            Map.entry("nodejs16.x", LocalDate.of(2024, 6, 12)), Map.entry("nodejs18.x", LocalDate.of(2025, 9, 1)),
            Map.entry("python3.8", LocalDate.of(2024, 10, 14)), Map.entry("python3.9", LocalDate.of(2025, 12, 15)),
            Map.entry("dotnet6", LocalDate.of(2024, 12, 20)));

    private final Service service;
    private final Locations loc;
    private List<Problem> problems;
    private final Map<Path, Optional<Set<String>>> jarClasses = new HashMap<>();

    Validator(Service service, Locations loc, List<Problem> problems) {
        this.service = service;
        this.loc = loc;
        this.problems = problems;
    }

    /** AWS commercial, GovCloud and China regions (Lambda is in all of them), as of 2026-11. */
    static final Set<String> REGIONS = Set.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1",
            "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1", "me-central-1", "mx-central-1",
            "sa-east-1", "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1");

    void validate() {
        if (!REGIONS.contains(service.region())) {
            error(loc.value(service.config().path("provider").has("region") ? "provider.region" : "provider"),
                    "unknown region \"" + service.region() + "\"." + Schema.suggestion(service.region(), REGIONS),
                    "use an AWS region code such as us-east-1 or eu-central-1");
        }
        release();
        Map<String, String> restRoutes = new LinkedHashMap<>();
        Map<String, String> restVariables = new HashMap<>();
        Map<String, String> httpApiRoutes = new LinkedHashMap<>();
        Map<String, String> deployedNames = new HashMap<>();
        LocalDate today = LocalDate.now();
        for (FunctionSpec f : service.functions().values()) {
            String fp = "functions." + f.key();
            runtime(f, fp, today);
            if (f.deployedName().length() > MAX_FUNCTION_NAME) {
                error(loc.value(f.deployedName().equals(service.name() + "-" + service.stage() + "-" + f.key())
                        ? fp : fp + ".name"), "function name \"" + f.deployedName() + "\" is " + f.deployedName().length()
                        + " characters; Lambda allows at most " + MAX_FUNCTION_NAME,
                        "set a shorter name: with functions." + f.key() + ".name, or shorten the service, stage or "
                                + "function key");
            }
            String other = deployedNames.putIfAbsent(f.deployedName(), f.key());
            if (other != null) {
                error(loc.value(fp), "functions \"" + other + "\" and \"" + f.key() + "\" have the same Lambda name \""
                        + f.deployedName() + "\"", "give one of them a different name:");
            }
            environmentSize(f, fp);
            if (!f.versionFunction()) {
                boolean own = service.config().path("functions").path(f.key()).has("versionFunction");
                warning(loc.value(own ? fp + ".versionFunction" : "provider.versionFunctions"), "function \""
                        + f.key() + "\" is not versioned, so it is not released behind the alias \""
                        + CloudFormationCompiler.aliasName(service) + "\": its events invoke $LATEST, and "
                        + "rollback and traffic shifting skip it",
                        "remove versionFunction: false (provider.versionFunctions: false) to release it safely");
            }
            boolean hasApi = false;
            for (Event e : f.events()) {
                String ep = eventPath(f.key(), e);
                if (e instanceof Event.Schedule s) {
                    for (int i = 0; i < s.expressions().size(); i++) {
                        String expr = s.expressions().get(i);
                        int index = i;
                        ScheduleExpressions.check(expr).ifPresent(msg -> error(loc.value(s.config().isTextual() ? ep
                                : s.expressions().size() > 1 && s.config().path("rate").isArray()
                                        ? ep + ".rate." + index : ep + ".rate"), msg, ScheduleExpressions.HINT));
                    }
                    if (s.name().isPresent() && s.expressions().size() > 1) {
                        error(loc.value(ep + ".name"), "You cannot specify a name when defining more than one rate "
                                + "expression", "remove name:, or split the expressions into separate schedule events");
                    }
                } else if (e instanceof Event.Http h) {
                    hasApi = true;
                    String route = h.method() + " /" + h.path();
                    String prev = restRoutes.putIfAbsent(route, f.key());
                    if (prev != null) {
                        error(loc.value(ep), "duplicate http route " + route + ": already used by function \"" + prev
                                + "\"", "remove one of them, or change the path or method");
                    }
                    variableSiblings(h.path(), restVariables, ep);
                    h.authorizer().filter(a -> RestApiCompiler.authorizer(a, service).authorizationType()
                            .equals("NONE")).ifPresent(a -> error(loc.value(ep + ".authorizer"), "authorizer "
                                    + a + " names no function of this service and no ARN",
                            "use the key of a function under functions:, an ARN, or aws_iam"));
                } else if (e instanceof Event.HttpApi h) {
                    hasApi = true;
                    h.authorizer().filter(a -> !service.provider().httpApi().path("authorizers").has(a))
                            .ifPresent(a -> error(loc.value(ep + ".authorizer"), "Event references not configured "
                                    + "authorizer '" + a + "'", "define it under provider.httpApi.authorizers." + a
                                    + " (identitySource, issuerUrl, audience)"));
                    String prev = httpApiRoutes.putIfAbsent(h.routeKey(), f.key());
                    if (prev != null) {
                        error(loc.value(ep), "duplicate httpApi route " + h.routeKey() + ": already used by function \""
                                + prev + "\"", "remove one of them, or change the path or method");
                    }
                } else if (e instanceof Event.Other o) {
                    warning(loc.value(ep), "event type \"" + o.type() + "\" is accepted but not compiled by Slipway; "
                            + "the stack will not contain it", "model it in resources: if the service needs it");
                }
            }
            if (hasApi && f.timeout() > API_GATEWAY_TIMEOUT_SECONDS) {
                warning(loc.value(fp + ".timeout"), "function \"" + f.key() + "\" has a timeout of " + f.timeout()
                        + " s but API Gateway stops waiting after " + API_GATEWAY_TIMEOUT_SECONDS + " s",
                        "lower timeout to " + API_GATEWAY_TIMEOUT_SECONDS + " or less for HTTP functions");
            }
        }
        service.slipway().site().ifPresent(site -> {
            if (!Files.isDirectory(site)) {
                warning(loc.value("custom.slipway.site"), "the site folder " + site + " does not exist",
                        "create it, or build the site before running slipway offline");
            }
        });
    }

    /**
     * The checks that need the built artifact (it exists, is a zip, holds each handler class),
     * apart so that a command that builds the artifact first can run them after the build.
     */
    List<Problem> validateArtifacts() {
        List<Problem> saved = problems;
        problems = new java.util.ArrayList<>();
        try {
            Set<String> reported = new HashSet<>();
            jarClasses.clear();
            for (FunctionSpec f : service.functions().values()) {
                artifact(f, "functions." + f.key(), reported);
            }
            return problems;
        } finally {
            problems = saved;
        }
    }

    /** API Gateway: "A sibling ({id}) of this resource already has a variable path part -- only one is allowed". */
    private void variableSiblings(String path, Map<String, String> seen, String ep) {
        String[] parts = path.split("/");
        StringBuilder parent = new StringBuilder();
        for (String part : parts) {
            if (part.startsWith("{")) {
                String prev = seen.putIfAbsent(parent.toString(), part);
                if (prev != null && !prev.equals(part)) {
                    error(loc.value(ep), "path /" + path + " uses " + part + " where another route under /" + parent
                            + " uses " + prev + "; API Gateway allows only one variable path part per level",
                            "use the same name (" + prev + ") in both paths");
                    return;
                }
            }
            parent.append(parent.length() == 0 ? "" : "/").append(part);
        }
    }

    private void runtime(FunctionSpec f, String fp, LocalDate today) {
        String where = service.config().path("functions").path(f.key()).has("runtime")
                ? fp + ".runtime" : "provider.runtime";
        if (!RUNTIMES.contains(f.runtime())) {
            error(loc.value(where), "unknown runtime \"" + f.runtime() + "\"." + Schema.suggestion(f.runtime(), RUNTIMES),
                    "use a Lambda runtime identifier, e.g. java21");
            return;
        }
        LocalDate deprecated = DEPRECATED.get(f.runtime());
        if (deprecated != null && !today.isBefore(deprecated)) {
            for (Problem p : problems) {
                if (p.message().startsWith("Deprecated runtime \"" + f.runtime() + "\"")
                        && p.line() == loc.value(where).line()) {
                    return;
                }
            }
            warning(loc.value(where), "Deprecated runtime \"" + f.runtime() + "\": AWS deprecated it on " + deprecated
                    + "; functions on it stop receiving security patches", f.runtime().startsWith("java") ? "use java21 or java25" : "use a current runtime");
        }
    }

    private void environmentSize(FunctionSpec f, String fp) {
        // Lambda measures the compact JSON of the variables (its error quotes it: "String measured:
        // {…}"), so quotes, colons and commas count too; intrinsics are counted as written.
        Map<String, String> flat = new LinkedHashMap<>();
        f.environment().forEach((k, v) -> flat.put(k, v.isTextual() ? v.asText() : v.toString()));
        int bytes;
        try {
            bytes = dev.slipway.protocol.Json.MAPPER.writeValueAsString(flat).getBytes(StandardCharsets.UTF_8).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (bytes > MAX_ENVIRONMENT_BYTES) {
            boolean own = service.config().path("functions").path(f.key()).has("environment");
            error(loc.value(own ? fp + ".environment" : "provider.environment"), "the environment of function \""
                    + f.key() + "\" is " + bytes + " bytes as Lambda measures it (the JSON of the names and values); "
                    + "Lambda allows at most 4 KB (" + MAX_ENVIRONMENT_BYTES + " bytes)",
                    "move large values to SSM parameters or a file in the artifact");
        }
    }

    private void artifact(FunctionSpec f, String fp, Set<String> reported) {
        if (f.artifact().isEmpty()) {
            if (reported.add("")) {
                error(loc.value(service.config().has("package") ? "package" : fp),
                        "no artifact: Slipway deploys a built jar or zip, and package.artifact is not set",
                        "build the jar (mvn package) and set package.artifact: target/<name>.jar");
            }
            return;
        }
        Path a = f.artifact().get();
        String where = service.config().path("functions").path(f.key()).path("package").has("artifact")
                ? fp + ".package.artifact" : "package.artifact";
        if (!Files.isRegularFile(a)) {
            if (reported.add(a.toString())) {
                error(loc.value(where), "artifact " + service.serviceDir().relativize(a) + " does not exist",
                        "build it first (e.g. mvn package), or fix the path in " + where);
            }
            return;
        }
        if (!f.runtime().startsWith("java") || f.handler().isEmpty()) {
            return;
        }
        String className = f.handler().contains("::") ? f.handler().substring(0, f.handler().indexOf("::"))
                : f.handler();
        Optional<Set<String>> classes = jarClasses.computeIfAbsent(a, Validator::listClasses);
        if (classes.isEmpty()) {
            if (reported.add("zip:" + a)) {
                error(loc.value(where), "artifact " + service.serviceDir().relativize(a) + " is not a readable jar or "
                        + "zip file", "rebuild it (mvn package)");
            }
            return;
        }
        String entry = className.replace('.', '/') + ".class";
        if (!classes.get().contains(entry)) {
            error(loc.value(fp + ".handler"), "handler class " + className + " is not in the artifact "
                    + service.serviceDir().relativize(a) + " (looked for " + entry + ")",
                    "check the handler's package and class name, or rebuild the artifact");
        }
    }

    /** Class entries of a jar/zip: at the root, under BOOT-INF/classes/, and in nested lib/*.jar. */
    static Optional<Set<String>> listClasses(Path artifact) {
        Set<String> out = new HashSet<>();
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                if (n.endsWith(".class")) {
                    out.add(n.startsWith("BOOT-INF/classes/") ? n.substring("BOOT-INF/classes/".length()) : n);
                } else if (n.endsWith(".jar") && (n.startsWith("lib/") || n.startsWith("BOOT-INF/lib/"))) {
                    try (InputStream in = zip.getInputStream(e); ZipInputStream nested = new ZipInputStream(in)) {
                        for (ZipEntry ne; (ne = nested.getNextEntry()) != null; ) {
                            if (ne.getName().endsWith(".class")) {
                                out.add(ne.getName());
                            }
                        }
                    }
                }
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The property path of an event, found by identity in the resolved configuration. */
    private String eventPath(String fnKey, Event e) {
        JsonNode events = service.config().path("functions").path(fnKey).path("events");
        for (int i = 0; i < events.size(); i++) {
            JsonNode item = events.get(i);
            if (item.isObject() && item.size() == 1) {
                String type = item.fieldNames().next();
                if (item.get(type).equals(e.config())) {
                    return "functions." + fnKey + ".events." + i + "." + type;
                }
            }
        }
        return "functions." + fnKey + ".events";
    }

    /** Release strategies and deployment settings (service-wide and per function), before any traffic moves. */
    private void release() {
        JsonNode slipway = service.config().path("custom").path("slipway");
        strategy(slipway.get("deployment"), "custom.slipway.deployment");
        deploymentSettings(slipway.get("deploymentSettings"), "custom.slipway.deploymentSettings", false);
        for (FunctionSpec f : service.functions().values()) {
            String fp = "functions." + f.key() + ".deploymentSettings";
            JsonNode own = service.config().path("functions").path(f.key()).get("deploymentSettings");
            deploymentSettings(own, fp, true);
            if (own != null && own.isObject()) {
                strategy(own.get("type"), fp + ".type");
            }
        }
    }

    private void strategy(JsonNode n, String path) {
        if (n == null || n.isNull() || !n.isTextual() || n.asText().contains("${")) {
            return;
        }
        String name = n.asText().replaceFirst("(?i)^CodeDeployDefault\\.Lambda", "");
        if (Schema.DEPLOYMENT_STRATEGIES.stream().noneMatch(name::equalsIgnoreCase)) {
            error(loc.value(path), "unknown deployment strategy \"" + n.asText() + "\"."
                    + Schema.suggestion(name, Schema.DEPLOYMENT_STRATEGIES),
                    "use one of " + String.join(", ", Schema.DEPLOYMENT_STRATEGIES));
        }
    }

    private void deploymentSettings(JsonNode n, String path, boolean perFunction) {
        if (n == null || n.isNull()) {
            return;
        }
        if (!n.isObject()) {
            error(loc.value(path), path + " must be a map, not " + Schema.typeName(n),
                    "write e.g. deploymentSettings: {alarms: [ApiErrors], maxErrorRate: 0.05}");
            return;
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!Schema.DEPLOYMENT_SETTINGS.contains(k)) {
                error(loc.key(path + "." + k), "unknown deployment setting \"" + k + "\" in " + path + "."
                        + Schema.suggestion(k, Schema.DEPLOYMENT_SETTINGS), "the settings are "
                        + String.join(", ", new java.util.TreeSet<>(Schema.DEPLOYMENT_SETTINGS)));
            } else if (k.equals("type") && !perFunction) {
                error(loc.key(path + ".type"), "the service's strategy is custom.slipway.deployment, not "
                        + path + ".type", "move the strategy to custom.slipway.deployment");
            }
        });
    }

    private void error(Locations.Position p, String message, String hint) {
        problems.add(new Problem(Problem.Severity.ERROR, p.file(), p.line(), p.column(), message, hint));
    }

    private void warning(Locations.Position p, String message, String hint) {
        problems.add(new Problem(Problem.Severity.WARNING, p.file(), p.line(), p.column(), message, hint));
    }
}
