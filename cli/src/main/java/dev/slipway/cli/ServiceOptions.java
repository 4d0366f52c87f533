package dev.slipway.cli;

import dev.slipway.service.LoadOptions;
import dev.slipway.service.Problem;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceProject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which service and stage a command works on. Shared by deploy, info, remove, logs and offline. */
final class ServiceOptions {
    @Option(names = "--dir", defaultValue = ".", description = "The service folder (default: the current one).")
    Path dir;

    @Option(names = "--config", description = "The configuration file (default: serverless.yml, .yaml or .json in --dir).")
    Path config;

    @Option(names = {"--stage", "-s"}, description = "The stage (default: provider.stage, else dev).")
    String stage;

    /**
     * Loads, resolves and validates the service; prints warnings; fails with every error at once
     * (file:line:column, what is wrong, how to fix it).
     */
    Service load(PrintWriter err, Map<String, String> cliOptions) {
        Path serviceDir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(serviceDir)) {
            throw new UserError("the service folder " + serviceDir + " does not exist",
                    "pass --dir with the folder that holds serverless.yml");
        }
        LoadOptions options = new LoadOptions(Optional.ofNullable(stage), Optional.empty(), cliOptions,
                Optional.empty(), System.getenv());
        ServiceProject project = config == null ? ServiceProject.load(serviceDir, options)
                : ServiceProject.load(serviceDir, config.toAbsolutePath(), options);
        Path cwd = Path.of("").toAbsolutePath();
        for (Problem p : project.warnings()) {
            err.println(p.format(cwd));
        }
        if (project.hasErrors()) {
            for (Problem p : project.errors()) {
                err.println(p.format(cwd));
            }
            err.flush();
            int n = project.errors().size();
            throw new UserError(n + " problem" + (n == 1 ? "" : "s") + " in the service configuration (listed above)",
                    "fix them, then check with 'slipway validate'");
        }
        err.flush();
        return project.service();
    }
}
