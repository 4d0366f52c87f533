package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A shaded jar (thousands of classes at the root, as the Maven Shade plugin writes them) is run
 * from the task root's {@code lib/} instead of being unpacked class by class; its handlers, its
 * bundled libraries and its non-class files behave as when unpacked.
 */
class ShadedJarTest {
    @TempDir
    static Path cache;
    @TempDir
    static Path data;

    static LambdaFixture fx;

    @BeforeAll
    static void start() throws IOException {
        fx = new LambdaFixture(cache, b -> b.appCds(false).dataDir(Optional.of(data)));
        byte[] jar = shadedJar();
        for (String[] fn : new String[][] {{"shaded-inspect", "dev.slipway.lambda.testfn.Inspect::describe"},
            {"shaded-api", "dev.slipway.lambda.testfn.Api"}}) {
            fx.client.createFunction(CreateFunctionRequest.builder().functionName(fn[0]).runtime(Runtime.JAVA21)
                    .role("arn:aws:iam::000000000000:role/lambda").handler(fn[1]).memorySize(256).timeout(10)
                    .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(jar)).build()).build());
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** The test handlers plus every class of their libraries (flattened, as shading does) and a config file. */
    static byte[] shadedJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Path root = TestFunctions.testClasses();
            try (Stream<Path> files = Files.walk(root.resolve(TestFunctions.PACKAGE))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    put(zip, names, root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            for (Path lib : TestFunctions.libs()) {
                try (ZipFile z = new ZipFile(lib.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(z.entries())) {
                        if (!e.isDirectory() && !e.getName().startsWith("META-INF/")) {
                            try (InputStream in = z.getInputStream(e)) {
                                put(zip, names, e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
            put(zip, names, "config/settings.txt", "mode=shaded\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(names.stream().filter(n -> n.endsWith(".class")).count())
                .as("enough classes to count as a shaded jar").isGreaterThanOrEqualTo(CodeStore.PLAIN_JAR_CLASSES);
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, Set<String> names, String name, byte[] content) throws IOException {
        if (names.add(name)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
    }

    static JsonNode invoke(String name, String payload) throws IOException {
        InvokeResponse r = fx.client.invoke(InvokeRequest.builder().functionName(name)
                .payload(SdkBytes.fromUtf8String(payload)).build());
        assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        return Json.parse(r.payload().asByteArray());
    }

    @Test
    void handlerOfAShadedJar_runsWithItsFilesInTheTaskRoot() throws IOException {
        JsonNode out = invoke("shaded-inspect", "{}");
        Path taskRoot = Path.of(out.get("LAMBDA_TASK_ROOT").asText());
        assertThat(out.get("userDir").asText()).isEqualTo(taskRoot.toString());
        assertThat(taskRoot.resolve("config/settings.txt")).hasContent("mode=shaded");
        assertThat(taskRoot.resolve("lib/function.jar")).isRegularFile();
        assertThat(taskRoot.resolve(TestFunctions.PACKAGE).resolve("Inspect.class"))
                .as("classes are read from the jar, not written out one by one").doesNotExist();
    }

    @Test
    void librariesShadedIntoTheJar_loadForTheHandler() throws IOException {
        String event = "{\"httpMethod\":\"GET\",\"path\":\"/shaded\",\"queryStringParameters\":{\"who\":\"ada\"},"
                + "\"requestContext\":{\"requestId\":\"req-9\"},\"isBase64Encoded\":false}";
        JsonNode out = invoke("shaded-api", event);
        assertThat(out.get("statusCode").asInt()).isEqualTo(201);
        assertThat(out.get("body").asText()).startsWith("GET /shaded for ada (req-9)");
    }
}
