package dev.slipway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.service.Problem;
import dev.slipway.service.ServiceProject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway print}: the configuration with every variable resolved, like the Framework's print. */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Print serverless.yml with all variables resolved (YAML, or JSON with --format json).")
public final class PrintCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Option(names = "--format", defaultValue = "yaml", description = "yaml (default) or json.")
    String format;

    @Option(names = "--param", description = "A CLI option for ${opt:NAME}, as NAME=VALUE (repeatable).")
    Map<String, String> params = Map.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServiceProject project = service.project(params);
        Path cwd = Path.of("").toAbsolutePath();
        // Only problems that stop resolution matter here; the configuration prints anyway.
        for (Problem p : project.problems()) {
            if (p.isError() && p.message().startsWith("Cannot resolve variable")
                    || p.message().startsWith("invalid YAML") || p.message().startsWith("invalid JSON")
                    || p.message().startsWith("no serverless.yml")) {
                err.println(p.format(cwd));
                err.flush();
                throw new UserError("cannot print the configuration: it does not resolve (see above)",
                        "fix the problems listed above");
            }
        }
        Object value = JSON.convertValue(project.service().resolvedConfiguration(), Object.class);
        switch (format.toLowerCase()) {
            case "json" -> out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            case "yaml", "yml" -> {
                DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
                        .setIndent(2).setIndicatorIndent(2).setIndentWithIndicator(true).build();
                out.print(new Dump(settings).dumpToString(value));
            }
            default -> throw new UserError("unknown format \"" + format + "\"", "use --format yaml or --format json");
        }
        out.flush();
        return 0;
    }
}
