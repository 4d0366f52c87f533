package dev.slipway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deploys a service as one CloudFormation stack, the way the Serverless Framework does, through
 * the AWS SDK v2 against either the local cloud or AWS:
 * <ol>
 *   <li>a new stack is first created with the deployment bucket only;</li>
 *   <li>the artifacts are uploaded to that bucket;</li>
 *   <li>the full template is applied through a change set, and the stack's events are followed
 *       until it settles; a failure names the first failing resource and the rollback's outcome.</li>
 * </ol>
 * A stack left mid-operation (Ctrl-C, a crash) is waited for; a stack whose first creation rolled
 * back is deleted and created again, as AWS allows nothing else.
 */
public final class Deployer implements AutoCloseable {
    /** CloudFormation's TemplateBody limit; larger templates go through S3 (TemplateURL). */
    static final int MAX_TEMPLATE_BODY_BYTES = 51_200;

    private final Target target;
    private final DeployListener listener;
    private final Clock clock;
    private final CloudFormationClient cfn;
    private final S3Client s3;

    public Deployer(Target target, DeployListener listener, Clock clock) {
        this.target = target;
        this.listener = listener;
        this.clock = clock;
        this.cfn = target.cloudFormation();
        this.s3 = target.s3();
    }

    /** The outcome of a successful deployment. */
    public record Result(String stackName, String stackStatus, Map<String, String> outputs, boolean changed) {}

