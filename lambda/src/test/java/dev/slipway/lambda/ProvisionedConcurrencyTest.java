package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.GetProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListProvisionedConcurrencyConfigsResponse;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigNotFoundException;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyStatusEnum;
import software.amazon.awssdk.services.lambda.model.PutProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Provisioned concurrency through the AWS SDK v2. Error wording as LocalStack's snapshot tests
 * record AWS's answers (read 2026-11-26). Waits are bounded only as a hang guard.
 */
class ProvisionedConcurrencyTest {
    private static final long HANG_GUARD_NANOS = Duration.ofMinutes(2).toNanos();
    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    @TempDir
    static Path cache;

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        // a short idle timeout, so the test sees reaping happen to other workers while the provisioned stay
        fx = new LambdaFixture(cache, b -> b.appCds(false).idleTimeout(Duration.ofMillis(300)));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static void create(String name) {
        fx.client.createFunction(CreateFunctionRequest.builder().functionName(name).runtime("java21")
                .role("arn:aws:iam::000000000000:role/lambda").handler("dev.slipway.lambda.testfn.Echo")
                .memorySize(256).timeout(30)
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip(false))).build()).build());
        fx.client.publishVersion(b -> b.functionName(name));
    }

    static GetProvisionedConcurrencyConfigResponse awaitReady(String name, String qualifier) throws InterruptedException {
        long until = System.nanoTime() + HANG_GUARD_NANOS;
        while (true) {
            GetProvisionedConcurrencyConfigResponse r = fx.client.getProvisionedConcurrencyConfig(b -> b.functionName(name)
                    .qualifier(qualifier));
            if (r.status() != ProvisionedConcurrencyStatusEnum.IN_PROGRESS || System.nanoTime() > until) {
                return r;
            }
            Thread.sleep(50);
        }
    }

    @Nested
    class Validation {
        @Test
        void put_onLatest_failsWithInvalidParameterValue() {
            create("pc-latest");
            assertThatThrownBy(() -> fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-latest")
                    .qualifier("$LATEST").provisionedConcurrentExecutions(1)))
                    .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).isEqualTo("Provisioned Concurrency Configs cannot be applied to unpublished "
                                    + "function versions."));
            assertThatThrownBy(() -> fx.client.getProvisionedConcurrencyConfig(b -> b.functionName("pc-latest")
                    .qualifier("$LATEST")))
                    .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).isEqualTo("The function resource provided must be an alias or a published version."));
        }

        @Test
        void put_ofZero_failsWithValidationException() {
            create("pc-zero");
            assertThatThrownBy(() -> fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-zero")
                    .qualifier("1").provisionedConcurrentExecutions(0)))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '0' at "
                                + "'provisionedConcurrentExecutions' failed to satisfy constraint: Member must have value "
                                + "greater than or equal to 1");
                    });
        }

        @Test
        void missingVersionOrAlias_isResourceNotFound_andAMissingConfig_isConfigNotFound() {
            create("pc-missing");
            assertThatThrownBy(() -> fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-missing")
                    .qualifier("9").provisionedConcurrentExecutions(1)))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).isEqualTo("Function not found: " + ARN + "pc-missing:9"));
            assertThatThrownBy(() -> fx.client.getProvisionedConcurrencyConfig(b -> b.functionName("pc-missing")
                    .qualifier("live")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).isEqualTo("Cannot find alias arn: " + ARN + "pc-missing:live"));
            assertThatThrownBy(() -> fx.client.getProvisionedConcurrencyConfig(b -> b.functionName("pc-missing")
                    .qualifier("1")))
                    .isInstanceOfSatisfying(ProvisionedConcurrencyConfigNotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("No Provisioned Concurrency Config found for this function");
                    });
            // Delete is idempotent
            fx.client.deleteProvisionedConcurrencyConfig(b -> b.functionName("pc-missing").qualifier("1"));
        }

        @Test
        void anAlias_andItsVersion_cannotBothBeProvisioned() {
            create("pc-conflict");
            fx.client.createAlias(b -> b.functionName("pc-conflict").name("live").functionVersion("1"));
            fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-conflict").qualifier("live")
                    .provisionedConcurrentExecutions(1));
            assertThatThrownBy(() -> fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-conflict")
                    .qualifier("1").provisionedConcurrentExecutions(1)))
                    .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).isEqualTo("Version is pointed by a Provisioned Concurrency alias"));
        }
    }

    @Nested
    class Behaviour {
        @Test
        void put_startsTheWorkersAhead_inProgressThenReady_andTheyServeWarm() throws Exception {
            create("pc-ready");
            PutProvisionedConcurrencyConfigResponse put = fx.client.putProvisionedConcurrencyConfig(b -> b
                    .functionName("pc-ready").qualifier("1").provisionedConcurrentExecutions(2));
            assertThat(put.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.IN_PROGRESS);
            assertThat(put.requestedProvisionedConcurrentExecutions()).isEqualTo(2);
            assertThat(put.allocatedProvisionedConcurrentExecutions()).isZero();
            assertThat(put.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");

            GetProvisionedConcurrencyConfigResponse ready = awaitReady("pc-ready", "1");

            assertThat(ready.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);
            assertThat(ready.allocatedProvisionedConcurrentExecutions()).isEqualTo(2);
            assertThat(ready.availableProvisionedConcurrentExecutions()).isEqualTo(2);
            assertThat(fx.lambda.workerCount("pc-ready")).isEqualTo(2);
            InvokeResponse r = fx.lambda.invoke(new InvokeRequest("pc-ready", null, null, null, "1",
                    "[7]".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(r.payloadAsString()).isEqualTo("[7]");
            assertThat(r.coldStart()).isFalse();
        }

        @Test
        void provisionedWorkers_areNotReaped_whileOthersIdleAreStopped() throws Exception {
            create("pc-kept");
            create("pc-other");
            fx.client.createAlias(b -> b.functionName("pc-kept").name("live").functionVersion("1"));
            fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-kept").qualifier("live")
                    .provisionedConcurrentExecutions(1));
            assertThat(awaitReady("pc-kept", "live").status()).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);
            fx.client.invoke(b -> b.functionName("pc-other").qualifier("1").payload(SdkBytes.fromUtf8String("1")));
            assertThat(fx.lambda.workerCount("pc-other")).isEqualTo(1);

            long until = System.nanoTime() + HANG_GUARD_NANOS;
            while (fx.lambda.workerCount("pc-other") > 0 && System.nanoTime() < until) {
                Thread.sleep(50);
            }

            assertThat(fx.lambda.workerCount("pc-other")).as("the on-demand worker was reaped").isZero();
            assertThat(fx.lambda.workerCount("pc-kept")).isEqualTo(1);
            ListProvisionedConcurrencyConfigsResponse list = fx.client.listProvisionedConcurrencyConfigs(b -> b
                    .functionName("pc-kept"));
            assertThat(list.provisionedConcurrencyConfigs()).singleElement().satisfies(c -> {
                assertThat(c.functionArn()).isEqualTo(ARN + "pc-kept:live");
                assertThat(c.requestedProvisionedConcurrentExecutions()).isEqualTo(1);
                assertThat(c.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);
            });

            fx.client.deleteProvisionedConcurrencyConfig(b -> b.functionName("pc-kept").qualifier("live"));

            assertThatThrownBy(() -> fx.client.getProvisionedConcurrencyConfig(b -> b.functionName("pc-kept")
                    .qualifier("live"))).isInstanceOf(ProvisionedConcurrencyConfigNotFoundException.class);
            until = System.nanoTime() + HANG_GUARD_NANOS;
            while (fx.lambda.workerCount("pc-kept") > 0 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(fx.lambda.workerCount("pc-kept")).as("reaped like any other once the config is gone").isZero();
        }

        @Test
        void aProvisionedVersion_staysWarm_whenLatestIsUpdated() throws Exception {
            create("pc-update");
            fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-update").qualifier("1")
                    .provisionedConcurrentExecutions(1));
            assertThat(awaitReady("pc-update", "1").status()).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);

            fx.client.updateFunctionConfiguration(b -> b.functionName("pc-update").timeout(20));

            InvokeResponse r = fx.lambda.invoke(new InvokeRequest("pc-update", null, null, null, "1",
                    "2".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(r.payloadAsString()).isEqualTo("2");
            assertThat(r.coldStart()).as("a new provisioned worker was started for version 1 at once").isFalse();
        }

        @Test
        void changingReservedConcurrency_keepsTheProvisionedCount_noWorkersOfTheOldSettingLeftBehind() throws Exception {
            create("pc-reserved");
            fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-reserved").qualifier("1")
                    .provisionedConcurrentExecutions(1));
            assertThat(awaitReady("pc-reserved", "1").status()).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);

            fx.client.putFunctionConcurrency(b -> b.functionName("pc-reserved").reservedConcurrentExecutions(5));

            InvokeResponse r = fx.lambda.invoke(new InvokeRequest("pc-reserved", null, null, null, "1",
                    "3".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(r.payloadAsString()).isEqualTo("3");
            long until = System.nanoTime() + HANG_GUARD_NANOS;
            while (fx.lambda.workerCount("pc-reserved") != 1 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(fx.lambda.workerCount("pc-reserved")).as("one provisioned worker, not one per setting").isEqualTo(1);
        }

        @Test
        void deletingTheFunction_deletesItsConfigs() throws Exception {
            create("pc-gone");
            fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("pc-gone").qualifier("1")
                    .provisionedConcurrentExecutions(1));
            fx.client.deleteFunction(b -> b.functionName("pc-gone"));
            create("pc-gone");

            assertThatThrownBy(() -> fx.client.getProvisionedConcurrencyConfig(b -> b.functionName("pc-gone")
                    .qualifier("1"))).isInstanceOf(ProvisionedConcurrencyConfigNotFoundException.class);
            assertThat(fx.client.listProvisionedConcurrencyConfigs(b -> b.functionName("pc-gone"))
                    .provisionedConcurrencyConfigs()).isEmpty();
        }
    
        @Test
        void cloudFormationAlias_withProvisionedConcurrencyConfig_putsIt_andAnUpdateWithoutIt_deletesIt() throws Exception {
            create("pc-cfn");
            dev.slipway.protocol.spi.ResourceProvider alias = fx.lambda.asCloudService().resourceProviders().stream()
                    .filter(p -> p.type().equals("AWS::Lambda::Alias")).findFirst().orElseThrow();
            alias.create(cfn("{\"FunctionName\":\"pc-cfn\",\"Name\":\"live\",\"FunctionVersion\":\"1\","
                    + "\"ProvisionedConcurrencyConfig\":{\"ProvisionedConcurrentExecutions\":1}}"));

            assertThat(awaitReady("pc-cfn", "live").allocatedProvisionedConcurrentExecutions()).isEqualTo(1);

            alias.update(cfn("{\"FunctionName\":\"pc-cfn\",\"Name\":\"live\",\"FunctionVersion\":\"1\"}"));
            assertThatThrownBy(() -> fx.client.getProvisionedConcurrencyConfig(b -> b.functionName("pc-cfn")
                    .qualifier("live"))).isInstanceOf(ProvisionedConcurrencyConfigNotFoundException.class);
        }

        private dev.slipway.protocol.spi.ResourceProvider.Request cfn(String json) throws Exception {
            return new dev.slipway.protocol.spi.ResourceProvider.Request("stack",
                    "arn:aws:cloudformation:us-east-1:000000000000:stack/stack/1", "Live", Optional.of(ARN + "pc-cfn:live"),
                    (com.fasterxml.jackson.databind.node.ObjectNode) dev.slipway.protocol.Json.parse(json), Optional.empty(),
                    java.util.Map.of(), "us-east-1", "000000000000");
        }
}
}
