package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
    @TempDir
    Path dir;

    private S3Service open() {
        return S3Service.builder().dataDir(Optional.of(dir)).build();
    }

    @Test
    void bucketsObjectsPolicyAndWebsite_surviveARestart() throws Exception {
        S3Service first = open();
        first.createBucket("keep");
        first.putObject("keep", "a/b.txt", "hello".getBytes(), "text/plain", Map.of("k", "v"));
        first.putObject("keep", "gone", "x".getBytes());
        first.deleteObject("keep", "gone");
        first.putBucketPolicy("keep", "{\"Statement\":[]}");
        first.putBucketWebsite("keep", WebsiteConfiguration.of("index.html", Optional.of("err.html")));
        String id = first.createMultipartUpload("keep", "big", "application/zip");
        first.uploadPart("keep", "big", id, 1, "part".getBytes());
        first.close();

        S3Service second = open();
        assertThat(second.listBuckets()).containsExactly("keep");
        assertThat(second.getObject("keep", "a/b.txt")).isEqualTo("hello".getBytes());
        ObjectInfo info = second.headObject("keep", "a/b.txt").orElseThrow();
        assertThat(info.contentType()).isEqualTo("text/plain");
        assertThat(info.userMetadata()).containsEntry("k", "v");
        assertThat(info.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        assertThat(second.headObject("keep", "gone")).isEmpty();
        assertThat(second.getBucketPolicy("keep")).contains("{\"Statement\":[]}");
        assertThat(second.getBucketWebsite("keep").orElseThrow().errorDocumentKey()).contains("err.html");
        try (InputStream in = second.asObjectReader().open("keep", "a/b.txt").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes());
        }
        assertThat(second.asObjectReader().open("keep", "nope")).isEmpty();
        assertThat(second.asObjectReader().open("nobucket", "nope")).isEmpty();
    }

    @Test
    void overwrittenAndDeletedObjects_leaveNoFilesBehind() throws Exception {
        S3Service s3 = open();
        s3.createBucket("tidy");
        for (int i = 0; i < 5; i++) {
            s3.putObject("tidy", "same", ("v" + i).getBytes());
        }
        s3.putObject("tidy", "other", "o".getBytes());
        s3.deleteObject("tidy", "other");
        assertThat(files(dir.resolve("buckets/tidy/blobs"))).hasSize(1);
        assertThat(files(dir.resolve("buckets/tidy/meta"))).hasSize(1);
        assertThat(s3.emptyBucket("tidy")).isEqualTo(1);
        s3.deleteBucket("tidy");
        assertThat(Files.exists(dir.resolve("buckets/tidy"))).isFalse();
    }

    @Test
    void blobWithoutMetadata_leftByACrash_isRemovedAtStart() throws Exception {
        S3Service s3 = open();
        s3.createBucket("crash");
        s3.putObject("crash", "k", "v".getBytes());
        Files.write(dir.resolve("buckets/crash/blobs/orphan"), "half-written".getBytes());
        S3Service again = open();
        assertThat(again.getObject("crash", "k")).isEqualTo("v".getBytes());
        assertThat(files(dir.resolve("buckets/crash/blobs"))).hasSize(1);
    }

    @Test
    void withoutDataDir_nothingIsWritten(@TempDir Path empty) throws Exception {
        S3Service s3 = S3Service.builder().build();
        s3.createBucket("mem");
        s3.putObject("mem", "k", "v".getBytes());
        assertThat(s3.getObject("mem", "k")).isEqualTo("v".getBytes());
        assertThat(files(empty)).isEmpty();
    }

    private static List<Path> files(Path p) throws Exception {
        try (Stream<Path> s = Files.list(p)) {
            return s.toList();
        }
    }
}
