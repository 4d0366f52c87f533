package dev.slipway.examples.rewards.repository.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client goes where the Lambda host's environment says: the local cloud gives workers
 * AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_DYNAMODB), AWS_REGION and credentials. A stub DynamoDB
 * endpoint records what arrives.
 */
class DynamoDbClientsTest {

    record Received(String target, String authorization) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"TableNames\":[\"dev-rewards-users\"]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    String stubUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void theClient_callsAwsEndpointUrl_withTheRegionAndCredentialsFromTheEnvironment() {
        var env = Map.of("AWS_ENDPOINT_URL", stubUrl(), "AWS_REGION", "eu-west-3",
                "AWS_ACCESS_KEY_ID", "AKIDLOCAL", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token");

        try (var client = DynamoDbClients.create(env)) {
            assertThat(client.listTables().tableNames()).containsExactly("dev-rewards-users");
        }

        assertThat(received).hasSize(1);
        assertThat(received.get(0).target()).isEqualTo("DynamoDB_20120810.ListTables");
        assertThat(received.get(0).authorization()).contains("Credential=AKIDLOCAL/").contains("/eu-west-3/dynamodb/");
    }

    @Test
    void theServiceSpecificVariable_winsOverAwsEndpointUrl() {
        var env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ENDPOINT_URL_DYNAMODB", stubUrl(),
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret");

        try (var client = DynamoDbClients.create(env)) {
            client.listTables();
        }

        assertThat(received).hasSize(1);
    }
}
