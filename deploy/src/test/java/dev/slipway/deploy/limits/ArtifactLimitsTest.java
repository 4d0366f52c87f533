package dev.slipway.deploy.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.deploy.ArtifactBuilder;
import dev.slipway.service.Problem;
import dev.slipway.service.ServiceProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda's limits, checked where every command checks the artifact (ArtifactBuilder.buildAndCheck),
 * with artifacts generated to cross each one. Limits from the Lambda quotas page (read 2026-11-26).
 */
class ArtifactLimitsTest {
    static final String ONE_FUNCTION = """
            functions:
              hello:
                handler: example.Handler
            """;

    @TempDir
    Path dir;

    List<Problem> check(ServiceProject project) {
        return ArtifactBuilder.buildAndCheck(project, new PrintWriter(new StringWriter()), r -> Optional.empty());
    }

    @Test
    void unzippedOver250MB_isAnError_namingFunctionSizeLimitAndFix() throws Exception {
        Artifacts.compressible(dir.resolve("app.jar"), LambdaLimits.UNZIPPED_BYTES + 1);
        List<Problem> problems = check(Artifacts.service(dir, ONE_FUNCTION));
        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("function \"hello\": app.jar unzips to 250.0 MB (262,144,005 bytes)")
                    .endsWith("; Lambda allows at most 250 MB (262,144,000 bytes) unzipped, layers included");
            assertThat(p.hint()).contains("slipway package --report");
        });
    }

    @Test
    void unzippedAt80Percent_isAWarning() throws Exception {
        Artifacts.compressible(dir.resolve("app.jar"), (long) (0.85 * LambdaLimits.UNZIPPED_BYTES));
        List<Problem> problems = check(Artifacts.service(dir, ONE_FUNCTION));
        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.message()).contains("function \"hello\": app.jar unzips to 212.5 MB")
                        .endsWith(", 85% of Lambda's 250 MB unzipped limit (layers included)"));
    }

    @Test
    void layersCountTowardTheUnzippedLimit() throws Exception {
        Artifacts.compressible(dir.resolve("app.jar"), 150L * 1024 * 1024);
        Artifacts.compressible(dir.resolve("layer.zip"), 101L * 1024 * 1024);
        List<Problem> problems = check(Artifacts.service(dir, """
                functions:
                  hello:
                    handler: example.Handler
                    layers:
                      - layer.zip
                """));
        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p ->
                assertThat(p.message()).contains("unzips to 251.0 MB").contains("with its layers"));
    }

    @Test
    void zippedOver50MB_isOnlyAWarning_becauseDeployUploadsThroughS3() throws Exception {
        Artifacts.incompressible(dir.resolve("app.jar"), (int) LambdaLimits.ZIPPED_DIRECT_UPLOAD_BYTES + 1);
        List<Problem> problems = check(Artifacts.service(dir, ONE_FUNCTION));
        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("function \"hello\": app.jar is 50.0 MB")
                    .contains("over the 50 MB (52,428,800 bytes) Lambda accepts in a direct upload")
                    .contains("slipway deploy uploads it through S3");
            assertThat(p.hint()).contains("--s3-bucket");
        });
    }

    @Test
    void functionsSharingAnArtifact_areReportedOnce() throws Exception {
        Artifacts.compressible(dir.resolve("app.jar"), LambdaLimits.UNZIPPED_BYTES + 1);
        List<Problem> problems = check(Artifacts.service(dir, """
                functions:
                  a:
                    handler: example.Handler
                  b:
                    handler: example.Handler
                """));
        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("functions \"a\", \"b\": app.jar unzips to"));
    }

    @Test
    void environment_measuredAsJson_over4KB_isAnError_evenWhenNamesAndValuesAloneFit() throws Exception {
        Artifacts.jar(dir.resolve("app.jar"), java.util.Map.of());
        // Names and values: 2 + 4090 = 4,092 bytes (under 4,096); as JSON {"AB":"…"}: 4,099.
        List<Problem> problems = check(Artifacts.service(dir, """
                functions:
                  hello:
                    handler: example.Handler
                    environment:
                      AB: %s
                """.formatted("x".repeat(4090))));
        // Reported once, by the configuration check, at the environment's line.
        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("the environment of function \"hello\" is 4099 bytes as Lambda measures "
                    + "it (the JSON of the names and values); Lambda allows at most 4 KB (4096 bytes)");
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.hint()).contains("SSM parameters");
        });
    }

    @Test
    void environmentAt80Percent_isAWarning() throws Exception {
        Artifacts.jar(dir.resolve("app.jar"), java.util.Map.of());
        List<Problem> problems = check(Artifacts.service(dir, """
                functions:
                  hello:
                    handler: example.Handler
                    environment:
                      AB: %s
                """.formatted("x".repeat(3500))));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).endsWith("its environment is 3509 bytes as Lambda measures it (the JSON of the "
                    + "variables), 86% of Lambda's 4 KB limit");
        });
    }

    @Test
    void aSmallArtifact_hasNoLimitProblems() throws Exception {
        Artifacts.jar(dir.resolve("app.jar"), java.util.Map.of("data/x.bin", 1000));
        assertThat(check(Artifacts.service(dir, ONE_FUNCTION))).isEmpty();
    }
}
