package dev.slipway.deploy.release;

import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.Deployer;
import dev.slipway.deploy.DeploymentPlan;
import dev.slipway.deploy.Target;
import dev.slipway.deploy.Trace;
import dev.slipway.service.CloudFormationCompiler;
import dev.slipway.service.CompileOptions;
import dev.slipway.service.CompiledStack;
import dev.slipway.service.Service;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * One release of a service: read where each function's alias points, compile and apply the stack
 * (which publishes the new versions), record the deployment in the history, move the traffic with
 * the chosen {@link Shift}, and record its outcome.
 *
 * <pre>{@code
 * Release.Result r = new Release(target, listener, Clock.systemUTC()).deploy(service, Shift.allAtOnce());
 * r.deployment();   // the history entry, empty when no alias had to move
 * }</pre>
 */
public final class Release {
    private final Target target;
    private final DeployListener listener;
    private final Clock clock;

    public Release(Target target, DeployListener listener, Clock clock) {
        this.target = target;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * @param stack      the stack update's result (outputs, whether anything changed)
     * @param deployment the history entry; empty when every alias already pointed at its version
     */
    public record Result(Deployer.Result stack, Optional<Deployment> deployment) {
        /** True unless the traffic shift gave up (the aliases went back). */
        public boolean succeeded() {
            return deployment.map(d -> d.outcome() == Outcome.SUCCEEDED).orElse(true);
        }
    }

    public Result deploy(Service service, Shift shift) {
        String stackName = service.stackName();
        Map<String, String> functions = CloudFormationCompiler.releasedFunctions(service);
        try (LambdaClient lambda = target.lambda(); Deployer deployer = new Deployer(target, listener, clock)) {
            Trace.mark("deploy: clients built");
            LiveAlias alias = new LiveAlias(lambda, CloudFormationCompiler.aliasName(service));
            Map<String, String> before = alias.versions(functions);
            CompileOptions options = CompileOptions.at(clock);
            if (shift.holdsAliases()) {
                options = options.withLiveVersions(before);
            }
            Trace.mark("deploy: aliases read");
            CompiledStack stack = CloudFormationCompiler.compile(service, options);
            Trace.mark("deploy: compiled");
            listener.phase("Deploying " + stackName + " to " + target);
            Deployer.Result result;
            try {
                DeploymentPlan plan = DeploymentPlan.of(stack, service);
                Trace.mark("deploy: plan and fingerprint");
                result = deployer.deploy(plan);
            } catch (DeployException e) {
                recordFailedStack(deployer, service, shift, e);
                throw e;
            }
            Trace.mark("deploy: stack applied");
            List<Change> changes = LiveAlias.changes(before, result.outputs(), functions);
            if (changes.isEmpty()) {
                return new Result(result, Optional.empty());
            }
            try (DeploymentHistory history = DeploymentHistory.of(target, result.outputs(), stackName)) {
                Deployment started = history.start(service.stage(), shift.strategy(), changes);
                Shift.Result shifted;
                try {
                    shifted = shift.run(started, alias, listener);
                } catch (RuntimeException e) {
                    history.finish(started.id(), Outcome.FAILED, "the traffic shift stopped: " + e.getMessage());
                    throw e;
                }
                return new Result(result, Optional.of(history.finish(started.id(), shifted.outcome(),
                        shifted.reason())));
            }
        }
    }

    /**
     * A stack update that failed (and rolled back) is in the history too, with its reason, when the
     * stack and its bucket exist; a first creation that failed has nowhere to keep it.
     */
    private void recordFailedStack(Deployer deployer, Service service, Shift shift, DeployException failure) {
        try {
            Optional<Map<String, String>> outputs = deployer.describe(service.stackName()).map(Deployer::outputs);
            if (outputs.isPresent() && outputs.get().containsKey(DeploymentHistory.BUCKET_OUTPUT)) {
                try (DeploymentHistory history = DeploymentHistory.of(target, outputs.get(), service.stackName())) {
                    history.record(service.stage(), shift.strategy(), List.of(), Outcome.FAILED, failure.getMessage());
                }
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
