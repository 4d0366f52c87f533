package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.cloud.LocalCloud;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads to the local cloud carry an unsigned payload (no SHA-256 of the artifact in the CLI),
 * with a CRC32 the local S3 checks; uploads to AWS (here: any --target aws endpoint over plain
 * HTTP) keep the SDK's payload signing.
 */
class TargetS3SigningTest {
    private HttpServer recorder;
    private final Map<String, String> headers = new ConcurrentHashMap<>();

    @BeforeEach
    void startRecorder() throws Exception {
        recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recorder.createContext("/", exchange -> {
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("ETag", "\"x\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        recorder.start();
    }

    @AfterEach
    void stopRecorder() {
        recorder.stop(0);
    }

    private URI recorderUri() {
        return URI.create("http://127.0.0.1:" + recorder.getAddress().getPort());
    }

    @Test
    void localTarget_putObject_sendsAnUnsignedPayloadWithAChecksum() {
        try (S3Client s3 = Target.local(recorderUri()).s3()) {
            s3.putObject(b -> b.bucket("bkt").key("k"), RequestBody.fromBytes(new byte[300_000]));
        }
        assertThat(headers.get("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");
        assertThat(headers.get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=").contains("SignedHeaders=")
                .contains("host");
        assertThat(headers.keySet()).anyMatch(h -> h.startsWith("x-amz-checksum-") || h.equals("x-amz-trailer"));
    }

    @Test
    void awsTargetOverHttp_putObject_keepsThePayloadSigned() {
        Target aws = new Target(Target.Kind.AWS, Optional.of(recorderUri()), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
        try (S3Client s3 = aws.s3()) {
            s3.putObject(b -> b.bucket("bkt").key("k"), RequestBody.fromBytes(new byte[300_000]));
        }
        assertThat(headers.get("x-amz-content-sha256")).doesNotContain("UNSIGNED");
    }

    @Test
    void localCloud_storesTheUnsignedUploadByteForByte() {
        byte[] data = new byte[1_000_000];
        new java.util.Random(7).nextBytes(data);
        try (LocalCloud cloud = LocalCloud.builder().port(0).start();
                S3Client s3 = Target.local(URI.create(cloud.url())).s3()) {
            s3.createBucket(b -> b.bucket("artifacts"));
            s3.putObject(b -> b.bucket("artifacts").key("a.jar"), RequestBody.fromBytes(data));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("artifacts").key("a.jar")).asByteArray()).isEqualTo(data);
        }
    }
}
