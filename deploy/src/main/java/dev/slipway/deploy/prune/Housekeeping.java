package dev.slipway.deploy.prune;

import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.Target;
import dev.slipway.deploy.limits.CodeStorage;
import dev.slipway.service.Problem;
import dev.slipway.service.Service;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * What {@code slipway deploy} does around a deployment for Lambda's storage: before, the region's
 * code storage is checked (GetAccountSettings); after a successful one, old versions are pruned
 * when {@code custom.slipway.prune.keep} is set. One call each, so the deploy command stays small.
 */
public final class Housekeeping {
    private Housekeeping() {}

    /** Throws a DeployException when the deployment would not fit in the region's code storage; warns from 80 %. */
    public static void beforeDeploy(Service service, Target target, DeployListener listener) {
        List<Problem> problems;
        try (LambdaClient lambda = target.lambda()) {
            problems = CodeStorage.check(lambda, service);
        } catch (SdkException e) {
            listener.phase("Code storage not checked: GetAccountSettings failed on " + target + " (" + e.getMessage() + ")");
            return;
        }
        for (Problem p : problems) {
            if (p.isError()) {
                throw new DeployException(p.message(), p.hint());
            }
            listener.phase("warning: " + p.message() + " — " + p.hint());
        }
    }

    /** Prunes every function down to custom.slipway.prune.keep versions (aliased ones stay); nothing when unset. */
    public static void afterDeploy(Service service, Target target, DeployListener listener) {
        Optional<Integer> keep = service.slipway().pruneKeep();
        if (keep.isEmpty()) {
            return;
        }
        listener.phase("Pruning old versions (custom.slipway.prune.keep: " + keep.get() + ")");
        try (LambdaClient lambda = target.lambda()) {
            ServicePrune.run(lambda, service, keep.get(), false, Optional.empty(), line -> listener.phase("  " + line));
        } catch (SdkException e) {
            // The deployment itself succeeded: say so rather than fail it.
            listener.phase("Pruning failed (the deployment succeeded): " + e.getMessage());
        }
    }
}
