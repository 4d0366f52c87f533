package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.deploy.prune.Pruner;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The pruner against moto_server, an AWS emulator nobody here wrote: its ListVersionsByFunction,
 * ListAliases and DeleteFunction calls are valid, and — since moto, unlike Lambda, deletes a version
 * an alias uses without complaint — the aliased and weighted versions survive by the pruner's own
 * checks alone.
 */
class PruneAgainstMotoTest {
    static MotoServer moto;

    @BeforeAll
    static void startMoto() throws Exception {
        assumeTrue(MotoServer.installed(), "moto_server is not installed (pip install 'moto[server]'); skipping");
        moto = MotoServer.start();
        // moto checks that the function's role exists; it does not verify signatures, only reads the scope.
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(moto.endpoint.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261126/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("Action=CreateRole&Version=2010-05-08&RoleName=fn"
                        + "&AssumeRolePolicyDocument=%7B%7D")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void prune_keepsNewestAliasedAndWeightedVersions_andDeletesTheRest() throws Exception {
        Target target = new Target(Target.Kind.AWS, Optional.of(moto.endpoint), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("example/Handler.class"));
            z.write(new byte[10]);
            z.closeEntry();
        }
        try (LambdaClient lambda = target.lambda()) {
            lambda.createFunction(b -> b.functionName("moto-prune").runtime(Runtime.JAVA21).handler("example.Handler")
                    .role("arn:aws:iam::123456789012:role/fn").code(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))));
            for (int i = 1; i <= 6; i++) {
                String build = Integer.toString(i);
                lambda.updateFunctionConfiguration(b -> b.functionName("moto-prune")
                        .environment(e -> e.variables(Map.of("BUILD", build))));
                lambda.publishVersion(b -> b.functionName("moto-prune"));
            }
            lambda.createAlias(b -> b.functionName("moto-prune").name("live").functionVersion("2")
                    .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of("3", 0.2)).build()));

            Pruner pruner = new Pruner(lambda);
            Pruner.Plan plan = pruner.plan("moto-prune", 2);
            assertThat(plan.kept()).containsExactly("6", "5");
            assertThat(plan.aliased()).containsOnlyKeys("3", "2");
            assertThat(plan.toDelete()).containsOnlyKeys("1", "4");
            Pruner.Result result = pruner.apply(plan);

            assertThat(result.deleted()).containsExactly("1", "4");
            assertThat(lambda.listVersionsByFunctionPaginator(b -> b.functionName("moto-prune")).versions().stream()
                    .map(FunctionConfiguration::version)).containsExactly("$LATEST", "2", "3", "5", "6");
        }
    }
}
