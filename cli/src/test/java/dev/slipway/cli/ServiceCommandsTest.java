package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, print and package through Main.run, as a user runs them. */
class ServiceCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void service(String yaml) throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), yaml);
        Files.createDirectories(dir.resolve("target"));
        try (OutputStream o = Files.newOutputStream(dir.resolve("target/app.jar"));
                ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("demo/Hello.class"));
            z.write(new byte[] {(byte) 0xca, (byte) 0xfe});
            z.closeEntry();
        }
    }

    private static final String VALID = """
            service: demo
            provider:
              name: aws
              runtime: java21
              environment:
                GREETING: hello-${sls:stage}
            package:
              artifact: target/app.jar
            functions:
              hello:
                handler: demo.Hello
                events:
                  - http: GET /hello
            """;

    @Test
    void validate_withEveryKindOfMistake_listsThemAllWithPlacesAndExits1() throws IOException {
        service("""
                service: demo
                provider:
                  name: aws
                  runtime: java21
                  memorySize: lots
                package:
                  artifact: target/app.jar
                functions:
                  hello:
                    handlr: demo.Hello
                    events:
                      - schedule: rate(5 minute)
                  other:
                    handler: demo.Missing
                    environment:
                      X: ${env:SLIPWAY_TEST_SURELY_UNSET}
                """);
        int code = run("validate", "--dir", dir.toString());
        assertThat(code).isEqualTo(1);
        String e = err.toString();
        assertThat(e).contains("serverless.yml:5:15: error: provider.memorySize must be an integer, not a string")
                .contains("serverless.yml:10:5: error: unknown function setting \"handlr\" in functions.hello. "
                        + "Did you mean \"handler\"?")
                .contains("fix: rename \"handlr\" to \"handler\"")
                .contains("serverless.yml:12:19: error: rate(5 minute): for a value greater than 1 the unit must be "
                        + "plural: rate(5 minutes)")
                .contains("serverless.yml:14:14: error: handler class demo.Missing is not in the artifact")
                .contains("serverless.yml:16:10: error: Cannot resolve variable at \"functions.other.environment.X\": "
                        + "Value not found at \"env\" source")
                .contains("demo (stage dev): 6 errors");
    }

    @Test
    void validate_ofAValidService_exits0AndSaysSo() throws IOException {
        service(VALID);
        assertThat(run("validate", "--dir", dir.toString(), "--stage", "prod")).isEqualTo(0);
        assertThat(out.toString()).contains("demo (stage prod): valid, 0 errors, 0 warnings");
    }

    @Test
    void print_showsTheResolvedConfiguration() throws IOException {
        service(VALID);
        assertThat(run("print", "--dir", dir.toString(), "--stage", "qa")).isEqualTo(0);
        assertThat(out.toString()).contains("GREETING: hello-qa").contains("service: demo");
    }

    @Test
    void package_writesBothTemplatesAndTheArtifactIntoDotSlipway() throws IOException {
        service(VALID);
        assertThat(run("package", "--dir", dir.toString())).as(err.toString()).isEqualTo(0);
        Path pkg = dir.resolve(".slipway");
        assertThat(pkg.resolve("app.jar")).exists();
        JsonNode update = new ObjectMapper().readTree(pkg.resolve("cloudformation-template-update-stack.json").toFile());
        JsonNode create = new ObjectMapper().readTree(pkg.resolve("cloudformation-template-create-stack.json").toFile());
        assertThat(update.path("Resources").has("HelloLambdaFunction")).isTrue();
        assertThat(update.path("Resources").has("ApiGatewayMethodHelloGet")).isTrue();
        assertThat(create.path("Resources").fieldNames()).toIterable()
                .containsExactly("ServerlessDeploymentBucket", "ServerlessDeploymentBucketPolicy");
        assertThat(out.toString()).contains("Packaged demo for stage dev (us-east-1)");
    }
}
