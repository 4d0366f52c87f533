package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** aws-chunked uploads as the SDKs send them, built by hand so each framing is exercised. */
class AwsChunkedTest {
    private final S3Fixture f = new S3Fixture();
    private final byte[] data = "The quick brown fox jumps over the lazy dog, twice over.".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("chunks"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static byte[] chunked(byte[] data, int chunkSize, boolean signed, String trailer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String sig = ";chunk-signature=" + "0".repeat(64);
        for (int pos = 0; pos < data.length; pos += chunkSize) {
            int n = Math.min(chunkSize, data.length - pos);
            out.writeBytes((Integer.toHexString(n) + (signed ? sig : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, pos, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("0" + (signed ? sig : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        if (trailer != null) {
            out.writeBytes((trailer + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (signed) {
                out.writeBytes(("x-amz-trailer-signature:" + "1".repeat(64) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private RawHttp.Response upload(String key, byte[] body, String sha256Mode, String trailerHeader) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Encoding", "aws-chunked");
        h.put("x-amz-content-sha256", sha256Mode);
        h.put("x-amz-decoded-content-length", Integer.toString(data.length));
        h.put("Content-Type", "text/plain");
        if (trailerHeader != null) {
            h.put("x-amz-trailer", trailerHeader);
        }
        return RawHttp.send(f.port(), "PUT", "/chunks/" + key, h, body);
    }

    private String stored(String key) {
        return f.s3.getObjectAsBytes(b -> b.bucket("chunks").key(key)).asUtf8String();
    }

    @Test
    void unsignedPayloadWithTrailingChecksum_isDecodedAndVerified() throws Exception {
        String crc = Checksums.compute("CRC32", data);
        RawHttp.Response r = upload("u", chunked(data, 16, false, "x-amz-checksum-crc32:" + crc),
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-checksum-crc32");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("x-amz-checksum-crc32")).isEqualTo(crc);
        assertThat(stored("u")).isEqualTo(new String(data, StandardCharsets.UTF_8));
        // The stored Content-Encoding no longer says aws-chunked.
        assertThat(f.s3.headObject(b -> b.bucket("chunks").key("u")).contentEncoding()).isNull();
    }

    @Test
    void signedPayload_isDecoded() throws Exception {
        RawHttp.Response r = upload("s", chunked(data, 20, true, null), "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(stored("s")).isEqualTo(new String(data, StandardCharsets.UTF_8));
        assertThat(r.header("ETag")).isEqualTo("\"" + Checksums.md5Hex(data) + "\"");
    }

    @Test
    void signedPayloadWithSignedTrailer_isDecodedAndVerified() throws Exception {
        String sha = Checksums.compute("SHA256", data);
        RawHttp.Response r = upload("st", chunked(data, 7, true, "x-amz-checksum-sha256:" + sha),
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "x-amz-checksum-sha256");
        assertThat(r.status()).isEqualTo(200);
        assertThat(stored("st")).isEqualTo(new String(data, StandardCharsets.UTF_8));
    }

    @Test
    void trailingChecksumMismatch_failsWithBadDigest_andStoresNothing() throws Exception {
        String wrong = Checksums.compute("CRC32", "other".getBytes());
        RawHttp.Response r = upload("bad", chunked(data, 16, false, "x-amz-checksum-crc32:" + wrong),
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-checksum-crc32");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("<Code>BadDigest</Code>");
        assertThat(f.s3.listObjectsV2(b -> b.bucket("chunks")).contents()).isEmpty();
    }

    @Test
    void truncatedBody_failsWithIncompleteBody() throws Exception {
        byte[] body = chunked(data, 16, false, null);
        byte[] cut = java.util.Arrays.copyOf(body, 30);
        RawHttp.Response r = upload("cut", cut, "STREAMING-UNSIGNED-PAYLOAD-TRAILER", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("<Code>IncompleteBody</Code>");
    }

    @Test
    void emptyObject_inAwsChunked_isStored() throws Exception {
        Map<String, String> h = Map.of("Content-Encoding", "aws-chunked", "x-amz-content-sha256",
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-decoded-content-length", "0");
        RawHttp.Response r = RawHttp.send(f.port(), "PUT", "/chunks/empty", h,
                chunked(new byte[0], 16, false, null));
        assertThat(r.status()).isEqualTo(200);
        assertThat(stored("empty")).isEmpty();
    }
}
