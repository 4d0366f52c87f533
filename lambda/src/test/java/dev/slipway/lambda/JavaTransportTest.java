package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * {@code -Dslipway.lambda.javaTransport=true}: Amazon's {@code AWSLambda} main with only its JNI
 * transport replaced by the renamed NativeClientShim; handlers answer as with the native client.
 * (FailureTest and InvokeTest also pass with the property set for the whole run.)
 */
class JavaTransportTest {
    @TempDir
    static Path cache;

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        System.setProperty("slipway.lambda.javaTransport", "true");
        fx = new LambdaFixture(cache, b -> b.appCds(false));
    }

    @AfterAll
    static void stop() {
        System.clearProperty("slipway.lambda.javaTransport");
        fx.close();
    }

    private static void create(String name, String handler) {
        fx.client.createFunction(CreateFunctionRequest.builder().functionName(name).runtime("java21")
                .role("arn:aws:iam::000000000000:role/lambda").handler("dev.slipway.lambda.testfn." + handler)
                .memorySize(256).timeout(30)
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip(false))).build()).build());
    }

    @Test
    void theWorkerRunsAwsLambdaMain_withTheJavaNativeClientFirstOnItsClassPath() throws Exception {
        create("jt-flags", "JvmFlags::handleRequest");
        InvokeResponse r = fx.client.invoke(b -> b.functionName("jt-flags").payload(SdkBytes.fromUtf8String("{}")));
        assertThat(r.functionError()).isNull();
        JsonNode f = Json.MAPPER.readTree(r.payload().asByteArray());
        String first = f.get("classPath").asText().split(java.io.File.pathSeparator)[0];
        assertThat(Path.of(first).resolve(RuntimeClient.NATIVE_CLIENT + ".class")).isRegularFile();
        assertThat(f.get("inputArguments").toString()).doesNotContain(RuntimeClient.JNI_PROPERTY);
    }

    @Test
    void warmInvocations_andHandlerErrors_answerAsWithTheNativeClient() throws Exception {
        create("jt-echo", "Echo");
        for (int i = 0; i < 50; i++) {
            InvokeResponse r = fx.client.invoke(b -> b.functionName("jt-echo").payload(SdkBytes.fromUtf8String("[1,2]")));
            assertThat(r.payload().asUtf8String()).isEqualTo("[1,2]");
        }
        create("jt-greet", "Greeter");
        InvokeResponse ok = fx.client.invoke(b -> b.functionName("jt-greet")
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")));
        assertThat(ok.functionError()).isNull();
        InvokeResponse error = fx.client.invoke(b -> b.functionName("jt-greet").payload(SdkBytes.fromUtf8String("[]")));
        assertThat(error.functionError()).isEqualTo("Unhandled");
        assertThat(Json.MAPPER.readTree(error.payload().asByteArray()).has("errorType")).isTrue();
    }

    @Test
    void renameClass_rewritesTheClassNameOnly() throws Exception {
        byte[] shim;
        try (var in = getClass().getClassLoader().getResourceAsStream("dev/slipway/lambda/worker/NativeClientShim.class")) {
            shim = in.readAllBytes();
        }
        byte[] renamed = RuntimeClient.renameClass(shim, "dev/slipway/lambda/worker/NativeClientShim", RuntimeClient.NATIVE_CLIENT);
        String text = new String(renamed, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains(RuntimeClient.NATIVE_CLIENT).doesNotContain("dev/slipway/lambda/worker/NativeClientShim");
        assertThat(renamed.length - shim.length).isEqualTo(2 * (RuntimeClient.NATIVE_CLIENT.length()
                - "dev/slipway/lambda/worker/NativeClientShim".length()));
    }
}
