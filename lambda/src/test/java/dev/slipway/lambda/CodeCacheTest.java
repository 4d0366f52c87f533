package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codeCache(true)} (what {@code slipway invoke} uses): a jar's code is kept, unpacked, in the
 * cache directory across services, so the next run of the same jar finds it there; a rebuilt jar
 * is never mistaken for the old one.
 */
class CodeCacheTest {
    @TempDir
    Path cache;
    @TempDir
    Path scratch;

    /** One short-lived service, as one {@code slipway invoke}: creates the function, invokes it, closes. */
    private JsonNode runOnce(Path jar) throws IOException {
        try (LambdaService lambda = LambdaService.builder().cacheDir(cache).codeCache(true).appCds(false).build()) {
            FunctionConfiguration c = lambda.createFunction(CreateFunctionRequest.of("cached", "java21",
                    "dev.slipway.lambda.testfn.Inspect::describe", FunctionCode.path(jar)).withMemoryAndTimeout(256, 10));
            assertThat(c.codeSha256()).as("CodeSha256 of the jar's bytes")
                    .isEqualTo(Base64.getEncoder().encodeToString(CodeStore.sha256(Files.readAllBytes(jar))));
            assertThat(c.codeSize()).isEqualTo(Files.size(jar));
            InvokeResponse r = lambda.invoke(InvokeRequest.of("cached", "{}"));
            assertThat(r.functionError()).as(r.payloadAsString()).isEmpty();
            JsonNode out = Json.parse(r.payload());
            ((com.fasterxml.jackson.databind.node.ObjectNode) out).put("codeSha256", c.codeSha256());
            return out;
        }
    }

    @Test
    void theSameJar_runsAgainFromTheTaskRootKeptInTheCache() throws IOException {
        Path jar = TestFunctions.jar(scratch);
        JsonNode first = runOnce(jar);
        Path taskRoot = Path.of(first.get("LAMBDA_TASK_ROOT").asText());
        assertThat(taskRoot).startsWith(cache);

        JsonNode second = runOnce(jar);
        assertThat(second.get("LAMBDA_TASK_ROOT").asText()).isEqualTo(taskRoot.toString());
        assertThat(second.get("codeSha256").asText()).isEqualTo(first.get("codeSha256").asText());
        assertThat(taskRoot).as("kept after the service closed").isDirectory();
    }

    @Test
    void aRebuiltJar_atTheSamePath_isStoredAndRunAsNewCode() throws IOException {
        Path jar = TestFunctions.jar(scratch);
        JsonNode before = runOnce(jar);

        byte[] rebuilt = withExtraFile(Files.readAllBytes(jar), '2');
        Files.write(jar, rebuilt);
        JsonNode after = runOnce(jar);

        assertThat(after.get("codeSha256").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(CodeStore.sha256(rebuilt)))
                .isNotEqualTo(before.get("codeSha256").asText());
        Path taskRoot = Path.of(after.get("LAMBDA_TASK_ROOT").asText());
        assertThat(taskRoot).isNotEqualTo(Path.of(before.get("LAMBDA_TASK_ROOT").asText()));
        assertThat(taskRoot.resolve("version.txt")).hasContent("2");
    }

    @Test
    void aJarRewrittenWithTheSameSizeAndModificationTime_isStillNewCode() throws IOException {
        Path jar = TestFunctions.jar(scratch);
        byte[] handlers = Files.readAllBytes(jar);
        Files.write(jar, withExtraFile(handlers, '1'));
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(jar);
        JsonNode before = runOnce(jar);

        byte[] rewritten = withExtraFile(handlers, '2');
        assertThat(rewritten).hasSameSizeAs(Files.readAllBytes(jar));
        Files.write(jar, rewritten);
        Files.setLastModifiedTime(jar, mtime);
        JsonNode after = runOnce(jar);

        assertThat(after.get("codeSha256").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(CodeStore.sha256(rewritten)))
                .isNotEqualTo(before.get("codeSha256").asText());
        assertThat(Path.of(after.get("LAMBDA_TASK_ROOT").asText()).resolve("version.txt")).hasContent("2");
    }

    /** The jar's entries plus a version.txt (a rebuild that changed the jar but not its handler). */
    private static byte[] withExtraFile(byte[] jar, char version) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes);
                java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("version.txt"));
            out.write(version);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
