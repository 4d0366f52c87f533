package dev.slipway.cli;

import dev.slipway.service.Problem;
import dev.slipway.service.ServiceProject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway validate}: every problem of the service configuration at once, each with
 * file:line:column, what is wrong and how to fix it. Exit 1 when there are errors, 0 otherwise
 * (warnings are printed but do not fail).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check serverless.yml: every problem at once with file:line:column and how to fix it.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Option(names = "--param", description = "A CLI option for ${opt:NAME}, as NAME=VALUE (repeatable).")
    Map<String, String> params = Map.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServiceProject project = service.project(params);
        Path cwd = Path.of("").toAbsolutePath();
        List<Problem> problems = project.problems();
        for (Problem p : problems) {
            (p.isError() ? err : out).println(p.format(cwd));
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        String summary = project.service().name() + " (stage " + project.service().stage() + "): " + errors + " error"
                + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
        if (errors > 0) {
            err.println(summary);
            err.flush();
            return 1;
        }
        out.println(summary.replace(": 0 errors", ": valid, 0 errors"));
        out.flush();
        return 0;
    }
}
