package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** The control plane through the AWS SDK v2: functions, configuration, versions, aliases, concurrency. */
class ControlPlaneTest {
    @TempDir
    static Path cache;
    @TempDir
    static Path data;

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture(cache, b -> b.appCds(false).dataDir(Optional.of(data)));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static CreateFunctionResponse create(String name) {
        return fx.client.createFunction(CreateFunctionRequest.builder().functionName(name).runtime(Runtime.JAVA21)
                .role("arn:aws:iam::000000000000:role/lambda").handler("dev.slipway.lambda.testfn.Greeter")
                .memorySize(256).timeout(5).environment(Environment.builder().variables(Map.of("APP", "1")).build())
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip(false))).build()).build());
    }

    @Test
    void createFunction_answersTheConfigurationAsLambdaDoes() {
        CreateFunctionResponse r = create("cp-create");
        assertThat(r.functionName()).isEqualTo("cp-create");
        assertThat(r.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cp-create");
        assertThat(r.runtime()).isEqualTo(Runtime.JAVA21);
        assertThat(r.handler()).isEqualTo("dev.slipway.lambda.testfn.Greeter");
        assertThat(r.memorySize()).isEqualTo(256);
        assertThat(r.timeout()).isEqualTo(5);
        assertThat(r.version()).isEqualTo("$LATEST");
        assertThat(r.codeSha256()).hasSize(44);
        assertThat(r.codeSize()).isPositive();
        assertThat(r.environment().variables()).containsEntry("APP", "1");
        assertThat(r.stateAsString()).isEqualTo("Active");
        assertThat(r.lastModified()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");
        assertThatThrownBy(() -> create("cp-create")).isInstanceOfSatisfying(ResourceConflictException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function already exist: cp-create"));
    }

    @Test
    void getListUpdateDelete_roundTrip() {
        create("cp-crud");
        GetFunctionResponse got = fx.client.getFunction(b -> b.functionName("cp-crud"));
        assertThat(got.configuration().handler()).isEqualTo("dev.slipway.lambda.testfn.Greeter");
        assertThat(got.code().repositoryType()).isEqualTo("S3");
        assertThat(fx.client.listFunctions().functions()).extracting(f -> f.functionName()).contains("cp-crud");
        var updated = fx.client.updateFunctionConfiguration(b -> b.functionName("cp-crud").memorySize(512).timeout(30));
        assertThat(updated.memorySize()).isEqualTo(512);
        assertThat(updated.handler()).isEqualTo("dev.slipway.lambda.testfn.Greeter");
        var code = fx.client.updateFunctionCode(b -> b.functionName("cp-crud")
                .zipFile(SdkBytes.fromByteArray(TestFunctions.zip(true))));
        assertThat(code.codeSha256()).isNotEqualTo(got.configuration().codeSha256());
        fx.client.deleteFunction(b -> b.functionName("cp-crud"));
        assertThatThrownBy(() -> fx.client.getFunction(b -> b.functionName("cp-crud")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:cp-crud"));
    }

    @Test
    void invalidConfiguration_isRefusedWithLambdasErrors() {
        assertThatThrownBy(() -> fx.client.createFunction(CreateFunctionRequest.builder().functionName("cp-bad")
                .runtime("java99").role("arn:aws:iam::000000000000:role/x").handler("x.Y").memorySize(20000)
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip(false))).build()).build()))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("2 validation errors detected: "
                            + "Value 'java99' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [");
                    assertThat(e.awsErrorDetails().errorMessage()).endsWith("Value '20000' at 'memorySize' failed to "
                            + "satisfy constraint: Member must have value less than or equal to 10240");
                });
        assertThatThrownBy(() -> fx.client.createFunction(CreateFunctionRequest.builder().functionName("cp-notzip")
                .runtime(Runtime.JAVA21).role("arn:aws:iam::000000000000:role/x").handler("x.Y")
                .code(FunctionCode.builder().zipFile(SdkBytes.fromUtf8String("not a zip")).build()).build()))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Could not unzip uploaded file. Please check your file, then try to upload again."));
    }

    @Test
    void publishVersionAndWeightedAlias_routeInvocationsToBothVersions() {
        create("cp-alias");
        PublishVersionResponse v1 = fx.client.publishVersion(b -> b.functionName("cp-alias"));
        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cp-alias:1");
        assertThat(fx.client.publishVersion(b -> b.functionName("cp-alias")).version())
                .as("nothing changed: the same version").isEqualTo("1");
        fx.client.updateFunctionConfiguration(b -> b.functionName("cp-alias").environment(
                Environment.builder().variables(Map.of("APP", "2")).build()));
        assertThat(fx.client.publishVersion(b -> b.functionName("cp-alias")).version()).isEqualTo("2");
        assertThat(fx.client.listVersionsByFunction(b -> b.functionName("cp-alias")).versions())
                .extracting(v -> v.version()).containsExactly("$LATEST", "1", "2");
        var alias = fx.client.createAlias(CreateAliasRequest.builder().functionName("cp-alias").name("live")
                .functionVersion("1").routingConfig(AliasRoutingConfiguration.builder()
                        .additionalVersionWeights(Map.of("2", 0.5)).build()).build());
        assertThat(alias.aliasArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cp-alias:live");
        Set<String> executed = IntStream.range(0, 40).mapToObj(i -> fx.client.invoke(InvokeRequest.builder()
                .functionName("cp-alias").qualifier("live").payload(SdkBytes.fromUtf8String("{\"name\":\"x\"}")).build())
                .executedVersion()).collect(Collectors.toSet());
        assertThat(executed).containsExactlyInAnyOrder("1", "2");
        fx.client.updateAlias(b -> b.functionName("cp-alias").name("live").functionVersion("2")
                .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of()).build()));
        assertThat(fx.client.getAlias(b -> b.functionName("cp-alias").name("live")).functionVersion()).isEqualTo("2");
        assertThatThrownBy(() -> fx.client.deleteFunction(b -> b.functionName("cp-alias").qualifier("2")))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Unable to delete version because the following aliases reference it: [live]"));
        assertThat(fx.client.listAliases(b -> b.functionName("cp-alias")).aliases()).hasSize(1);
        assertThatThrownBy(() -> fx.client.getAlias(b -> b.functionName("cp-alias").name("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Alias not found: arn:aws:lambda:us-east-1:000000000000:function:cp-alias:nope"));
        fx.client.deleteAlias(b -> b.functionName("cp-alias").name("live"));
        assertThat(fx.client.listAliases(b -> b.functionName("cp-alias")).aliases()).isEmpty();
    }

    @Test
    void reservedConcurrency_isSetReadAndRemoved() {
        create("cp-conc");
        assertThat(fx.client.putFunctionConcurrency(b -> b.functionName("cp-conc").reservedConcurrentExecutions(3))
                .reservedConcurrentExecutions()).isEqualTo(3);
        assertThat(fx.client.getFunction(b -> b.functionName("cp-conc")).concurrency().reservedConcurrentExecutions())
                .isEqualTo(3);
        fx.client.deleteFunctionConcurrency(b -> b.functionName("cp-conc"));
        assertThat(fx.client.getFunctionConcurrency(b -> b.functionName("cp-conc")).reservedConcurrentExecutions()).isNull();
    }

    @Test
    void withADataDirectory_functionsSurviveARestart() throws Exception {
        Path dir = data.resolveSibling(data.getFileName() + "-restart");
        try (LambdaService first = LambdaService.builder().cacheDir(cache).appCds(false).dataDir(Optional.of(dir)).build()) {
            first.createFunction(dev.slipway.lambda.CreateFunctionRequest.of("kept", "java21", "dev.slipway.lambda.testfn.Greeter",
                    dev.slipway.lambda.FunctionCode.zip(TestFunctions.zip(false))).withMemoryAndTimeout(256, 10));
            first.publishVersion("kept", null);
        }
        try (LambdaService second = LambdaService.builder().cacheDir(cache).appCds(false).dataDir(Optional.of(dir)).build()) {
            assertThat(second.getFunctionConfiguration("kept", Optional.of("1")).version()).isEqualTo("1");
            assertThat(second.invoke(dev.slipway.lambda.InvokeRequest.of("kept", "{\"name\":\"again\"}")).payloadAsString())
                    .isEqualTo("{\"greeting\":\"Hello, again\"}");
        } finally {
            CodeStore.deleteTree(dir);
        }
    }

    @Test
    void unknownRoute_isAnErrorNamingIt_notA500() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.server.url()
                + "/2015-03-31/functions/x/unknown")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains("UnknownOperationException");
        var bad = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.server.url() + "/2015-03-31/functions"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("X-Amzn-ErrorType")).contains("InvalidRequestContentException");
        assertThat(bad.body()).startsWith("{\"Type\":\"User\",\"message\":\"Could not parse request body into json: ");
    }
}
