package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed requests get S3's 4xx XML errors, never a 500. */
class BadInputTest {
    private final S3Fixture f = new S3Fixture();

    record Case(String method, String path, Map<String, String> headers, String body, String code) {}

    @BeforeEach
    void bucket() {
        f.service.createBucket("bad-input");
        f.service.putObject("bad-input", "k", "0123456789".getBytes());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void malformedRequests_answerTheirS3Error() throws Exception {
        String id = f.service.createMultipartUpload("bad-input", "mp", "text/plain");
        List<Case> cases = List.of(
                new Case("PUT", "/bad-input", Map.of(), "<CreateBucketConfiguration><Loc", "MalformedXML"),
                new Case("PUT", "/bad-input?website", Map.of(), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                        "MalformedXML"),
                new Case("PUT", "/bad-input?website", Map.of(), "<WebsiteConfiguration/>", "InvalidArgument"),
                new Case("POST", "/bad-input?delete", Map.of(), "<Delete></Delete>", "MalformedXML"),
                new Case("GET", "/bad-input?list-type=2&max-keys=abc", Map.of(), "", "InvalidArgument"),
                new Case("GET", "/bad-input?list-type=2&max-keys=-1", Map.of(), "", "InvalidArgument"),
                new Case("GET", "/bad-input?list-type=2&encoding-type=base64", Map.of(), "", "InvalidArgument"),
                new Case("GET", "/bad-input/k?partNumber=x", Map.of(), "", "InvalidArgument"),
                new Case("GET", "/bad-input/k?partNumber=2", Map.of(), "", "InvalidPartNumber"),
                new Case("GET", "/bad-input/k?partNumber=1", Map.of("Range", "bytes=0-1"), "", "InvalidRequest"),
                new Case("GET", "/bad-input/k", Map.of("Range", "bytes=-0"), "", "InvalidRange"),
                new Case("PUT", "/bad-input/k2", Map.of("x-amz-copy-source", "nobucketnokey"), "", "InvalidArgument"),
                new Case("PUT", "/bad-input/k2", Map.of("x-amz-copy-source", "/bad-input/k",
                        "x-amz-metadata-directive", "MERGE"), "", "InvalidArgument"),
                new Case("PUT", "/bad-input/k2", Map.of("x-amz-copy-source", "/ghost-bucket/k"), "", "NoSuchBucket"),
                new Case("PUT", "/bad-input/mp?uploadId=" + id + "&partNumber=0", Map.of(), "x", "InvalidArgument"),
                new Case("PUT", "/bad-input/mp?uploadId=" + id + "&partNumber=10001", Map.of(), "x", "InvalidArgument"),
                new Case("PUT", "/bad-input/mp?uploadId=nope&partNumber=1", Map.of(), "x", "NoSuchUpload"),
                new Case("POST", "/bad-input/mp?uploadId=" + id, Map.of(), "<CompleteMultipartUpload/>", "MalformedXML"),
                new Case("POST", "/bad-input/mp?uploadId=" + id, Map.of(),
                        "<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>e</ETag></Part></CompleteMultipartUpload>",
                        "InvalidArgument"),
                new Case("POST", "/bad-input/mp?uploads", Map.of("x-amz-checksum-algorithm", "MD4"), "", "InvalidRequest"),
                new Case("PUT", "/bad-input/k3", Map.of("x-amz-checksum-sha256", "!!"), "x", "InvalidRequest"),
                new Case("PUT", "/bad-input/k3", Map.of("x-amz-content-sha256", "0".repeat(64)), "x",
                        "XAmzContentSHA256Mismatch"),
                new Case("PUT", "/bad-input/k3", Map.of("Content-Encoding", "aws-chunked",
                        "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"), "zz\r\nabc", "InvalidRequest"),
                new Case("PUT", "/bad-input/" + "x".repeat(1025), Map.of(), "x", "KeyTooLongError"),
                new Case("PUT", "/bad-input/k3", Map.of("x-amz-meta-big", "v".repeat(3000)), "x", "MetadataTooLarge"),
                new Case("PUT", "/bad-input?policy", Map.of(), "{\"Version\":\"2012-10-17\"}", "MalformedPolicy"),
                new Case("PATCH", "/bad-input/k", Map.of(), "", "MethodNotAllowed"),
                new Case("GET", "/bad-input/k?torrent", Map.of(), "", "NotImplemented"));
        for (Case c : cases) {
            Map<String, String> headers = new java.util.LinkedHashMap<>(c.headers());
            RawHttp.Response r = RawHttp.send(f.port(), c.method(), c.path(), headers,
                    c.body().getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(c.method() + " " + c.path() + " " + r.text()).isBetween(400, 501).isNotEqualTo(500);
            assertThat(r.text()).as(c.method() + " " + c.path()).contains("<Code>" + c.code() + "</Code>");
        }
        assertThat(f.service.headObject("bad-input", "k3")).as("nothing half-written").isEmpty();
    }
}
