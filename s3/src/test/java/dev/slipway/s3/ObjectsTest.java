package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ObjectsTest {
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("bkt"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void put(String key, String content) {
        f.s3.putObject(b -> b.bucket("bkt").key(key), RequestBody.fromString(content));
    }

    @Test
    void putThenGet_returnsContentMetadataAndMd5ETag() {
        PutObjectResponse put = f.s3.putObject(b -> b.bucket("bkt").key("dir/hello.txt").contentType("text/plain")
                .cacheControl("max-age=60").metadata(Map.of("Owner", "ann")), RequestBody.fromString("hello"));
        assertThat(put.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        ResponseBytes<GetObjectResponse> got = f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("dir/hello.txt"));
        assertThat(got.asUtf8String()).isEqualTo("hello");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(got.response().cacheControl()).isEqualTo("max-age=60");
        assertThat(got.response().metadata()).containsExactly(Map.entry("owner", "ann"));
        assertThat(got.response().eTag()).isEqualTo(put.eTag());
        assertThat(got.response().contentLength()).isEqualTo(5);
    }

    @Test
    void putObject_sdkDefaultCrc32_isVerifiedStoredAndReturnedInChecksumMode() {
        PutObjectResponse put = f.s3.putObject(b -> b.bucket("bkt").key("c"), RequestBody.fromString("checksummed"));
        String crc32 = Checksums.compute("CRC32", "checksummed".getBytes(StandardCharsets.UTF_8));
        assertThat(put.checksumCRC32()).isEqualTo(crc32);
        ResponseBytes<GetObjectResponse> got = f.s3.getObjectAsBytes(
                b -> b.bucket("bkt").key("c").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.response().checksumCRC32()).isEqualTo(crc32);
        assertThat(got.asUtf8String()).isEqualTo("checksummed");
    }

    @Test
    void putObject_withEachChecksumAlgorithm_roundTrips() {
        for (ChecksumAlgorithm algorithm : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
                ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
            String key = "k-" + algorithm;
            f.s3.putObject(b -> b.bucket("bkt").key(key).checksumAlgorithm(algorithm), RequestBody.fromString("data " + key));
            assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key(key).checksumMode(ChecksumMode.ENABLED))
                    .asUtf8String()).isEqualTo("data " + key);
        }
    }

    @Test
    void crc64nvme_matchesTheCatalogueCheckValue() {
        assertThat(Checksums.crc64nvme("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xae8b14860a799888L);
    }

    @Test
    void putObject_withCrc64nvmeHeader_isVerified() throws Exception {
        byte[] data = "nvme".getBytes();
        String good = Checksums.compute("CRC64NVME", data);
        assertThat(RawHttp.send(f.port(), "PUT", "/bkt/n", Map.of("x-amz-checksum-crc64nvme", good), data).status())
                .isEqualTo(200);
        String bad = Checksums.compute("CRC64NVME", "other".getBytes());
        assertThat(RawHttp.send(f.port(), "PUT", "/bkt/n", Map.of("x-amz-checksum-crc64nvme", bad), data).text())
                .contains("<Message>The CRC64NVME you specified did not match the calculated checksum.</Message>");
    }

    @Test
    void putObject_withWrongChecksumHeader_failsWithBadDigest() throws Exception {
        RawHttp.Response r = RawHttp.send(f.port(), "PUT", "/bkt/k",
                Map.of("x-amz-checksum-crc32", Checksums.compute("CRC32", "other".getBytes())), "data".getBytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("<Code>BadDigest</Code>",
                "<Message>The CRC32 you specified did not match the calculated checksum.</Message>");
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("bkt").key("k"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void putObject_withWrongContentMd5_failsWithBadDigest_andMalformedOneWithInvalidDigest() throws Exception {
        String md5 = Base64.getEncoder().encodeToString(Checksums.md5("other".getBytes()));
        RawHttp.Response bad = RawHttp.send(f.port(), "PUT", "/bkt/k", Map.of("Content-MD5", md5), "data".getBytes());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("<Code>BadDigest</Code>",
                "<Message>The Content-MD5 you specified did not match what we received.</Message>");
        RawHttp.Response invalid = RawHttp.send(f.port(), "PUT", "/bkt/k", Map.of("Content-MD5", "nope"), "data".getBytes());
        assertThat(invalid.text()).contains("<Code>InvalidDigest</Code>",
                "<Message>The Content-MD5 you specified is not valid.</Message>");
        String good = Base64.getEncoder().encodeToString(Checksums.md5("data".getBytes()));
        assertThat(RawHttp.send(f.port(), "PUT", "/bkt/k", Map.of("Content-MD5", good), "data".getBytes()).status())
                .isEqualTo(200);
    }

    @Test
    void getObject_missingKey_failsWithNoSuchKey() throws Exception {
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("bkt").key("missing")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
                });
        assertThat(RawHttp.get(f.port(), "127.0.0.1", "/bkt/missing").text())
                .contains("<Key>missing</Key>", "<Resource>/bkt/missing</Resource>");
    }

    @Test
    void getObject_withRange_answers206WithContentRange() {
        put("r", "0123456789");
        ResponseBytes<GetObjectResponse> middle = f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("r").range("bytes=2-5"));
        assertThat(middle.asUtf8String()).isEqualTo("2345");
        assertThat(middle.response().contentRange()).isEqualTo("bytes 2-5/10");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("r").range("bytes=-3")).asUtf8String()).isEqualTo("789");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("r").range("bytes=7-")).asUtf8String()).isEqualTo("789");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("r").range("bytes=8-100")).asUtf8String()).isEqualTo("89");
    }

    @Test
    void getObject_withUnsatisfiableRange_failsWithInvalidRange() {
        put("r", "0123456789");
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("bkt").key("r").range("bytes=10-20")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The requested range is not satisfiable");
                });
    }

    @Test
    void conditionalGet_answers304And412AsS3Does() {
        put("c", "v1");
        HeadObjectResponse head = f.s3.headObject(b -> b.bucket("bkt").key("c"));
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("bkt").key("c").ifNoneMatch(head.eTag())))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("bkt").key("c").ifMatch("\"other\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("At least one of the pre-conditions you specified did not hold");
                });
        Instant later = head.lastModified().plusSeconds(60);
        Instant earlier = head.lastModified().minusSeconds(60);
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("bkt").key("c").ifModifiedSince(later)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("bkt").key("c").ifUnmodifiedSince(earlier)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        // If-Match true wins over If-Unmodified-Since false (S3 GetObject docs).
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("c").ifMatch(head.eTag()).ifUnmodifiedSince(earlier))
                .asUtf8String()).isEqualTo("v1");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("c").ifModifiedSince(earlier)).asUtf8String())
                .isEqualTo("v1");
    }

    @Test
    void putObject_ifNoneMatchStar_onExistingKey_failsWithPreconditionFailed() {
        put("once", "v1");
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("bkt").key("once").ifNoneMatch("*"), RequestBody.fromString("v2")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("once")).asUtf8String()).isEqualTo("v1");
    }

    @Test
    void deleteObject_ofMissingKey_succeeds() {
        put("d", "x");
        f.s3.deleteObject(b -> b.bucket("bkt").key("d"));
        f.s3.deleteObject(b -> b.bucket("bkt").key("d"));
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("bkt").key("d"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void deleteObjects_reportsDeletedKeys_unlessQuiet() {
        put("a", "1");
        put("b", "2");
        put("c", "3");
        DeleteObjectsResponse loud = f.s3.deleteObjects(b -> b.bucket("bkt").delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("zz").build())));
        assertThat(loud.deleted()).extracting(d -> d.key()).containsExactly("a", "zz");
        DeleteObjectsResponse quiet = f.s3.deleteObjects(b -> b.bucket("bkt").delete(d -> d.quiet(true).objects(
                ObjectIdentifier.builder().key("b").build())));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).isEmpty();
        assertThat(f.s3.listObjectsV2(b -> b.bucket("bkt")).contents()).extracting(o -> o.key()).containsExactly("c");
    }

    @Test
    void copyObject_copiesMetadata_orReplacesItWithDirective() {
        f.s3.putObject(b -> b.bucket("bkt").key("src").contentType("text/html").metadata(Map.of("m", "1")),
                RequestBody.fromString("<p>"));
        f.s3.createBucket(b -> b.bucket("other"));
        f.s3.copyObject(b -> b.sourceBucket("bkt").sourceKey("src").destinationBucket("other").destinationKey("copy"));
        HeadObjectResponse copied = f.s3.headObject(b -> b.bucket("other").key("copy"));
        assertThat(copied.contentType()).isEqualTo("text/html");
        assertThat(copied.metadata()).containsEntry("m", "1");
        f.s3.copyObject(b -> b.sourceBucket("bkt").sourceKey("src").destinationBucket("bkt").destinationKey("src")
                .metadataDirective(MetadataDirective.REPLACE).contentType("text/plain").metadata(Map.of("n", "2")));
        HeadObjectResponse replaced = f.s3.headObject(b -> b.bucket("bkt").key("src"));
        assertThat(replaced.contentType()).isEqualTo("text/plain");
        assertThat(replaced.metadata()).containsExactly(Map.entry("n", "2"));
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key("src")).asUtf8String()).isEqualTo("<p>");
    }

    @Test
    void copyObject_ontoItselfWithoutReplace_failsWithInvalidRequest() {
        put("self", "x");
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("bkt").sourceKey("self").destinationBucket("bkt")
                .destinationKey("self"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("This copy request is illegal");
                });
    }

    @Test
    void copyObject_missingSource_failsWithNoSuchKey() {
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("bkt").sourceKey("nope").destinationBucket("bkt")
                .destinationKey("x"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void keysWithSpacesPlusAndUnicode_roundTrip() {
        for (String key : List.of("a b+c.txt", "dir/ünï ©ode.txt", "q?x=1&y=2", "percent%20literal")) {
            put(key, key);
            assertThat(f.s3.getObjectAsBytes(b -> b.bucket("bkt").key(key)).asUtf8String()).isEqualTo(key);
        }
    }

    @Test
    void virtualHostStyle_hostHeaderNamesTheBucket() throws Exception {
        put("vh.txt", "virtual");
        RawHttp.Response r = RawHttp.get(f.port(), "bkt.s3.localhost:" + f.port(), "/vh.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("virtual");
        RawHttp.Response list = RawHttp.get(f.port(), "bkt.localhost:" + f.port(), "/?list-type=2");
        assertThat(list.text()).contains("<Key>vh.txt</Key>");
    }

    @Test
    void methodNotAllowed_onService() throws Exception {
        RawHttp.Response r = RawHttp.send(f.port(), "DELETE", "/", Map.of(), new byte[0]);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.text()).contains("<Code>MethodNotAllowed</Code>",
                "<Message>The specified method is not allowed against this resource.</Message>");
    }
}
