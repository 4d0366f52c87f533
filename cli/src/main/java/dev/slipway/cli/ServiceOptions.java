package dev.slipway.cli;

import dev.slipway.deploy.ArtifactBuilder;
import dev.slipway.deploy.DeployException;
import dev.slipway.lambda.JavaRuntimes;
import dev.slipway.service.LoadOptions;
import dev.slipway.service.Problem;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceProject;
import dev.slipway.service.VariableSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which service and stage a command works on. Shared by validate, package, deploy, info, remove, logs and offline. */
final class ServiceOptions {
    @Option(names = "--dir", defaultValue = ".", description = "The service folder (default: the current one).")
    Path dir;

    @Option(names = "--config", description = "The configuration file (default: serverless.yml, .yaml or .json in --dir).")
    Path config;

    @Option(names = {"--stage", "-s"}, description = "The stage (default: provider.stage, else dev).")
    String stage;

    /** Loads and resolves the service; problems are in the result. */
    ServiceProject project(Map<String, String> cliOptions) {
        return project(cliOptions, Optional.empty());
    }

    /**
     * Loads and resolves the service, with a source for the variables that need a deployment target
     * ({@code ${cf:…}}, {@code ${s3:…}}, {@code ${aws:accountId}}) when the command has one.
     */
    ServiceProject project(Map<String, String> cliOptions, Optional<VariableSource> targetVariables) {
        Path serviceDir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(serviceDir)) {
            throw new UserError("the service folder " + serviceDir + " does not exist",
                    "pass --dir with the folder that holds serverless.yml");
        }
        LoadOptions options = new LoadOptions(Optional.ofNullable(stage), Optional.empty(), cliOptions,
                targetVariables, System.getenv());
        if (config == null) {
            return ServiceProject.load(serviceDir, options);
        }
        Path file = config.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new UserError("the configuration file " + file + " does not exist",
                    "pass --config with an existing serverless.yml, .yaml or .json");
        }
        return ServiceProject.load(serviceDir, file, options);
    }

    /** Loads without building: for commands that only read the deployed stack (info, remove, logs). */
    Service load(PrintWriter err, Map<String, String> cliOptions, Optional<VariableSource> targetVariables) {
        ServiceProject project = project(cliOptions, targetVariables);
        report(err, project.problemsBeforeBuild());
        return project.service();
    }

    /**
     * Loads, builds the artifact if it is missing or stale, then checks it (handler classes present):
     * every problem is reported at once, with file:line:column and the fix.
     */
    Service loadAndBuild(PrintWriter out, PrintWriter err, Map<String, String> cliOptions,
            Optional<VariableSource> targetVariables) {
        ServiceProject project = project(cliOptions, targetVariables);
        report(err, buildAndCheck(project, out));
        return project.service();
    }

    /** Builds the artifact when missing or stale, then checks it; build failures become user errors. */
    static List<Problem> buildAndCheck(ServiceProject project, PrintWriter out) {
        try {
            return ArtifactBuilder.buildAndCheck(project, out, JavaRuntimes::javaHomeFor);
        } catch (DeployException e) {
            throw new UserError(e.getMessage(), e.hint());
        }
    }

    private static void report(PrintWriter err, List<Problem> problems) {
        Path cwd = Path.of("").toAbsolutePath();
        problems.stream().filter(p -> !p.isError()).forEach(p -> err.println(p.format(cwd)));
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        errors.forEach(p -> err.println(p.format(cwd)));
        err.flush();
        if (!errors.isEmpty()) {
            int n = errors.size();
            throw new UserError(n + " problem" + (n == 1 ? "" : "s") + " in the service configuration (listed above)",
                    "fix them, then check with 'slipway validate'");
        }
    }
}
