package dev.slipway.deploy.release;

import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/**
 * Moves an alias's traffic only through the Lambda API, so the same calls run on AWS and in the
 * local cloud: while shifting, the alias stays on the old version and routes a weight to the new
 * one ({@code RoutingConfig.AdditionalVersionWeights}); at 100 % it points at the new version with
 * no routing, which is where CodeDeploy leaves it too.
 */
final class AliasRouter {
    private final LambdaClient lambda;
    private final String alias;

    AliasRouter(LambdaClient lambda, String alias) {
        this.lambda = lambda;
        this.alias = alias;
    }

    /** {@code percent} of the alias's traffic on {@code to}, the rest on {@code from}. */
    UpdateAliasResponse route(String functionName, String from, String to, int percent) {
        if (percent >= 100) {
            return only(functionName, to);
        }
        if (percent <= 0) {
            return only(functionName, from);
        }
        // k/100 as a double is the closest binary fraction; Lambda accepts it as the weight
        double weight = percent / 100.0;
        return lambda.updateAlias(b -> b.functionName(functionName).name(alias).functionVersion(from)
                .routingConfig(r -> r.additionalVersionWeights(Map.of(to, weight))));
    }

    /** The alias on one version, no routing: the end of a release, and a rollback. */
    UpdateAliasResponse only(String functionName, String version) {
        return lambda.updateAlias(b -> b.functionName(functionName).name(alias).functionVersion(version)
                .routingConfig(r -> r.additionalVersionWeights(Map.of())));
    }

    String alias() {
        return alias;
    }
}
