package dev.slipway.cli;

import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.Target;
import dev.slipway.deploy.release.Change;
import dev.slipway.deploy.release.Deployment;
import dev.slipway.deploy.release.DeploymentHistory;
import dev.slipway.service.CloudFormationCompiler;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway deployments}: the service's release history, newest first. */
@Command(name = "deployments", mixinStandardHelpOptions = true,
        description = "List the service's deployments and rollbacks, newest first: when, which versions moved, "
                + "strategy, outcome and reason.")
public final class DeploymentsCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Mixin
    TargetOptions target;

    @Option(names = "--limit", paramLabel = "N", description = "Show only the newest N.")
    Integer limit;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Service svc = service.load(spec.commandLine().getErr(), Map.of(), target.variables());
        Target t = target.resolveRunning(svc.region());
        List<Deployment> all;
        try (DeploymentHistory history = DeploymentHistory.forStack(t, svc.stackName())) {
            all = history.list();
        } catch (DeployException e) {
            throw new UserError(e.getMessage(), e.hint());
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new UserError("talking to " + t + " failed: " + e.getMessage(), "check the target and try again");
        }
        if (all.isEmpty()) {
            out.println(svc.stackName() + ": no deployments recorded yet (Slipway records each 'slipway deploy')");
            out.flush();
            return 0;
        }
        List<Deployment> shown = limit == null ? all : all.subList(0, Math.min(Math.max(limit, 0), all.size()));
        out.println(svc.stackName() + " (alias " + CloudFormationCompiler.aliasName(svc) + "): " + all.size()
                + " deployment" + (all.size() == 1 ? "" : "s") + ", newest first");
        int strategyWidth = shown.stream().mapToInt(d -> d.strategy().length()).max().orElse(0);
        for (Deployment d : shown) {
            out.printf("%s  %s  %-" + strategyWidth + "s  %-11s  %s%n", d.id(), WHEN.format(d.startedAt()),
                    d.strategy(), d.outcome(), d.finishedAt().map(f -> seconds(Duration.between(d.startedAt(), f)))
                            .orElse("running"));
            out.println("    " + (d.changes().isEmpty() ? "no version moved" : changes(d.changes())));
            if (!d.reason().isEmpty()) {
                out.println("    " + d.reason());
            }
        }
        out.flush();
        return 0;
    }

    private static String changes(List<Change> changes) {
        return changes.stream().map(Change::toString).collect(Collectors.joining(", "));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
