package dev.slipway.service;

import java.util.Map;
import java.util.Optional;

/**
 * How to load a service: the stage and region chosen on the command line (empty: from the file,
 * else {@code dev} / {@code us-east-1}), the other CLI options for {@code ${opt:…}}, the source
 * for {@code ${ssm:…}}/{@code ${cf:…}}/{@code ${s3:…}} and the environment for {@code ${env:…}}.
 */
public record LoadOptions(Optional<String> stage, Optional<String> region, Map<String, String> cliOptions,
        Optional<VariableSource> remoteSource, Map<String, String> env) {

    public LoadOptions {
        stage = stage == null ? Optional.empty() : stage.filter(s -> !s.isBlank());
        region = region == null ? Optional.empty() : region.filter(s -> !s.isBlank());
        cliOptions = cliOptions == null ? Map.of() : Map.copyOf(cliOptions);
        remoteSource = remoteSource == null ? Optional.empty() : remoteSource;
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** Convenience overload taking a nullable stage and region. */
    public LoadOptions(String stage, String region, Map<String, String> cliOptions,
            Optional<VariableSource> remoteSource, Map<String, String> env) {
        this(Optional.ofNullable(stage), Optional.ofNullable(region), cliOptions, remoteSource, env);
    }

    /** No stage or region override, the process environment, no deployment target. */
    public static LoadOptions defaults() {
        return new LoadOptions(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), System.getenv());
    }

    public LoadOptions withStage(String s) {
        return new LoadOptions(Optional.ofNullable(s), region, cliOptions, remoteSource, env);
    }

    public LoadOptions withRemoteSource(VariableSource source) {
        return new LoadOptions(stage, region, cliOptions, Optional.ofNullable(source), env);
    }
}
