package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CloudFormation providers as the engine calls them: function from S3, version, weighted alias, permission. */
class ResourceProvidersTest {
    @TempDir
    static Path cache;

    static LambdaService lambda;
    static Map<String, ResourceProvider> providers;

    @BeforeAll
    static void start() {
        byte[] zip = TestFunctions.zip(false);
        lambda = LambdaService.builder().cacheDir(cache).appCds(false)
                .objectReader((bucket, key) -> bucket.equals("deploys") && key.equals("app.zip")
                        ? Optional.of(new ByteArrayInputStream(zip)) : Optional.empty())
                .build();
        providers = new java.util.HashMap<>();
        lambda.asCloudService().resourceProviders().forEach(p -> providers.put(p.type(), p));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    static ResourceProvider.Request request(String logicalId, String json, Optional<String> physicalId) throws Exception {
        return new ResourceProvider.Request("stack", "arn:aws:cloudformation:us-east-1:000000000000:stack/stack/1",
                logicalId, physicalId, (ObjectNode) Json.parse(json), Optional.empty(), Map.of(), "us-east-1",
                "000000000000");
    }

    @Test
    void functionVersionAliasAndPermission_areCreatedAndTheAliasInvokes() throws Exception {
        assertThat(providers).containsKeys("AWS::Lambda::Function", "AWS::Lambda::Version", "AWS::Lambda::Alias",
                "AWS::Lambda::Permission");
        ResourceProvider.Result fn = providers.get("AWS::Lambda::Function").create(request("Hello",
                "{\"FunctionName\":\"cfn-hello\",\"Runtime\":\"java21\",\"Handler\":\"dev.slipway.lambda.testfn.Greeter\","
                        + "\"MemorySize\":256,\"Timeout\":10,\"Role\":\"arn:aws:iam::000000000000:role/r\","
                        + "\"Code\":{\"S3Bucket\":\"deploys\",\"S3Key\":\"app.zip\"},\"ReservedConcurrentExecutions\":2}",
                Optional.empty()));
        assertThat(fn.physicalId()).isEqualTo("cfn-hello");
        assertThat(fn.attributes().get("Arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cfn-hello");
        assertThat(lambda.getFunctionConcurrency("cfn-hello").reservedConcurrentExecutions()).isEqualTo(2);

        ResourceProvider.Result v = providers.get("AWS::Lambda::Version").create(request("HelloVersion",
                "{\"FunctionName\":\"cfn-hello\"}", Optional.empty()));
        assertThat(v.physicalId()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cfn-hello:1");
        assertThat(v.attributes().get("Version").asText()).isEqualTo("1");

        ResourceProvider.Result alias = providers.get("AWS::Lambda::Alias").create(request("Live",
                "{\"FunctionName\":\"cfn-hello\",\"Name\":\"live\",\"FunctionVersion\":\"" + v.physicalId() + "\"}",
                Optional.empty()));
        assertThat(alias.physicalId()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cfn-hello:live");

        providers.get("AWS::Lambda::Permission").create(request("Invoke", "{\"FunctionName\":\"cfn-hello\","
                + "\"Action\":\"lambda:InvokeFunction\",\"Principal\":\"apigateway.amazonaws.com\"}", Optional.empty()));
        JsonNode policy = Json.parse(lambda.getPolicy("cfn-hello"));
        assertThat(policy.get("Statement").get(0).get("Principal").get("Service").asText()).isEqualTo("apigateway.amazonaws.com");

        ResourceProvider.Result aliasPermission = providers.get("AWS::Lambda::Permission").create(request(
                "InvokeLive", "{\"FunctionName\":\"" + alias.physicalId() + "\",\"Action\":\"lambda:InvokeFunction\","
                        + "\"Principal\":\"events.amazonaws.com\"}", Optional.empty()));
        assertThat(Json.parse(lambda.getPolicy("cfn-hello")).get("Statement").get(1).get("Resource").asText())
                .isEqualTo(alias.physicalId());
        providers.get("AWS::Lambda::Permission").delete(request("InvokeLive", "{}",
                Optional.of(aliasPermission.physicalId())));
        assertThat(Json.parse(lambda.getPolicy("cfn-hello")).get("Statement")).hasSize(1);

        InvokeResponse r = lambda.invoke(InvokeRequest.of("cfn-hello:live", "{\"name\":\"stack\"}"));
        assertThat(r.payloadAsString()).isEqualTo("{\"greeting\":\"Hello, stack\"}");
        assertThat(r.executedVersion()).isEqualTo("1");

        providers.get("AWS::Lambda::Function").delete(request("Hello", "{}", Optional.of("cfn-hello")));
        providers.get("AWS::Lambda::Function").delete(request("Hello", "{}", Optional.of("cfn-hello")));
        assertThat(lambda.listFunctions(Optional.empty(), Optional.empty()).functions())
                .noneMatch(f -> f.functionName().equals("cfn-hello"));
    }

    @Test
    void missingS3Object_failsWithLambdasError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> providers.get("AWS::Lambda::Function").create(request("X",
                "{\"FunctionName\":\"cfn-missing\",\"Runtime\":\"java21\",\"Handler\":\"a.B\","
                        + "\"Code\":{\"S3Bucket\":\"deploys\",\"S3Key\":\"nope.zip\"}}", Optional.empty())))
                .hasMessageStartingWith("Error occurred while GetObject. S3 Error Code: NoSuchKey.");
    }
}
