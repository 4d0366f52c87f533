package dev.slipway.logs;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** A LogsService behind a real HTTP server on a free loopback port, and an SDK v2 client for it. */
final class LogsFixture implements AutoCloseable {
    final LogsService service;
    final HttpServer server;
    final CloudWatchLogsClient logs;

    LogsFixture(LogsService service) {
        this.service = service;
        this.server = HttpServer.start("logs-test", 0, service.asCloudService().handler());
        this.logs = CloudWatchLogsClient.builder().endpointOverride(URI.create(server.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)))
                .build();
    }

    @Override
    public void close() {
        logs.close();
        server.close();
    }
}
