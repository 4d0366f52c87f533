package dev.slipway.lambda;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.http.HttpServer;
import dev.slipway.protocol.spi.LogSink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A LambdaService behind an HttpServer serving its wire handler, and an AWS SDK v2 client pointed
 * at it: the public surfaces the tests drive. One per test class, so workers stay warm across tests.
 */
final class LambdaFixture implements AutoCloseable {
    final LambdaService lambda;
    final HttpServer server;
    final LambdaClient client;
    final List<String> logLines = Collections.synchronizedList(new ArrayList<>());

    LambdaFixture(Path cacheDir, Consumer<LambdaService.Builder> tune) {
        LambdaService.Builder b = LambdaService.builder()
                .cacheDir(cacheDir)
                .endpointUrl("http://127.0.0.1:4566")
                .idleTimeout(Duration.ofMinutes(5))
                .asyncRetryDelays(Duration.ZERO, Duration.ZERO)
                .logSink(logSink());
        tune.accept(b);
        this.lambda = b.build();
        this.server = HttpServer.start("lambda-test", 0, lambda.asCloudService().handler());
        this.client = LambdaClient.builder()
                .endpointOverride(URI.create(server.url()))
                .region(Region.of(AwsDefaults.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY, AwsDefaults.SESSION_TOKEN)))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
                .build();
    }

    private LogSink logSink() {
        return (group, stream, ts, message) -> {
            logLines.add(group + " " + message);
            if (Boolean.getBoolean("slipway.test.printLogs")) {
                System.err.println("[log] " + group + " " + message);
            }
        };
    }

    @Override
    public void close() {
        client.close();
        server.close();
        lambda.close();
    }
}
