package dev.slipway.deploy.release;

import dev.slipway.service.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * A service's release alias ({@code live} unless {@code custom.slipway.alias} says otherwise) on
 * each of its functions, read and moved through the Lambda API, so the same code works on AWS and
 * in the local cloud.
 */
public final class LiveAlias {
    private final LambdaClient lambda;
    private final String name;

    public LiveAlias(LambdaClient lambda, String aliasName) {
        this.lambda = lambda;
        this.name = aliasName;
    }

    public String name() {
        return name;
    }

    /**
     * Where an alias points.
     *
     * @param version the version it points at
     * @param weights other versions that get a share of the traffic (RoutingConfig.AdditionalVersionWeights)
     */
    public record State(String version, Map<String, Double> weights) {
        public State {
            weights = Map.copyOf(weights);
        }

        /** All traffic on this version, no weighted routing. */
        public boolean isOnly(String v) {
            return version.equals(v) && weights.isEmpty();
        }
    }

    /**
     * The version behind the alias now, per function (function key → version); functions without
     * the alias (not deployed yet, or not versioned) are left out.
     *
     * @param functions function key → deployed function name
     */
    public Map<String, String> versions(Map<String, String> functions) {
        Map<String, String> out = new LinkedHashMap<>();
        functions.forEach((key, functionName) -> get(functionName).ifPresent(a -> out.put(key, a.version())));
        return out;
    }

    /** The alias of one function, if it exists. */
    public Optional<State> get(String functionName) {
        try {
            var a = lambda.getAlias(b -> b.functionName(functionName).name(name));
            return Optional.of(new State(a.functionVersion(), a.routingConfig() == null ? Map.of()
                    : a.routingConfig().additionalVersionWeights()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * What a deployment moves: for each function, the version its alias pointed at before (from
     * {@link #versions}) and the version the stack published (its {@code <Fn>LambdaFunctionQualifiedArn}
     * output, a version ARN). Functions whose alias already points at that version are left out.
     */
    public static List<Change> changes(Map<String, String> before, Map<String, String> stackOutputs,
            Map<String, String> functions) {
        List<Change> out = new ArrayList<>();
        functions.forEach((key, functionName) -> {
            String arn = stackOutputs.get(Naming.qualifiedArnOutput(key));
            if (arn == null) {
                return;
            }
            String to = arn.substring(arn.lastIndexOf(':') + 1);
            Optional<String> from = Optional.ofNullable(before.get(key));
            if (!from.equals(Optional.of(to))) {
                out.add(new Change(key, functionName, from, to));
            }
        });
        return out;
    }

    /**
     * Points the alias at one version with no weighted routing: the instant switch of an all-at-once
     * release and of a rollback. Requests already running finish on the version they started on.
     */
    public void pointAt(String functionName, String version) {
        lambda.updateAlias(b -> b.functionName(functionName).name(name).functionVersion(version)
                .routingConfig(r -> r.additionalVersionWeights(Map.of())));
    }

    /** Whether the function has this published version (a version may have been pruned). */
    public boolean hasVersion(String functionName, String version) {
        try {
            lambda.getFunctionConfiguration(b -> b.functionName(functionName).qualifier(version));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** The function's published versions, oldest first ($LATEST left out). */
    public List<String> publishedVersions(String functionName) {
        List<String> out = new ArrayList<>();
        try {
            lambda.listVersionsByFunctionPaginator(b -> b.functionName(functionName)).versions().forEach(v -> {
                if (!"$LATEST".equals(v.version())) {
                    out.add(v.version());
                }
            });
        } catch (ResourceNotFoundException e) {
            // not deployed: no versions
        }
        return out;
    }
}
