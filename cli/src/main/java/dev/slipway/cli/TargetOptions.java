package dev.slipway.cli;

import dev.slipway.deploy.Target;
import dev.slipway.deploy.TargetVariables;
import dev.slipway.service.VariableSource;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a command talks to: the local cloud (default) or AWS. Shared by the commands that deploy or read a deployed service. */
final class TargetOptions {
    enum Kind { local, aws }

    @Option(names = "--target", defaultValue = "local",
            description = "local (the Slipway local cloud; default) or aws (your AWS credentials and region).")
    Kind target;

    @Option(names = "--endpoint", description = "Endpoint URL: the local cloud's (default http://127.0.0.1:4566), "
            + "or with --target aws another AWS-compatible endpoint.")
    URI endpoint;

    @Option(names = "--region", description = "AWS region (default: the service's provider.region, else us-east-1).")
    String region;

    /**
     * The source for {@code ${cf:…}}, {@code ${s3:…}} and {@code ${aws:accountId}} on this target; it
     * only contacts the target when the configuration uses such a variable.
     */
    Optional<VariableSource> variables() {
        return Optional.of(new TargetVariables(resolve(System.getenv("AWS_REGION"))));
    }

    /**
     * The target, for a command that needs the service already deployed there: against the local cloud,
     * one must be running (only deploy and offline start one).
     */
    Target resolveRunning(String serviceRegion) {
        Target t = resolve(serviceRegion);
        if (t.isLocal() && !BackgroundCloud.healthy(t.endpoint().orElseThrow())) {
            throw new UserError("no local cloud answers at " + t.endpoint().get(),
                    "start one with 'slipway cloud' (or deploy, which starts one)");
        }
        return t;
    }

    Target resolve(String serviceRegion) {
        if (target == Kind.local) {
            return Target.local(endpoint == null ? URI.create(Target.DEFAULT_LOCAL_ENDPOINT) : endpoint);
        }
        String r = region != null ? region : serviceRegion != null ? serviceRegion : "us-east-1";
        return Target.aws(r, Optional.ofNullable(endpoint));
    }
}
