package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.protocol.AwsDefaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** custom.slipway.prune.keep: each successful deploy prunes old versions, and never the alias's. */
class DeployPruneTest {
    @TempDir
    Path service;

    void write(String build) throws Exception {
        Files.writeString(service.resolve("serverless.yml"), """
                service: dp
                provider:
                  name: aws
                  runtime: java21
                  environment:
                    BUILD: "%s"
                package:
                  artifact: app.jar
                custom:
                  slipway:
                    prune:
                      keep: 1
                functions:
                  api:
                    handler: example.Handler
                """.formatted(build));
    }

    @Test
    void deploy_withPruneKeep_prunesAfterEachSuccessfulDeploy_keepingAliasedVersions() throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(service.resolve("app.jar")))) {
            zip.putNextEntry(new ZipEntry("example/Handler.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            zip.closeEntry();
        }
        try (LocalCloud cloud = LocalCloud.builder().port(0).start();
                LambdaClient lambda = LambdaClient.builder().endpointOverride(URI.create(cloud.url()))
                        .region(Region.of(AwsDefaults.REGION)).httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY))).build()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            for (int build = 1; build <= 3; build++) {
                write(Integer.toString(build));
                int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                        "deploy", "--dir", service.toString(), "--stage", "qa", "--endpoint", cloud.url());
                assertThat(code).as(err + "\n" + out).isZero();
            }
            assertThat(out.toString()).contains("Pruning old versions (custom.slipway.prune.keep: 1)");
            var versions = lambda.listVersionsByFunctionPaginator(b -> b.functionName("dp-qa-api")).versions().stream()
                    .map(FunctionConfiguration::version).toList();
            var aliased = lambda.listAliases(b -> b.functionName("dp-qa-api")).aliases().stream()
                    .map(AliasConfiguration::functionVersion).toList();
            assertThat(out.toString()).contains("dp-qa-api: keeping 1 newest (2); deleted 1 (")
                    .contains("dp-qa-api: keeping 1 newest (3); deleted 2 (");
            assertThat(aliased).containsExactly("3");
            assertThat(versions).containsExactly("$LATEST", "3");
        }
    }
}
