package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.protocol.AwsDefaults;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * {@code slipway prune} through {@link Main#run} against an in-process local cloud, the versions
 * set up and checked through the AWS SDK v2's LambdaClient: old versions go, the newest N stay, and
 * so does every version an alias points at or routes weighted traffic to, and $LATEST.
 */
class PruneCommandTest {
    @TempDir
    static Path service;

    static LocalCloud cloud;
    static LambdaClient lambda;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.builder().port(0).start();
        lambda = LambdaClient.builder().endpointOverride(URI.create(cloud.url())).region(Region.of(AwsDefaults.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
        Files.writeString(service.resolve("serverless.yml"), """
                service: pr
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: app.jar
                functions:
                  api:
                    handler: example.Handler
                  worker:
                    handler: example.Handler
                """);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        cloud.close();
    }

    /** pr-qa-api with versions 1..7; alias live → 2 with 10 % routed to 4. */
    @BeforeEach
    void sevenVersionsAndAnAlias() throws Exception {
        lambda.listFunctions().functions().forEach(f -> lambda.deleteFunction(b -> b.functionName(f.functionName())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("example/Handler.class"));
            zip.write(new byte[100]);
            zip.closeEntry();
        }
        lambda.createFunction(b -> b.functionName("pr-qa-api").runtime(Runtime.JAVA21).handler("example.Handler")
                .role("arn:aws:iam::000000000000:role/x").code(c -> c.zipFile(SdkBytes.fromByteArray(bytes.toByteArray()))));
        for (int i = 1; i <= 7; i++) {
            String build = Integer.toString(i);
            lambda.updateFunctionConfiguration(b -> b.functionName("pr-qa-api")
                    .environment(e -> e.variables(Map.of("BUILD", build))));
            lambda.publishVersion(b -> b.functionName("pr-qa-api"));
        }
        lambda.createAlias(b -> b.functionName("pr-qa-api").name("live").functionVersion("2")
                .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of("4", 0.1)).build()));
    }

    int run(String... args) {
        String[] base = {"prune", "--dir", service.toString(), "--stage", "qa", "--endpoint", cloud.url()};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    static List<String> versions() {
        return lambda.listVersionsByFunctionPaginator(b -> b.functionName("pr-qa-api")).versions().stream()
                .map(FunctionConfiguration::version).toList();
    }

    @Test
    void prune_keepsTheNewestN_andTheAliasedAndWeightedVersions_andLatest() {
        assertThat(run("--keep", "2")).as(err.toString()).isZero();
        assertThat(versions()).containsExactly("$LATEST", "2", "4", "6", "7");
        assertThat(out.toString()).contains("pr-qa-api: keeping 2 newest (7, 6); keeping 4 (alias live (weighted)); "
                + "keeping 2 (alias live); deleted 1, 3, 5 (")
                .contains("pr-qa-worker: not deployed, nothing to prune")
                .contains("Deleted 3 versions.");
        assertThat(lambda.getAlias(b -> b.functionName("pr-qa-api").name("live")).functionVersion()).isEqualTo("2");
    }

    @Test
    void dryRun_saysWhatWouldGo_andChangesNothing() {
        assertThat(run("--keep", "2", "--dry-run")).as(err.toString()).isZero();
        assertThat(versions()).containsExactly("$LATEST", "1", "2", "3", "4", "5", "6", "7");
        assertThat(out.toString()).contains("would delete 1, 3, 5 (")
                .contains("Dry run: 3 versions would be deleted; nothing was changed.");
    }

    @Test
    void keepLargerThanTheVersions_deletesNothing() {
        assertThat(run("--keep", "10", "--function", "api")).as(err.toString()).isZero();
        assertThat(versions()).hasSize(8);
        assertThat(out.toString()).contains("pr-qa-api: keeping 7 newest (7, 6, 5, 4, 3, 2, 1); nothing to delete")
                .doesNotContain("pr-qa-worker");
    }

    @Test
    void anUnknownFunction_isAnError_namingTheFunctionsThereAre() {
        assertThat(run("--keep", "1", "--function", "nope")).isNotZero();
        assertThat(err.toString()).contains("no function \"nope\" in service pr; its functions: api, worker");
        assertThat(versions()).hasSize(8);
    }

    @Test
    void withoutKeep_orWithKeepBelowOne_isAnError() {
        assertThat(run()).isNotZero();
        assertThat(err.toString()).contains("how many versions to keep is not set")
                .contains("pass --keep N, or set custom.slipway.prune.keep");
        assertThat(run("--keep", "0")).isNotZero();
        assertThat(err.toString()).contains("--keep must be at least 1, was 0");
        assertThat(versions()).hasSize(8);
    }
}
