package dev.slipway.cli;

import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.Deployer;
import dev.slipway.deploy.Target;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway remove}: empties the deployment bucket, then deletes the stack. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a deployed service: empty its deployment bucket, then delete its stack.")
public final class RemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Mixin
    TargetOptions target;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Service svc = service.load(spec.commandLine().getErr(), Map.of(), target.variables());
        Target t = target.resolve(svc.region());
        ConsoleDeployListener listener = new ConsoleDeployListener(out, true);
        try (Deployer deployer = new Deployer(t, listener, Clock.systemUTC())) {
            deployer.remove(svc.stackName());
        } catch (DeployException e) {
            throw new UserError(e.getMessage(), e.hint());
        }
        listener.phase("Removed " + svc.stackName());
        return 0;
    }
}
