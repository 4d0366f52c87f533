package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every template Slipway produces for the corpus (each case without errors) passes cfn-lint
 * (AWS's CloudFormation linter, on PATH) with no E-level finding. Warnings are allowed: the
 * Framework's own templates draw W3005 (redundant DependsOn) and W2531 (deprecated runtime).
 */
class CfnLintTest {
    @Test
    void everyCompiledTemplate_passesCfnLintWithoutErrors() throws Exception {
        assumeTrue(onPath("cfn-lint"), "cfn-lint is not on PATH");
        Path out = Path.of("target", "cfn-lint");
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
        for (Path dir : Corpus.cases()) {
            ServiceProject p = ServiceProject.load(dir, Corpus.options(dir));
            if (p.hasErrors()) {
                continue;
            }
            CompiledStack stack = CloudFormationCompiler.compile(p.service(), Corpus.compileOptions());
            Path update = out.resolve(dir.getFileName() + "-update.json");
            Path create = out.resolve(dir.getFileName() + "-create.json");
            new ObjectMapper().writeValue(update.toFile(), stack.template());
            new ObjectMapper().writeValue(create.toFile(), stack.createTemplate());
            command.add(update.toString());
            command.add(create.toString());
        }
        assertThat(command).hasSizeGreaterThan(10);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        List<String> errors = output.lines().filter(l -> l.matches(".*:E\\d{4}:.*")).toList();
        assertThat(errors).as(output).isEmpty();
        // cfn-lint's exit code is a bit mask: 2 = errors (4 = warnings, 8 = informational).
        assertThat(process.exitValue() & 2).as(output).isZero();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

}
