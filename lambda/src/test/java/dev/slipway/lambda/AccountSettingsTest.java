package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** GetAccountSettings and the environment-size limit, through the AWS SDK v2. */
class AccountSettingsTest {
    @TempDir
    static Path cache;

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture(cache, b -> b.appCds(false));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static void create(String name, Map<String, String> env) {
        fx.client.createFunction(CreateFunctionRequest.builder().functionName(name).runtime(Runtime.JAVA21)
                .role("arn:aws:iam::000000000000:role/lambda").handler("dev.slipway.lambda.testfn.Greeter")
                .environment(Environment.builder().variables(env).build())
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip(false))).build()).build());
    }

    @Test
    void getAccountSettings_reportsAwsDefaultLimits_andCountsEveryKeptVersionInTheCodeStorageUsed() {
        GetAccountSettingsResponse before = fx.client.getAccountSettings();
        // AWS's defaults (Lambda quotas page, read 2026-11-26): 75 GB storage, 250 MB unzipped, 50 MB zipped, 1000.
        assertThat(before.accountLimit().totalCodeSize()).isEqualTo(80_530_636_800L);
        assertThat(before.accountLimit().codeSizeUnzipped()).isEqualTo(262_144_000L);
        assertThat(before.accountLimit().codeSizeZipped()).isEqualTo(52_428_800L);
        assertThat(before.accountLimit().concurrentExecutions()).isEqualTo(1000);

        create("as-sized", Map.of("AB", "1"));
        long size = fx.client.getFunction(b -> b.functionName("as-sized")).configuration().codeSize();
        fx.client.publishVersion(b -> b.functionName("as-sized"));
        fx.client.updateFunctionConfiguration(b -> b.functionName("as-sized")
                .environment(Environment.builder().variables(Map.of("AB", "2")).build()));
        fx.client.publishVersion(b -> b.functionName("as-sized"));
        fx.client.putFunctionConcurrency(b -> b.functionName("as-sized").reservedConcurrentExecutions(10));

        GetAccountSettingsResponse after = fx.client.getAccountSettings();
        // $LATEST and versions 1 and 2, all with the same code: three times its size.
        assertThat(after.accountUsage().totalCodeSize() - before.accountUsage().totalCodeSize()).isEqualTo(3 * size);
        assertThat(after.accountUsage().functionCount()).isEqualTo(before.accountUsage().functionCount() + 1);
        assertThat(after.accountLimit().unreservedConcurrentExecutions())
                .isEqualTo(before.accountLimit().unreservedConcurrentExecutions() - 10);

        fx.client.deleteFunction(b -> b.functionName("as-sized").qualifier("1"));
        assertThat(fx.client.getAccountSettings().accountUsage().totalCodeSize()
                - before.accountUsage().totalCodeSize()).isEqualTo(2 * size);
    }

    @Test
    void environment_isMeasuredAsTheJsonOfTheMap_asLambdaQuotesIt() {
        // 4,096 bytes of names and values, but 4,096 + 2 braces + 4 quotes + 1 colon as JSON.
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BIG", "x".repeat(4093));
        assertThatThrownBy(() -> create("as-env", env)).isInstanceOfSatisfying(InvalidParameterValueException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Lambda was unable to configure your "
                        + "environment variables because the environment variables you have provided exceeded the 4KB "
                        + "limit. String measured: {\"BIG\":\"" + "x".repeat(4093) + "\"}"));
        env.put("BIG", "x".repeat(4096 - 2 - 4 - 1 - 3));
        create("as-env", env);
    }
}
