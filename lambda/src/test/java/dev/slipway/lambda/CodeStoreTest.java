package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bytes given again (three functions of one service updated in parallel from one S3
 * artifact) are stored once and give the same code; other bytes never get someone else's code.
 */
class CodeStoreTest {
    @TempDir
    Path root;

    private static byte[] zip(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("a/Handler.class"));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void sameBytesStoredConcurrently_giveOneCodeWithTheirSha256() throws Exception {
        CodeStore store = new CodeStore(root);
        byte[] zip = zip("v1");
        List<CompletableFuture<CodeStore.Code>> stores = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> store.storeZip(zip.clone()))).toList();

        List<CodeStore.Code> codes = stores.stream().map(CompletableFuture::join).toList();

        assertThat(codes).allSatisfy(c -> assertThat(c).isEqualTo(codes.get(0)));
        assertThat(codes.get(0).sha256()).isEqualTo(sha256(zip));
        assertThat(codes.get(0).size()).isEqualTo(zip.length);
        assertThat(codes.get(0).taskRoot().resolve("a/Handler.class")).hasContent("v1");
    }

    @Test
    void otherBytesOfTheSameSize_getTheirOwnCode() throws Exception {
        CodeStore store = new CodeStore(root);
        byte[] one = zip("v1");
        byte[] two = zip("v2");
        assertThat(two).hasSameSizeAs(one);

        CodeStore.Code first = store.storeZip(one);
        CodeStore.Code second = store.storeZip(two);

        assertThat(second.sha256()).isEqualTo(sha256(two)).isNotEqualTo(first.sha256());
        assertThat(second.taskRoot().resolve("a/Handler.class")).hasContent("v2");
        assertThat(store.storeZip(one.clone())).isEqualTo(first);
    }

    @Test
    void storedCodeWhoseTaskRootWasDeleted_isStoredAgain() throws Exception {
        CodeStore store = new CodeStore(root);
        byte[] zip = zip("v1");
        CodeStore.Code first = store.storeZip(zip);
        CodeStore.deleteTree(first.taskRoot());

        CodeStore.Code again = store.storeZip(zip.clone());

        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(Files.isDirectory(again.taskRoot())).isTrue();
        assertThat(again.taskRoot().resolve("a/Handler.class")).hasContent("v1");
    }
}
