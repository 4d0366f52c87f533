package dev.slipway.cli;

import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.Target;
import dev.slipway.deploy.release.Change;
import dev.slipway.deploy.release.Deployment;
import dev.slipway.deploy.release.Rollback;
import dev.slipway.service.CloudFormationCompiler;
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

/** {@code slipway rollback}: the release alias back to earlier versions, instantly, without redeploying. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Switch the functions' release alias back to earlier versions at once (no redeploy; "
                + "requests in flight finish), and record it in the history.",
                "Without options: undo the newest deployment still in effect. Run again to go further back."})
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Mixin
    TargetOptions target;

    @Option(names = "--to", paramLabel = "VERSION",
            description = "A published version to switch to (with --function when the service has several).")
    String toVersion;

    @Option(names = "--deployment", paramLabel = "ID",
            description = "Go back to the versions that were live when this deployment finished "
                    + "(ids from 'slipway deployments').")
    String deployment;

    @Option(names = "--function", paramLabel = "NAME", description = "Only this function (its key in serverless.yml).")
    String function;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Service svc = service.load(spec.commandLine().getErr(), Map.of(), target.variables());
        Target t = target.resolveRunning(svc.region());
        long start = System.nanoTime();
        Deployment d;
        try {
            d = new Rollback(t).run(svc, new Rollback.Request(Optional.ofNullable(toVersion),
                    Optional.ofNullable(deployment), Optional.ofNullable(function)));
        } catch (DeployException e) {
            throw new UserError(e.getMessage(), e.hint());
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new UserError("talking to " + t + " failed: " + e.getMessage(), "check the target and try again");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String alias = CloudFormationCompiler.aliasName(svc);
        out.println("Rolled back " + svc.stackName() + " in " + millis + " ms (" + d.reason() + "):");
        for (Change c : d.changes()) {
            out.println("  " + c + " (" + alias + ")");
        }
        out.println("recorded as deployment " + d.id() + " ('slipway deployments' shows the history)");
        out.flush();
        return 0;
    }
}
