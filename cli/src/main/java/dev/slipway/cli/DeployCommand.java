package dev.slipway.cli;

import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.Deployer;
import dev.slipway.deploy.Target;
import dev.slipway.deploy.release.Deployment;
import dev.slipway.deploy.release.Release;
import dev.slipway.deploy.release.ReleaseSettings;
import dev.slipway.deploy.release.Shift;
import dev.slipway.deploy.release.TrafficShifter;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway deploy}: package, upload, apply the stack through a change set, print the outputs. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy the service as one CloudFormation stack to the local cloud (default) or to AWS.")
public final class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Mixin
    TargetOptions target;

    @Option(names = "--verbose", description = "Show every stack event, not only failures.")
    boolean verbose;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Option(names = "--strategy", paramLabel = "NAME", description = "How traffic moves to the new versions, "
            + "overriding custom.slipway.deployment: AllAtOnce, Canary10Percent5Minutes (10/15/30), "
            + "Linear10PercentEvery1Minute (2/3/10 Minutes), BlueGreen.")
    String strategy;

    @Option(names = "--shift-speed", paramLabel = "N", defaultValue = "1",
            description = "Divide every wait of the strategy by N (rehearsals and tests), e.g. 60: a minute becomes a second.")
    double shiftSpeed;

    @Option(names = "--ignore-alarms", description = "Ship while CloudWatch alarms fire: alarms already in ALARM "
            + "when the release starts neither stop nor fail it (the others are still watched).")
    boolean ignoreAlarms;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Target.warmUp(); // the SDK's classes load while the service is read
        // a rebuilt artifact of the last deploy hashes meanwhile too (needed by the compile)
        dev.slipway.service.CodeSha256.prefetchRemembered(service.dir);
        Service svc = service.loadAndBuild(out, err, Map.of(), target.variables());
        dev.slipway.deploy.Trace.mark("deploy: service loaded");
        Target t = target.resolve(svc.region());
        Shift shift;
        try {
            shift = TrafficShifter.builder(t).settings(ReleaseSettings.of(svc, Optional.ofNullable(strategy)))
                    .speed(shiftSpeed).ignoreAlarms(ignoreAlarms).asShift();
        } catch (DeployException e) {
            throw new UserError(e.getMessage(), e.hint());
        }
        dev.slipway.deploy.Trace.mark("deploy: release settings read");
        if (t.isLocal()) {
            BackgroundCloud.ensureRunning(t.endpoint().orElseThrow(), out);
        }
        dev.slipway.deploy.Trace.mark("deploy: target checked");
        Deployer.Result result = release(svc, t, new ConsoleDeployListener(out, !verbose), shift).stack();
        printOutputs(out, svc, t, result.outputs());
        return 0;
    }

    /** Compiles, deploys and releases all at once; shared with {@code offline} so both follow the same path. */
    static Deployer.Result deploy(Service svc, Target target, DeployListener listener) {
        return release(svc, target, listener, Shift.allAtOnce()).stack();
    }

    /**
     * The release step: the stack update publishes new versions, the history records the deployment,
     * and {@code shift} moves each function's alias; a release whose shift gave up is an error.
     */
    static Release.Result release(Service svc, Target target, DeployListener listener, Shift shift) {
        try {
            dev.slipway.service.CodeSha256.prefetch(svc); // the artifacts hash while the clients are built
            dev.slipway.deploy.prune.Housekeeping.beforeDeploy(svc, target, listener);
            dev.slipway.deploy.Trace.mark("deploy: code storage checked");
            Release.Result result = new Release(target, listener, Clock.systemUTC()).deploy(svc, shift);
            if (result.stack().changed()) {
                listener.phase("Deployed " + svc.stackName() + " (" + result.stack().stackStatus() + ")");
            }
            if (!result.succeeded()) {
                Deployment d = result.deployment().orElseThrow();
                throw new UserError("the release of " + svc.stackName() + " failed: " + d.reason(),
                        "the aliases went back to the previous versions; see 'slipway deployments', fix and deploy again");
            }
            dev.slipway.deploy.prune.Housekeeping.afterDeploy(svc, target, listener);
            return result;
        } catch (DeployException e) {
            throw new UserError(e.getMessage(), e.hint());
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new UserError("talking to " + target + " failed: " + e.getMessage(),
                    target.isLocal() ? "is the local cloud running? ('slipway cloud')" : "check your AWS credentials and region");
        }
    }

    static void printOutputs(PrintWriter out, Service svc, Target target, Map<String, String> outputs) {
        out.println();
        out.println("service: " + svc.name() + "   stage: " + svc.stage() + "   stack: " + svc.stackName());
        if (outputs.containsKey("ServiceEndpoint")) {
            out.println("endpoint: " + target.reachableUrl(outputs.get("ServiceEndpoint")));
        }
        out.println("functions:");
        svc.functions().values().forEach(f -> out.println("  " + f.key() + ": " + f.deployedName()));
        if (!outputs.isEmpty()) {
            out.println("outputs:");
            outputs.forEach((k, v) -> out.println("  " + k + ": " + v));
        }
        out.flush();
    }
}
