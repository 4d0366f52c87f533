package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

class MultipartTest {
    private static final int MB5 = 5 * 1024 * 1024;
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("mpu"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static byte[] filled(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private String create(String key) {
        return f.s3.createMultipartUpload(b -> b.bucket("mpu").key(key).contentType("application/zip")).uploadId();
    }

    private UploadPartResponse part(String key, String id, int n, byte[] data) {
        return f.s3.uploadPart(b -> b.bucket("mpu").key(key).uploadId(id).partNumber(n), RequestBody.fromBytes(data));
    }

    private static CompletedPart done(int n, UploadPartResponse r) {
        return CompletedPart.builder().partNumber(n).eTag(r.eTag()).build();
    }

    @Test
    void twoParts_completeIntoOneObject_withMd5OfMd5sETag() throws Exception {
        byte[] p1 = filled(MB5, 1);
        byte[] p2 = filled(1000, 2);
        String id = create("big.zip");
        UploadPartResponse r1 = part("big.zip", id, 1, p1);
        UploadPartResponse r2 = part("big.zip", id, 2, p2);
        assertThat(f.s3.listParts(b -> b.bucket("mpu").key("big.zip").uploadId(id)).parts())
                .extracting(p -> p.partNumber() + ":" + p.size()).containsExactly("1:" + MB5, "2:1000");
        CompleteMultipartUploadResponse c = f.s3.completeMultipartUpload(b -> b.bucket("mpu").key("big.zip").uploadId(id)
                .multipartUpload(m -> m.parts(done(1, r1), done(2, r2))));
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        md5s.writeBytes(Checksums.md5(p1));
        md5s.writeBytes(Checksums.md5(p2));
        assertThat(c.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(Checksums.md5(md5s.toByteArray())) + "-2\"");
        byte[] got = f.s3.getObjectAsBytes(b -> b.bucket("mpu").key("big.zip")).asByteArray();
        assertThat(got.length).isEqualTo(MB5 + 1000);
        assertThat(Arrays.copyOfRange(got, MB5, got.length)).isEqualTo(p2);
        assertThat(f.s3.headObject(b -> b.bucket("mpu").key("big.zip")).contentType()).isEqualTo("application/zip");
    }

    @Test
    void getObjectByPartNumber_returnsThatPart_andAnUnknownPartFailsWithInvalidPartNumber() {
        byte[] p1 = filled(MB5, 5);
        byte[] p2 = filled(77, 6);
        String id = create("parts");
        UploadPartResponse r1 = part("parts", id, 1, p1);
        UploadPartResponse r2 = part("parts", id, 2, p2);
        f.s3.completeMultipartUpload(b -> b.bucket("mpu").key("parts").uploadId(id)
                .multipartUpload(m -> m.parts(done(1, r1), done(2, r2))));
        var second = f.s3.getObjectAsBytes(b -> b.bucket("mpu").key("parts").partNumber(2));
        assertThat(second.asByteArray()).isEqualTo(p2);
        assertThat(second.response().partsCount()).isEqualTo(2);
        assertThat(second.response().contentRange()).isEqualTo("bytes " + MB5 + "-" + (MB5 + 76) + "/" + (MB5 + 77));
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("mpu").key("parts").partNumber(3)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartNumber");
                });
    }

    @Test
    void withChecksumAlgorithm_partsAreVerified_andObjectGetsCompositeChecksum() {
        String id = f.s3.createMultipartUpload(b -> b.bucket("mpu").key("c").checksumAlgorithm(ChecksumAlgorithm.CRC32))
                .uploadId();
        byte[] p1 = filled(MB5, 3);
        UploadPartResponse r1 = f.s3.uploadPart(b -> b.bucket("mpu").key("c").uploadId(id).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(p1));
        assertThat(r1.checksumCRC32()).isEqualTo(Checksums.compute("CRC32", p1));
        CompleteMultipartUploadResponse c = f.s3.completeMultipartUpload(b -> b.bucket("mpu").key("c").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(r1.eTag())
                        .checksumCRC32(r1.checksumCRC32()).build())));
        assertThat(c.checksumCRC32()).endsWith("-1");
    }

    @Test
    void smallNonLastPart_failsWithEntityTooSmall() {
        String id = create("small");
        UploadPartResponse r1 = part("small", id, 1, filled(100, 1));
        UploadPartResponse r2 = part("small", id, 2, filled(100, 2));
        assertThatThrownBy(() -> f.s3.completeMultipartUpload(b -> b.bucket("mpu").key("small").uploadId(id)
                .multipartUpload(m -> m.parts(done(1, r1), done(2, r2)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Your proposed upload is smaller than the minimum allowed size");
                });
    }

    @Test
    void wrongETag_failsWithInvalidPart_andWrongOrderWithInvalidPartOrder() {
        String id = create("bad");
        UploadPartResponse r1 = part("bad", id, 1, filled(MB5, 1));
        UploadPartResponse r2 = part("bad", id, 2, filled(10, 2));
        assertThatThrownBy(() -> f.s3.completeMultipartUpload(b -> b.bucket("mpu").key("bad").uploadId(id)
                .multipartUpload(m -> m.parts(done(1, r1), CompletedPart.builder().partNumber(2).eTag("\"00\"").build()))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
        assertThatThrownBy(() -> f.s3.completeMultipartUpload(b -> b.bucket("mpu").key("bad").uploadId(id)
                .multipartUpload(m -> m.parts(done(2, r2), done(1, r1)))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder"));
    }

    @Test
    void abortedUpload_isGone_withNoSuchUpload() {
        String id = create("gone");
        part("gone", id, 1, filled(10, 1));
        f.s3.abortMultipartUpload(b -> b.bucket("mpu").key("gone").uploadId(id));
        assertThatThrownBy(() -> part("gone", id, 2, filled(10, 1)))
                .isInstanceOfSatisfying(NoSuchUploadException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("The specified upload does not exist.");
                });
        assertThat(f.s3.listMultipartUploads(b -> b.bucket("mpu")).uploads()).isEmpty();
    }

    @Test
    void deleteBucket_withUploadInProgressOnly_succeedsAndDiscardsTheUpload() {
        // Observed on S3 (ceph/ceph#15630 review, 2017; scality/cloudserver#1591): in-progress uploads do not block DeleteBucket.
        String id = create("pending");
        part("pending", id, 1, filled(10, 1));
        assertThat(f.s3.listMultipartUploads(b -> b.bucket("mpu")).uploads()).extracting(u -> u.uploadId()).containsExactly(id);
        f.s3.deleteBucket(b -> b.bucket("mpu"));
        f.s3.createBucket(b -> b.bucket("mpu"));
        assertThat(f.s3.listMultipartUploads(b -> b.bucket("mpu")).uploads()).isEmpty();
    }

    @Test
    void emptyBucket_abortsUploadsAndDeletesObjects() {
        create("pending");
        f.s3.putObject(b -> b.bucket("mpu").key("k"), RequestBody.fromString("v"));
        assertThat(f.service.emptyBucket("mpu")).isEqualTo(1);
        assertThat(f.s3.listMultipartUploads(b -> b.bucket("mpu")).uploads()).isEmpty();
        f.s3.deleteBucket(b -> b.bucket("mpu"));
    }
}
