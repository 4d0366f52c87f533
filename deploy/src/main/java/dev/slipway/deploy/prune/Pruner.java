package dev.slipway.deploy.prune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Deletes a function's old published versions through the Lambda API, so the same code prunes on
 * AWS and on the local cloud. Keeps the newest {@code keep} versions, every version an alias points
 * at or routes a share of traffic to (RoutingConfig.AdditionalVersionWeights, i.e. a shift in
 * progress), and $LATEST, which is not a published version.
 *
 * <pre>{@code
 * Pruner pruner = new Pruner(target.lambda());
 * Pruner.Plan plan = pruner.plan("orders-prod-create", 3);
 * pruner.apply(plan);   // or print plan.toDelete() for a dry run
 * }</pre>
 */
public final class Pruner {
    private final LambdaClient lambda;

    public Pruner(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /**
     * What pruning one function would do.
     *
     * @param function  the deployed function name
     * @param exists    false when the function is not deployed (nothing to do)
     * @param kept      the newest versions kept by count, newest first
     * @param aliased   older versions kept because aliases use them: version → alias names
     * @param toDelete  the versions to delete, oldest first, with their code size
     */
    public record Plan(String function, boolean exists, List<String> kept, Map<String, List<String>> aliased,
            Map<String, Long> toDelete) {
        public long bytesToFree() {
            return toDelete.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The outcome of {@link #apply}: versions deleted, and those left because an alias took them meanwhile. */
    public record Result(String function, List<String> deleted, Map<String, String> skipped, long bytesFreed) {}

    /** Reads the function's versions and aliases and decides; changes nothing. */
    public Plan plan(String function, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        TreeMap<Integer, FunctionConfiguration> versions = new TreeMap<>(Comparator.reverseOrder());
        List<AliasConfiguration> aliases = new ArrayList<>();
        try {
            lambda.listVersionsByFunctionPaginator(b -> b.functionName(function)).versions().forEach(v -> {
                if (!"$LATEST".equals(v.version())) {
                    versions.put(Integer.parseInt(v.version()), v);
                }
            });
            lambda.listAliasesPaginator(b -> b.functionName(function)).aliases().forEach(aliases::add);
        } catch (ResourceNotFoundException e) {
            return new Plan(function, false, List.of(), Map.of(), Map.of());
        }
        Map<String, List<String>> usedBy = new TreeMap<>();
        for (AliasConfiguration a : aliases) {
            usedBy.computeIfAbsent(a.functionVersion(), k -> new ArrayList<>()).add(a.name());
            if (a.routingConfig() != null && a.routingConfig().additionalVersionWeights() != null) {
                a.routingConfig().additionalVersionWeights().keySet().forEach(v ->
                        usedBy.computeIfAbsent(v, k -> new ArrayList<>()).add(a.name() + " (weighted)"));
            }
        }
        List<String> kept = new ArrayList<>();
        Map<String, List<String>> aliased = new LinkedHashMap<>();
        Map<String, Long> toDelete = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        int n = 0;
        for (Map.Entry<Integer, FunctionConfiguration> e : versions.entrySet()) {
            String v = e.getKey().toString();
            if (n++ < keep) {
                kept.add(v);
            } else if (usedBy.containsKey(v)) {
                aliased.put(v, List.copyOf(usedBy.get(v)));
            } else {
                toDelete.put(v, e.getValue().codeSize() == null ? 0 : e.getValue().codeSize());
            }
        }
        return new Plan(function, true, List.copyOf(kept), aliased, toDelete);
    }

    /**
     * Deletes what the plan says, oldest first. Lambda itself refuses to delete a version an alias
     * uses (ResourceConflictException), so an alias moved between plan and apply is never broken:
     * that version is skipped and named in the result.
     */
    public Result apply(Plan plan) {
        List<String> deleted = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        long freed = 0;
        for (Map.Entry<String, Long> e : plan.toDelete().entrySet()) {
            try {
                lambda.deleteFunction(b -> b.functionName(plan.function()).qualifier(e.getKey()));
                deleted.add(e.getKey());
                freed += e.getValue();
            } catch (ResourceConflictException ex) {
                skipped.put(e.getKey(), ex.awsErrorDetails() == null ? ex.getMessage() : ex.awsErrorDetails().errorMessage());
            } catch (ResourceNotFoundException ex) {
                skipped.put(e.getKey(), "already deleted");
            }
        }
        return new Result(plan.function(), List.copyOf(deleted), skipped, freed);
    }
}
