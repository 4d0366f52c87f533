package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway package --report} and the limit checks of {@code package}, through Main.run, on
 * artifacts generated for the purpose: a jar mixing shaded classes and lib/*.jar, and one past
 * Lambda's 250 MB unzipped limit (zeros, so it is small on disk).
 */
class PackageReportTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    void service() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), """
                service: rep
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: app.jar
                functions:
                  hello:
                    handler: example.Handler
                """);
    }

    static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    static byte[] nestedJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "META-INF/maven/com.example/extra/pom.properties",
                    "groupId=com.example\nartifactId=extra\nversion=1.2\n".getBytes(StandardCharsets.ISO_8859_1));
            entry(zip, "example/Handler.class", new byte[50]);
            entry(zip, "com/example/extra/Util.class", new byte[30_000]);
        }
        return bytes.toByteArray();
    }

    @Test
    void report_showsSizeByDependency_largestFiles_andSuggestions() throws Exception {
        service();
        try (OutputStream o = Files.newOutputStream(dir.resolve("app.jar")); ZipOutputStream zip = new ZipOutputStream(o)) {
            // The handler names DynamoDB's client, as compiled code does in its constant pool; nothing names S3.
            entry(zip, "example/Handler.class",
                    "....software/amazon/awssdk/services/dynamodb/DynamoDbClient....".getBytes(StandardCharsets.ISO_8859_1));
            entry(zip, "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class", new byte[100_000]);
            entry(zip, "software/amazon/awssdk/services/s3/S3Client.class", new byte[400_000]);
            entry(zip, "software/amazon/awssdk/http/apache/ApacheHttpClient.class", new byte[20_000]);
            entry(zip, "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class", new byte[10_000]);
            entry(zip, "org/junit/jupiter/api/Test.class", new byte[5_000]);
            entry(zip, "native/libfoo.dylib", new byte[70_000]);
            entry(zip, "META-INF/maven/software.amazon.awssdk/s3/pom.properties",
                    "groupId=software.amazon.awssdk\nartifactId=s3\nversion=2.30.0\n".getBytes(StandardCharsets.ISO_8859_1));
            entry(zip, "lib/extra.jar", nestedJar());
        }
        assertThat(run("package", "--dir", dir.toString(), "--report")).as(err.toString()).isZero();
        String report = out.toString();
        assertThat(report).contains("Artifact app.jar: ").contains(" unzipped (0% of the 250 MB limit, before layers)")
                .contains("slipway deploy uploads through S3");
        assertThat(report).containsPattern("390\\.6 KB\\s+\\d+%\\s+software\\.amazon\\.awssdk\\.services\\.s3 \\(1 file\\)")
                .containsPattern("com\\.example:extra:1\\.2 \\(lib/extra\\.jar\\) \\(1 file\\)")
                .contains("Maven artifacts shaded in (their pom.properties under META-INF/maven; their classes are "
                        + "counted by package above): software.amazon.awssdk:s3:2.30.0\nLargest files:")
                .containsPattern("Largest files:\\n\\s+390\\.6 KB  software/amazon/awssdk/services/s3/S3Client\\.class");
        assertThat(report).contains("software.amazon.awssdk:s3 (390.6 KB) is bundled, but no class outside the AWS SDK "
                + "names it: if your code does not call s3, exclude that module")
                .doesNotContain("software.amazon.awssdk:dynamodb (")
                .contains("test libraries seem to be bundled (org.junit.jupiter")
                .contains("1 class is bundled more than once, e.g. example/Handler.class (in app.jar, extra.jar)")
                .containsPattern("software\\.amazon\\.awssdk\\.http\\.apache \\(1 file\\)")
                .contains("software.amazon.awssdk.http.apache (1 file)")
                .contains("2 AWS SDK HTTP clients are bundled (apache-client, url-connection-client)")
                .contains("68.4 KB of native libraries for Windows or macOS");
    }

    @Test
    void package_ofAnArtifactOver250MBUnzipped_failsWithTheFunctionSizeLimitAndFix() throws Exception {
        service();
        try (OutputStream o = Files.newOutputStream(dir.resolve("app.jar")); ZipOutputStream zip = new ZipOutputStream(o)) {
            entry(zip, "example/Handler.class", new byte[10]);
            zip.putNextEntry(new ZipEntry("data/zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 251; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        assertThat(run("package", "--dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error: function \"hello\": app.jar unzips to 251.0 MB (263,192,586 bytes); "
                + "Lambda allows at most 250 MB (262,144,000 bytes) unzipped, layers included")
                .contains("fix: see what takes the space with 'slipway package --report'")
                .contains("1 problem in the service configuration");
        assertThat(dir.resolve(".slipway/app.jar")).doesNotExist();
    }

    @Test
    void package_withATarget_checksTheRegionsCodeStorage() throws Exception {
        service();
        try (OutputStream o = Files.newOutputStream(dir.resolve("app.jar")); ZipOutputStream zip = new ZipOutputStream(o)) {
            entry(zip, "example/Handler.class", new byte[10]);
        }
        // An account at its quota is external: a stand-in answers GetAccountSettings as Lambda does.
        com.sun.net.httpserver.HttpServer aws = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        aws.createContext("/2016-08-19/account-settings", x -> {
            byte[] body = ("{\"AccountLimit\":{\"TotalCodeSize\":80530636800},"
                    + "\"AccountUsage\":{\"TotalCodeSize\":80530636800,\"FunctionCount\":900}}").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        aws.start();
        try {
            assertThat(run("package", "--dir", dir.toString(), "--endpoint", "http://127.0.0.1:" + aws.getAddress().getPort()))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("error: code storage in us-east-1: 75.0 GB (80,530,636,800 bytes) in use, "
                    + "and this deployment adds about ").contains("the region allows 75.0 GB (80,530,636,800 bytes)")
                    .contains("fix: delete old versions with 'slipway prune --keep 3'");
        } finally {
            aws.stop(0);
        }
        assertThat(run("package", "--dir", dir.toString())).as("without a target, no code storage check").isZero();
    }
}
