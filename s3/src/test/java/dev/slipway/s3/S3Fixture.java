package dev.slipway.s3;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** An S3Service behind a real HTTP server on a free loopback port, and an SDK v2 client for it. */
final class S3Fixture implements AutoCloseable {
    final S3Service service;
    final HttpServer server;
    final S3Client s3;

    S3Fixture() {
        this(S3Service.builder().build());
    }

    S3Fixture(S3Service service) {
        this.service = service;
        this.server = HttpServer.start("s3-test", 0, service.asCloudService().handler());
        this.s3 = client(server.url(), true);
    }

    static S3Client client(String endpoint, boolean pathStyle) {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)))
                .forcePathStyle(pathStyle).build();
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        s3.close();
        server.close();
    }
}
