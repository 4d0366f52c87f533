package dev.slipway.deploy.prune;

import dev.slipway.deploy.limits.Sizes;
import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Prunes every function of a service (or one), and says what it did or would do, one line per function. */
public final class ServicePrune {
    private ServicePrune() {}

    /**
     * @param only     a function key from serverless.yml (or its deployed name); empty: every function
     * @param dryRun   plan only, change nothing
     * @param report   receives one line per function
     * @return the number of versions deleted (or that would be)
     */
    public static int run(LambdaClient lambda, Service service, int keep, boolean dryRun, Optional<String> only,
            Consumer<String> report) {
        Pruner pruner = new Pruner(lambda);
        int count = 0;
        for (FunctionSpec f : functions(service, only)) {
            Pruner.Plan plan = pruner.plan(f.deployedName(), keep);
            if (!plan.exists()) {
                report.accept(f.deployedName() + ": not deployed, nothing to prune");
                continue;
            }
            StringBuilder line = new StringBuilder(f.deployedName() + ": ");
            line.append(plan.kept().isEmpty() ? "no published versions" : "keeping " + plan.kept().size()
                    + " newest (" + String.join(", ", plan.kept()) + ")");
            for (Map.Entry<String, List<String>> a : plan.aliased().entrySet()) {
                line.append("; keeping ").append(a.getKey()).append(" (alias ").append(String.join(", ", a.getValue()))
                        .append(")");
            }
            if (plan.toDelete().isEmpty()) {
                line.append("; nothing to delete");
            } else if (dryRun) {
                line.append("; would delete ").append(String.join(", ", plan.toDelete().keySet())).append(" (")
                        .append(mb(plan.bytesToFree())).append(")");
                count += plan.toDelete().size();
            } else {
                Pruner.Result r = pruner.apply(plan);
                line.append("; deleted ").append(r.deleted().isEmpty() ? "none" : String.join(", ", r.deleted()))
                        .append(" (").append(mb(r.bytesFreed())).append(" freed)");
                r.skipped().forEach((v, why) -> line.append("; left ").append(v).append(": ").append(why));
                count += r.deleted().size();
            }
            report.accept(line.toString());
        }
        return count;
    }

    /** The functions to prune; an unknown name is an IllegalArgumentException naming the ones there are. */
    static List<FunctionSpec> functions(Service service, Optional<String> only) {
        if (only.isEmpty()) {
            return new ArrayList<>(service.functions().values());
        }
        String name = only.get();
        return service.functions().values().stream()
                .filter(f -> f.key().equals(name) || f.deployedName().equals(name)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("no function \"" + name + "\" in service "
                        + service.name() + "; its functions: " + String.join(", ", service.functions().keySet())));
    }

    private static String mb(long bytes) {
        return Sizes.human(bytes);
    }
}
