package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.protocol.AwsDefaults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Presigned URLs (what a browser or curl gets handed) work with a plain HTTP client. */
class PresignedUrlTest {
    private final S3Fixture f = new S3Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void presignedPutThenGet_withPlainHttp() throws Exception {
        f.service.createBucket("presigned");
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create(f.server.url()))
                .region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)))
                .build()) {
            URI put = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket("presigned").key("upload.txt"))).url().toURI();
            URI get = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("presigned").key("upload.txt"))).url().toURI();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> putResponse = http.send(HttpRequest.newBuilder(put)
                    .PUT(HttpRequest.BodyPublishers.ofString("from a browser")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(putResponse.statusCode()).isEqualTo(200);
            HttpResponse<String> getResponse = http.send(HttpRequest.newBuilder(get).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(getResponse.statusCode()).isEqualTo(200);
            assertThat(getResponse.body()).isEqualTo("from a browser");
        }
    }
}
