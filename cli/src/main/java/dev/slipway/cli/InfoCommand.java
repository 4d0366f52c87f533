package dev.slipway.cli;

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
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** {@code slipway info}: the deployed stack's state, endpoints, functions and outputs. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a deployed service: stack status, endpoint, functions, outputs, last deployment.")
public final class InfoCommand implements Callable<Integer> {
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
        Target t = target.resolveRunning(svc.region());
        try (Deployer deployer = new Deployer(t, dev.slipway.deploy.DeployListener.SILENT, Clock.systemUTC())) {
            Stack stack = deployer.describe(svc.stackName()).orElseThrow(() -> new UserError(
                    "the service " + svc.name() + " is not deployed to stage " + svc.stage() + " on " + t,
                    "deploy it with 'slipway deploy --stage " + svc.stage() + "'"));
            out.println("status: " + stack.stackStatusAsString()
                    + (stack.lastUpdatedTime() != null ? "   last deployment: " + stack.lastUpdatedTime()
                            : "   created: " + stack.creationTime()));
            DeployCommand.printOutputs(out, svc, t, Deployer.outputs(stack));
        }
        return 0;
    }
}