    public Result deploy(DeploymentPlan plan) {
        String stackName = plan.stackName();
        Trace.mark("deployer: describe stack");
        Optional<Stack> existing = settle(stackName);
        Trace.mark("deployer: stack described");
        if (existing.isPresent() && "ROLLBACK_COMPLETE".equals(existing.get().stackStatusAsString())) {
            listener.phase("Deleting stack " + stackName + " left by a failed first deployment (ROLLBACK_COMPLETE)");
            delete(stackName);
            existing = Optional.empty();
        }
        boolean exists = existing.isPresent() && !"REVIEW_IN_PROGRESS".equals(existing.get().stackStatusAsString());

        String bucket = plan.existingBucket();
        if (!exists && bucket.isEmpty()) {
            listener.phase("Creating stack " + stackName + " with its deployment bucket");
            applyChangeSet(stackName, bucketOnlyTemplate(plan), ChangeSetType.CREATE, "create", () -> { });
        }
        if (bucket.isEmpty() && exists && plan.deploymentBucketLogicalId().equals(DeploymentPlan.FRAMEWORK_BUCKET)) {
            // the Framework's stacks name their bucket in an output: one round trip less
            bucket = outputs(existing.get()).getOrDefault("ServerlessDeploymentBucketName", "");
        }
        if (bucket.isEmpty()) {
            bucket = cfn.describeStackResource(b -> b.stackName(stackName)
                    .logicalResourceId(plan.deploymentBucketLogicalId()))
                    .stackResourceDetail().physicalResourceId();
        }

        Trace.mark("deployer: bucket known");
        String fingerprintKey = "slipway/" + stackName + "/fingerprint";
        if (exists && plan.fingerprint().isPresent() && plan.fingerprint().get().equals(readText(bucket, fingerprintKey))) {
            listener.phase("Service unchanged (same configuration and artifacts): nothing to deploy");
            Stack stack = StackWatcher.describe(cfn, stackName).orElseThrow();
            return new Result(stackName, stack.stackStatusAsString(), outputs(stack), false);
        }

        Trace.mark("deployer: fingerprint compared");
        listener.phase("Uploading " + plan.artifacts().size() + " artifact(s) to s3://" + bucket);
        // The upload runs while the change set is created (which does not read the artifacts), and
        // is finished before the change set executes.
        String artifactBucket = bucket;
        java.util.concurrent.CompletableFuture<Void> upload = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (DeploymentPlan.Artifact a : plan.artifacts()) {
                s3.putObject(r -> r.bucket(artifactBucket).key(a.s3Key()), RequestBody.fromFile(a.localPath()));
            }
            Trace.mark("deployer: uploaded");
        }, runnable -> {
            Thread t = new Thread(runnable, "slipway-deploy-upload");
            t.setDaemon(true);
            t.start();
        });
        listener.phase((exists || plan.existingBucket().isEmpty() ? "Updating" : "Creating") + " stack " + stackName);
        ChangeSetType type = exists || plan.existingBucket().isEmpty() ? ChangeSetType.UPDATE : ChangeSetType.CREATE;
        boolean changed;
        try {
            changed = applyChangeSet(stackName, templateSource(plan, bucket), type, "deploy", () -> join(upload));
        } catch (RuntimeException e) {
            upload.handle((done, failure) -> null).join(); // no upload outlives the deploy; the first error wins
            throw e;
        }
        join(upload);
        if (plan.fingerprint().isPresent()) {
            String b = bucket;
            s3.putObject(r -> r.bucket(b).key(fingerprintKey), RequestBody.fromString(plan.fingerprint().get()));
        }
        Stack stack = StackWatcher.describe(cfn, stackName).orElseThrow();
        return new Result(stackName, stack.stackStatusAsString(), outputs(stack), changed);
    }

    /** Deletes the stack after emptying the deployment bucket, as {@code serverless remove} does. */
    public void remove(String stackName) {
        Optional<Stack> stack = settle(stackName);
        if (stack.isEmpty()) {
            throw new DeployException("Stack " + stackName + " does not exist on " + target,
                    "check the service name and --stage, or run 'slipway info'");
        }
        try {
            String bucket = cfn.describeStackResource(b -> b.stackName(stackName)
                    .logicalResourceId(DeploymentPlan.FRAMEWORK_BUCKET)).stackResourceDetail().physicalResourceId();
            listener.phase("Emptying deployment bucket " + bucket);
            emptyBucket(bucket);
        } catch (CloudFormationException e) {
            // No Framework deployment bucket in this stack: nothing to empty.
        }
        listener.phase("Removing stack " + stackName);
        delete(stackName);
    }

    /** The stack's state and outputs, if it exists. */
    public Optional<Stack> describe(String stackName) {
        return StackWatcher.describe(cfn, stackName);
    }

    /** The physical id of a stack resource (e.g. a table's name), by its logical id. */
    public String physicalId(String stackName, String logicalId) {
        try {
            return cfn.describeStackResource(b -> b.stackName(stackName).logicalResourceId(logicalId))
                    .stackResourceDetail().physicalResourceId();
        } catch (CloudFormationException e) {
            throw new IllegalArgumentException("stack " + stackName + " has no resource " + logicalId, e);
        }
    }

    public static Map<String, String> outputs(Stack stack) {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output o : stack.outputs()) {
            outputs.put(o.outputKey(), o.outputValue());
        }
        return outputs;
    }

    /** The object's text, or null when it does not exist. */
    private String readText(String bucket, String key) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return null;
        }
    }

    private void emptyBucket(String bucket) {
        String token = null;
        do {
            String t = token;
            var page = s3.listObjectsV2(b -> b.bucket(bucket).continuationToken(t));
            for (var o : page.contents()) {
                s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
    }

    private void delete(String stackName) {
        StackWatcher watcher = new StackWatcher(cfn, target, listener);
        watcher.markCurrent(stackName);
        cfn.deleteStack(b -> b.stackName(stackName));
        Optional<Stack> after = watcher.await(stackName);
        if (after.isPresent() && !"DELETE_COMPLETE".equals(after.get().stackStatusAsString())) {
            throw new DeployException("Removing stack " + stackName + " failed: " + after.get().stackStatusAsString()
                    + firstFailure(watcher.events()).map(f -> " — " + f).orElse(""),
                    "fix the resource named above (for example empty a bucket by hand) and run remove again");
        }
    }

    /** Waits for a stack that is mid-operation (a previous deploy that was interrupted). */
    private Optional<Stack> settle(String stackName) {
        Optional<Stack> stack = StackWatcher.describe(cfn, stackName);
        if (stack.isPresent() && !StackWatcher.isSettled(stack.get().stackStatusAsString())
                && !"REVIEW_IN_PROGRESS".equals(stack.get().stackStatusAsString())) {
            listener.phase("Waiting for stack " + stackName + " to finish " + stack.get().stackStatusAsString());
            stack = new StackWatcher(cfn, target, listener).await(stackName);
        }
        if (stack.isPresent() && "UPDATE_ROLLBACK_FAILED".equals(stack.get().stackStatusAsString())) {
            listener.phase("Continuing the failed rollback of " + stackName);
            cfn.continueUpdateRollback(b -> b.stackName(stackName));
            stack = new StackWatcher(cfn, target, listener).await(stackName);
        }
        return stack;
    }

    /** Creates a change set, executes it unless empty, and follows the stack. Returns whether anything changed. */
    private static void join(java.util.concurrent.CompletableFuture<Void> f) {
        try {
            f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private boolean applyChangeSet(String stackName, TemplateSource template, ChangeSetType type, String purpose,
            Runnable beforeExecute) {
        String changeSetName = "slipway-" + purpose + "-" + clock.millis();
        cfn.createChangeSet(b -> {
            b.stackName(stackName).changeSetName(changeSetName).changeSetType(type)
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM,
                            Capability.CAPABILITY_AUTO_EXPAND);
            if (template.url() != null) {
                b.templateURL(template.url());
            } else {
                b.templateBody(template.body());
            }
        });
        Trace.mark("deployer: change set created");
        // The events that exist now are read while the change set is computed (creating it adds
        // none; executing it does): one page of up to 100 events less on the way to executing it.
        StackWatcher watcher = new StackWatcher(cfn, target, listener);
        java.util.concurrent.CompletableFuture<Void> marked = java.util.concurrent.CompletableFuture.runAsync(
                () -> watcher.markCurrent(stackName), runnable -> {
                    Thread t = new Thread(runnable, "slipway-deploy-events");
                    t.setDaemon(true);
                    t.start();
                });
        DescribeChangeSetResponse cs;
        while (true) {
            cs = cfn.describeChangeSet(b -> b.stackName(stackName).changeSetName(changeSetName));
            ChangeSetStatus status = cs.status();
            if (status == ChangeSetStatus.CREATE_COMPLETE || status == ChangeSetStatus.FAILED) {
                break;
            }
            pause();
        }
        if (cs.status() == ChangeSetStatus.FAILED) {
            marked.handle((done, failure) -> null).join();
            String reason = cs.statusReason() == null ? "" : cs.statusReason();
            cfn.deleteChangeSet(b -> b.stackName(stackName).changeSetName(changeSetName));
            if (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")) {
                listener.phase("No changes to deploy");
                return false;
            }
            throw new DeployException("CloudFormation rejected the template of " + stackName + ": " + reason,
                    "fix the template (run 'slipway validate' and 'slipway package' to see it)");
        }
        Trace.mark("deployer: change set ready");
        try {
            beforeExecute.run();
        } finally {
            marked.handle((done, failure) -> null).join();
        }
        join(marked);
        Trace.mark("deployer: execute change set");
        Thread onCtrlC = new Thread(() -> interrupted(stackName, type), "slipway-deploy-interrupted");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        Stack settled;
        try {
            cfn.executeChangeSet(b -> b.stackName(stackName).changeSetName(changeSetName));
            Trace.mark("deployer: change set executing");
            settled = watcher.await(stackName).orElseThrow(() -> new DeployException(
                    "Stack " + stackName + " disappeared during the deployment", "run the deploy again"));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or ran
            }
        }
        String status = settled.stackStatusAsString();
        Trace.mark("deployer: stack settled " + status);
        if (!status.equals("CREATE_COMPLETE") && !status.equals("UPDATE_COMPLETE")) {
            throw new DeployException("Deploying " + stackName + " failed"
                    + firstFailure(watcher.events()).map(f -> ": " + f).orElse("")
                    + ". Rollback: stack is " + status + ".",
                    status.endsWith("ROLLBACK_COMPLETE")
                            ? "the previous state was restored; fix the cause and deploy again"
                            : "inspect with 'slipway info' and the stack events, then deploy again");
        }
        return true;
    }

    /**
     * Ctrl-C (or SIGTERM) while the stack changes: an update is cancelled, so the stack rolls back to
     * the previous deployment instead of finishing one the user gave up on; a creation cannot be
     * cancelled and goes on. Either way the next deploy waits for the stack to settle and continues
     * from there (a creation that rolled back is deleted and made again). Says so on the console.
     */
    private void interrupted(String stackName, ChangeSetType type) {
        String next = " The next 'slipway deploy' waits for it and deploys again.";
        if (type == ChangeSetType.UPDATE) {
            try {
                cfn.cancelUpdateStack(b -> b.stackName(stackName));
                listener.phase("Interrupted: cancelled the update of stack " + stackName
                        + " (CancelUpdateStack); it rolls back to the previous deployment." + next);
                return;
            } catch (RuntimeException e) {
                // settled meanwhile, or the endpoint is gone: say what state the stack is in
            }
        }
        String status;
        try {
            status = StackWatcher.describe(cfn, stackName).map(Stack::stackStatusAsString).orElse("gone");
        } catch (RuntimeException e) {
            status = "unknown (" + target + " did not answer)";
        }
        listener.phase("Interrupted: stack " + stackName + " is " + status
                + (StackWatcher.isSettled(status) ? "." : " and goes on without this command.") + next);
    }

    /** The first resource failure of a deployment, skipping the cancellations it caused. */
    static Optional<String> firstFailure(List<StackEvent> events) {
        Optional<String> withoutReason = Optional.empty();
        for (StackEvent e : events) {
            String s = e.resourceStatusAsString();
            if (withoutReason.isEmpty() && s != null && s.endsWith("_FAILED")
                    && !"AWS::CloudFormation::Stack".equals(e.resourceType())) {
                withoutReason = Optional.of(e.logicalResourceId() + " (" + e.resourceType() + ") " + s
                        + ": no reason given");
            }
        }
        for (StackEvent e : events) {
            String status = e.resourceStatusAsString();
            String reason = e.resourceStatusReason() == null ? "" : e.resourceStatusReason();
            if (status != null && status.endsWith("_FAILED") && !reason.contains("cancelled")
                    && !"AWS::CloudFormation::Stack".equals(e.resourceType())) {
                return Optional.of(e.logicalResourceId() + " (" + e.resourceType() + ") " + status + ": " + reason);
            }
        }
        return withoutReason;
    }

    private record TemplateSource(String body, String url) {}

    /** The first template of a new stack, as the compiler wrote it (cloudformation-template-create-stack.json). */
    private TemplateSource bucketOnlyTemplate(DeploymentPlan plan) {
        return new TemplateSource(Json.string(plan.createTemplate().orElseThrow(() -> new DeployException(
                "The deployment of " + plan.stackName() + " has no create-stack template and no existing bucket",
                "set provider.deploymentBucket to an existing bucket, or let Slipway compile the bucket"))), null);
    }

    private TemplateSource templateSource(DeploymentPlan plan, String bucket) {
        byte[] body = Json.string(plan.template()).getBytes(StandardCharsets.UTF_8);
        if (body.length <= MAX_TEMPLATE_BODY_BYTES) {
            return new TemplateSource(new String(body, StandardCharsets.UTF_8), null);
        }
        String key = plan.artifacts().isEmpty()
                ? "serverless/" + plan.stackName() + "/compiled-cloudformation-template.json"
                : plan.artifacts().get(0).s3Key().replaceAll("/[^/]*$", "") + "/compiled-cloudformation-template.json";
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(body));
        return new TemplateSource(null, target.objectUrl(bucket, key));
    }

    private void pause() {
        try {
            Thread.sleep(target.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted", "run the deploy again to continue");
        }
    }

    @Override
    public void close() {
        cfn.close();
        s3.close();
    }
}
