package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The SDK's own upload paths as the deployer uses them: what they put on the wire, and that it lands intact. */
class SdkTransfersTest {
    private final S3Service service = S3Service.builder().build();
    private final List<String> wire = new CopyOnWriteArrayList<>();
    private final HttpServer server = HttpServer.start("s3-wire", 0, recording(service.handler()));
    @TempDir
    Path tmp;

    private HttpHandler recording(HttpHandler inner) {
        return request -> {
            if (request.method().equals("PUT")) {
                wire.add(request.headers().get("x-amz-content-sha256") + " " + request.headers().get("Content-Encoding"));
            }
            return inner.handle(request);
        };
    }

    @AfterEach
    void close() {
        server.close();
    }

    private static byte[] data(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i % 253);
        }
        return b;
    }

    @Test
    void syncClient_streamingUpload_isDecodedFromAwsChunked() throws Exception {
        service.createBucket("sync-bucket");
        try (S3Client s3 = S3Fixture.client(server.url(), true)) {
            Path file = Files.write(tmp.resolve("f.bin"), data(300_000));
            s3.putObject(b -> b.bucket("sync-bucket").key("f.bin"), RequestBody.fromFile(file));
            assertThat(Checksums.md5Hex(service.getObject("sync-bucket", "f.bin")))
                    .isEqualTo(Checksums.md5Hex(Files.readAllBytes(file)));
        }
        // Over plain HTTP the SDK signs each chunk and sends the CRC32 as a trailer.
        assertThat(wire).anyMatch(w -> w.startsWith("STREAMING-") && w.contains("aws-chunked"));
    }

    @Test
    void asyncMultipartClient_uploadsAndDownloadsLargeObjects() throws Exception {
        service.createBucket("async-bucket");
        byte[] big = data(12 * 1024 * 1024);
        try (S3AsyncClient s3 = S3AsyncClient.builder().endpointOverride(URI.create(server.url()))
                .region(Region.US_EAST_1).forcePathStyle(true).multipartEnabled(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)))
                .build()) {
            s3.putObject(b -> b.bucket("async-bucket").key("big.zip"), AsyncRequestBody.fromBytes(big)).join();
            assertThat(service.headObject("async-bucket", "big.zip").orElseThrow().eTag()).endsWith("-2\"");
            byte[] back = s3.getObject(b -> b.bucket("async-bucket").key("big.zip"), AsyncResponseTransformer.toBytes())
                    .join().asByteArray();
            // The multipart client downloads part by part (GetObject ?partNumber=N).
            assertThat(Checksums.md5Hex(back)).isEqualTo(Checksums.md5Hex(big));
        }
        assertThat(Checksums.md5Hex(service.getObject("async-bucket", "big.zip"))).isEqualTo(Checksums.md5Hex(big));
    }
}
