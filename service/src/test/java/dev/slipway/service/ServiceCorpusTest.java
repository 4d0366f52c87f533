package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the corpus: its problems are exactly expected-problems.txt (none when absent,
 * warnings aside), its template equals expected-template.json — which for most cases is what
 * Serverless Framework 3.40.0's `sls package` produced for the same file and artifact — and its
 * resolved configuration equals expected-resolved.json. Run with -Dslipway.writeExpected=true
 * to write missing expected-problems/resolved files from the current output (then review them).
 * Templates are compiled without Slipway's release aliases here (CompileOptions.withoutReleaseAlias);
 * ReleaseAliasTest covers what the aliases add and change.
 */
class ServiceCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean WRITE = Boolean.getBoolean("slipway.writeExpected");

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesItsExpectedFiles() {
        return Corpus.cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> check(dir)));
    }

    /** The file in src/test/resources that target/test-classes/… was copied from. */
    private static Path source(Path copied) {
        return Path.of(copied.toString().replace("target/test-classes", "src/test/resources"));
    }

    private static void check(Path dir) throws IOException {
        ServiceProject project = ServiceProject.load(dir, Corpus.options(dir));
        Path expectedProblems = dir.resolve("expected-problems.txt");
        String actualProblems = project.problems().stream().map(p -> p.format(dir))
                .collect(Collectors.joining("\n", "", "\n"));
        if (Files.exists(expectedProblems)) {
            assertThat(actualProblems).isEqualTo(Files.readString(expectedProblems));
        } else if (WRITE && !project.problems().isEmpty()) {
            Files.writeString(source(expectedProblems), actualProblems);
        } else {
            assertThat(project.errors()).as("problems of " + dir.getFileName()).isEmpty();
        }
        Path expectedResolved = dir.resolve("expected-resolved.json");
        JsonNode resolved = JSON.readTree(JSON.writeValueAsString(project.service().resolvedConfiguration()));
        if (Files.exists(expectedResolved)) {
            assertThat(resolved).isEqualTo(JSON.readTree(expectedResolved.toFile()));
        } else if (WRITE) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(source(expectedResolved).toFile(), resolved);
        }
        Path expectedTemplate = dir.resolve("expected-template.json");
        if (Files.exists(expectedTemplate)) {
            JsonNode template = CloudFormationCompiler.compile(project.service(), Corpus.frameworkOptions()).template();
            JsonNode expected = JSON.readTree(expectedTemplate.toFile());
            if (!template.equals(expected)) {
                Path out = Path.of("target", "corpus-actual", dir.getFileName() + "-template.json");
                Files.createDirectories(out.getParent());
                JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), template);
            }
            assertThat(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template))
                    .isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
        }
    }
}
