package dev.slipway.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved service: what {@code serverless.yml} says once variables are resolved and defaults
 * applied. {@code resources} is the user's {@code resources:} section (Resources, Outputs,
 * Conditions, …) as CloudFormation JSON; {@code custom} the {@code custom:} section.
 *
 * @param name          {@code service:}
 * @param stage         the chosen stage (--stage, else provider.stage, else {@code dev})
 * @param region        the chosen region (--region, else provider.region, else {@code us-east-1})
 * @param functions     by their key in {@code functions:}, in file order
 * @param plugins       {@code plugins:} as written
 */
public record Service(String name, Path serviceDir, Path configFile, String stage, String region, Provider provider,
        PackageSpec packaging, Map<String, FunctionSpec> functions, ObjectNode resources, ObjectNode custom,
        List<String> plugins, SlipwaySettings slipway, ObjectNode resolvedConfiguration) {

    /** {@code <service>-<stage>}, or provider.stackName. */
    public String stackName() {
        return provider.stackName().orElse(name + "-" + stage);
    }

    /** The resolved configuration as the Framework's {@code print} shows it (a copy). */
    @Override
    public ObjectNode resolvedConfiguration() {
        return resolvedConfiguration.deepCopy();
    }

    /** The resolved configuration itself, for this package's readers (not copied). */
    ObjectNode config() {
        return resolvedConfiguration;
    }

    public Optional<FunctionSpec> function(String key) {
        return Optional.ofNullable(functions.get(key));
    }

    /** {@code package:} (service level). */
    public record PackageSpec(Optional<Path> artifact, boolean individually, List<String> patterns) {}
}
