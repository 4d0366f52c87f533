package dev.slipway.deploy.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.Deployer;
import dev.slipway.deploy.Target;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A service's deployments, one JSON object each in its deployment bucket
 * ({@code slipway/<stack>/deployments/<id>.json}), so the history lives with the stack, on AWS as
 * in the local cloud, and every machine that deploys the service sees the same one.
 *
 * <pre>{@code
 * DeploymentHistory history = DeploymentHistory.forStack(target, "rewards-dev");
 * Deployment d = history.start("dev", Strategy.ALL_AT_ONCE, changes);
 * history.finish(d.id(), Outcome.SUCCEEDED, "");
 * history.list();   // newest first
 * }</pre>
 */
public final class DeploymentHistory implements AutoCloseable {
    /** The stack output naming the deployment bucket (the Serverless Framework's). */
    public static final String BUCKET_OUTPUT = "ServerlessDeploymentBucketName";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Clock clock;
    private final boolean ownsClient;

    /** Over a client the caller keeps (and closes). */
    public DeploymentHistory(S3Client s3, String bucket, String stackName, Clock clock) {
        this(s3, bucket, stackName, clock, false);
    }

    private DeploymentHistory(S3Client s3, String bucket, String stackName, Clock clock, boolean ownsClient) {
        this.ownsClient = ownsClient;
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = "slipway/" + stackName + "/deployments/";
        this.clock = clock;
    }

    /** The history of a deployed stack, in the bucket its outputs name. */
    public static DeploymentHistory of(Target target, Map<String, String> stackOutputs, String stackName) {
        String bucket = stackOutputs.get(BUCKET_OUTPUT);
        if (bucket == null) {
            throw new DeployException("Stack " + stackName + " has no output " + BUCKET_OUTPUT
                    + ", so Slipway cannot find where its deployment history is kept",
                    "deploy the service with 'slipway deploy' (it adds the output)");
        }
        return new DeploymentHistory(target.s3(), bucket, stackName, Clock.systemUTC(), true);
    }

    /** The history of a stack, found by describing it; fails clearly when it is not deployed. */
    public static DeploymentHistory forStack(Target target, String stackName) {
        try (CloudFormationClient cfn = target.cloudFormation()) {
            var stacks = cfn.describeStacks(b -> b.stackName(stackName)).stacks();
            if (stacks.isEmpty()) {
                throw notDeployed(target, stackName);
            }
            return of(target, Deployer.outputs(stacks.get(0)), stackName);
        } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                throw notDeployed(target, stackName);
            }
            throw e;
        }
    }

    private static DeployException notDeployed(Target target, String stackName) {
        return new DeployException("Stack " + stackName + " does not exist on " + target,
                "deploy it first with 'slipway deploy', or check --stage and the target");
    }

    /** Records a deployment that starts now, IN_PROGRESS. */
    public Deployment start(String stage, String strategy, List<Change> changes) {
        Instant now = clock.instant();
        String id = ID_TIME.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        Deployment d = new Deployment(id, now, Optional.empty(), stage, strategy, changes, Outcome.IN_PROGRESS, "");
        write(d);
        return d;
    }

    /** Records a deployment that starts and finishes now (a rollback, a failed stack update). */
    public Deployment record(String stage, String strategy, List<Change> changes, Outcome outcome, String reason) {
        Deployment d = start(stage, strategy, changes);
        return finish(d.id(), outcome, reason);
    }

    /** Sets the outcome and the finishing time. */
    public Deployment finish(String id, Outcome outcome, String reason) {
        Deployment d = require(id).finished(clock.instant(), outcome, reason);
        write(d);
        return d;
    }

    /** Changes the outcome of a finished deployment (e.g. SUCCEEDED → ROLLED_BACK), keeping its times. */
    public Deployment mark(String id, Outcome outcome, String reason) {
        Deployment d = require(id).withOutcome(outcome, reason);
        write(d);
        return d;
    }

    public Optional<Deployment> get(String id) {
        try {
            return Optional.of(parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + id + ".json"))
                    .asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Every deployment, newest first. */
    public List<Deployment> list() {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).continuationToken(t));
            page.contents().stream().map(S3Object::key).filter(k -> k.endsWith(".json")).forEach(keys::add);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        keys.sort(Comparator.reverseOrder());
        List<Deployment> out = new ArrayList<>();
        for (String key : keys) {
            get(key.substring(prefix.length(), key.length() - ".json".length())).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }

    private Deployment require(String id) {
        return get(id).orElseThrow(() -> new DeployException("No deployment " + id + " in the history",
                "list the deployments with 'slipway deployments'"));
    }

    private void write(Deployment d) {
        s3.putObject(b -> b.bucket(bucket).key(prefix + d.id() + ".json").contentType("application/json"),
                RequestBody.fromString(Json.string(toJson(d))));
    }

    static ObjectNode toJson(Deployment d) {
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("startedAt", d.startedAt().toString());
        o.put("finishedAt", d.finishedAt().map(Instant::toString).orElse(null));
        o.put("stage", d.stage());
        o.put("strategy", d.strategy());
        ArrayNode changes = o.putArray("changes");
        for (Change c : d.changes()) {
            changes.addObject().put("function", c.function()).put("functionName", c.functionName())
                    .put("fromVersion", c.fromVersion().orElse(null)).put("toVersion", c.toVersion());
        }
        o.put("outcome", d.outcome().name());
        o.put("reason", d.reason());
        return o;
    }

    static Deployment parse(byte[] json) {
        try {
            JsonNode o = Json.parse(json);
            List<Change> changes = new ArrayList<>();
            for (JsonNode c : o.path("changes")) {
                changes.add(new Change(c.path("function").asText(), c.path("functionName").asText(),
                        text(c, "fromVersion"), c.path("toVersion").asText()));
            }
            return new Deployment(o.path("id").asText(), Instant.parse(o.path("startedAt").asText()),
                    text(o, "finishedAt").map(Instant::parse), o.path("stage").asText(), o.path("strategy").asText(),
                    changes, Outcome.valueOf(o.path("outcome").asText()), o.path("reason").asText(""));
        } catch (IOException | RuntimeException e) {
            throw new DeployException("A deployment record in the history cannot be read: " + e.getMessage(),
                    "delete or fix the object under the bucket's slipway/<stack>/deployments/ prefix");
        }
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }
}
