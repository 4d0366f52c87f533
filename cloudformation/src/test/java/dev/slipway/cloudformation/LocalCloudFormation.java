package dev.slipway.cloudformation;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.http.HttpServer;
import dev.slipway.protocol.spi.ObjectReader;
import dev.slipway.protocol.spi.ResourceProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/** The service behind an HTTP server on a free loopback port, with an SDK client pointed at it. */
final class LocalCloudFormation implements AutoCloseable {
    final CloudFormationService service;
    final HttpServer server;
    final CloudFormationClient client;

    LocalCloudFormation(List<ResourceProvider> providers) {
        this(providers, (bucket, key) -> Optional.empty(), Optional.empty());
    }

    LocalCloudFormation(List<ResourceProvider> providers, ObjectReader objects, Optional<Path> dataDir) {
        this(providers, objects, dataDir, Duration.ZERO);
    }

    LocalCloudFormation(List<ResourceProvider> providers, ObjectReader objects, Optional<Path> dataDir,
            Duration describeWait) {
        service = CloudFormationService.builder().providers(providers).objectReader(objects).dataDir(dataDir)
                .describeWait(describeWait).build();
        server = HttpServer.start("cloudformation-test", 0, service.asCloudService().handler());
        client = CloudFormationClient.builder().endpointOverride(URI.create(server.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)))
                .build();
    }

    StackDescription await(String stack) {
        return service.awaitSettled(stack, Duration.ofSeconds(30));
    }

    static String template(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/templates", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
        service.close();
    }
}
