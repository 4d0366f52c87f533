package dev.slipway.cli;

import dev.slipway.deploy.Target;
import dev.slipway.deploy.prune.ServicePrune;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** {@code slipway prune}: deletes old published versions, never one an alias uses, never $LATEST. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Delete old published versions of the service's functions: keeps the newest N, every version "
                + "an alias points at or shifts traffic to, and $LATEST.")
public final class PruneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Mixin
    TargetOptions target;

    @Option(names = "--keep", paramLabel = "N",
            description = "How many of the newest versions to keep per function (default: custom.slipway.prune.keep).")
    Integer keep;

    @Option(names = "--dry-run", description = "Show what would be deleted; change nothing.")
    boolean dryRun;

    @Option(names = "--function", paramLabel = "NAME", description = "Only this function (its key in serverless.yml).")
    String function;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Service svc = service.load(spec.commandLine().getErr(), Map.of(), target.variables());
        int n = Optional.ofNullable(keep).or(() -> svc.slipway().pruneKeep()).orElseThrow(() -> new UserError(
                "how many versions to keep is not set", "pass --keep N, or set custom.slipway.prune.keep in serverless.yml"));
        if (n < 1) {
            throw new UserError("--keep must be at least 1, was " + n,
                    "keep at least the newest version; the alias and $LATEST are kept regardless");
        }
        Target t = target.resolveRunning(svc.region());
        int count;
        try (LambdaClient lambda = t.lambda()) {
            count = ServicePrune.run(lambda, svc, n, dryRun, Optional.ofNullable(function), out::println);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), "pass --function with a key under functions: in serverless.yml");
        } catch (SdkException e) {
            throw new UserError("talking to " + t + " failed: " + e.getMessage(),
                    t.isLocal() ? "is the local cloud running? ('slipway cloud')" : "check your AWS credentials and region");
        }
        out.println(dryRun ? "Dry run: " + count + " version" + (count == 1 ? "" : "s") + " would be deleted; nothing "
                + "was changed." : "Deleted " + count + " version" + (count == 1 ? "" : "s") + ".");
        out.flush();
        return 0;
    }
}
