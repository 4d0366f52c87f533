package dev.slipway.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JSON 1.1 wire for what the SDK would never send: unknown targets, bad JSON, wrong types. */
class WireTest {
    private final LogsService logs = LogsService.builder().build();
    private final HttpServer server = HttpServer.start("logs-wire", 0, logs.handler());
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        server.close();
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/"))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unimplementedAction_answersAnErrorNamingIt() throws Exception {
        HttpResponse<String> r = post("Logs_20140328.StartQuery", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"__type\":\"UnknownOperationException\"", "StartQuery");
    }

    @Test
    void malformedJson_andWrongTypes_areSerializationExceptions() throws Exception {
        assertThat(post("Logs_20140328.CreateLogGroup", "{not json").body())
                .contains("\"__type\":\"SerializationException\"");
        assertThat(post("Logs_20140328.CreateLogGroup", "{\"logGroupName\": 5}").body())
                .contains("\"__type\":\"SerializationException\"");
    }

    @Test
    void missingRequiredMember_isAValidationMessage() throws Exception {
        HttpResponse<String> r = post("Logs_20140328.CreateLogGroup", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"__type\":\"InvalidParameterException\"",
                "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
    }
}
