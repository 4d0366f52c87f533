package dev.slipway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.deploy.limits.ArtifactReport;
import dev.slipway.service.ArtifactUpload;
import dev.slipway.service.CloudFormationCompiler;
import dev.slipway.service.CompileOptions;
import dev.slipway.service.CompiledStack;
import dev.slipway.service.Problem;
import dev.slipway.service.ServiceProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway package}: writes what the Framework's {@code sls package} writes to
 * {@code .serverless/}, into {@code .slipway/}: cloudformation-template-create-stack.json,
 * cloudformation-template-update-stack.json and the artifact(s).
 */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = "Compile the service to CloudFormation templates and copy the artifact into .slipway/; "
                + "checks Lambda's limits, and the region's code storage when --target or --endpoint is given.")
public final class PackageCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Option(names = "--package", description = "Output folder (default: .slipway in the service folder).")
    Path packageDir;

    @Option(names = "--param", description = "A CLI option for ${opt:NAME}, as NAME=VALUE (repeatable).")
    Map<String, String> params = Map.of();

    @Option(names = "--report", description = "Also show each artifact's size by dependency, its largest files, and "
            + "what could be left out.")
    boolean report;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServiceProject project = service.project(params);
        Path cwd = Path.of("").toAbsolutePath();
        List<Problem> problems = new java.util.ArrayList<>(ServiceOptions.buildAndCheck(project, out));
        if (spec.commandLine().getParseResult().hasMatchedOption("--target")
                || spec.commandLine().getParseResult().hasMatchedOption("--endpoint")) {
            problems.addAll(codeStorage(project.service(), target.resolve(project.service().region())));
        }
        problems.forEach(p -> (p.isError() ? err : out).println(p.format(cwd)));
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            err.flush();
            throw new UserError(errors + " problem" + (errors == 1 ? "" : "s") + " in the service configuration "
                    + "(listed above)", "fix them, then check with 'slipway validate'");
        }
        CompiledStack stack = CloudFormationCompiler.compile(project.service(), CompileOptions.at(Clock.systemUTC()));
        Path dir = packageDir != null ? packageDir.toAbsolutePath()
                : project.service().serviceDir().resolve(".slipway");
        Files.createDirectories(dir);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("cloudformation-template-create-stack.json")
                .toFile(), stack.createTemplate());
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("cloudformation-template-update-stack.json")
                .toFile(), stack.template());
        for (ArtifactUpload u : stack.uploads()) {
            Files.copy(u.localPath(), dir.resolve(u.localPath().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        out.println("Packaged " + project.service().name() + " for stage " + project.service().stage() + " ("
                + project.service().region() + ") into " + cwd.relativize(dir.toAbsolutePath()) + ": "
                + stack.template().get("Resources").size() + " resources, " + stack.uploads().size() + " artifact"
                + (stack.uploads().size() == 1 ? "" : "s"));
        if (report) {
            for (Path artifact : new java.util.LinkedHashSet<>(stack.uploads().stream().map(ArtifactUpload::localPath).toList())) {
                out.println();
                ArtifactReport.of(artifact).lines(project.service().serviceDir()).forEach(out::println);
            }
        }
        out.flush();
        return 0;
    }

    /** With a target named, the region's code storage is checked too (GetAccountSettings), as deploy does. */
    private static List<Problem> codeStorage(dev.slipway.service.Service svc, dev.slipway.deploy.Target t) {
        try (software.amazon.awssdk.services.lambda.LambdaClient lambda = t.lambda()) {
            return dev.slipway.deploy.limits.CodeStorage.check(lambda, svc);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new UserError("reading the code storage of " + t + " failed (GetAccountSettings): " + e.getMessage(),
                    t.isLocal() ? "is the local cloud running? ('slipway cloud')" : "check your AWS credentials and region");
        }
    }
}
