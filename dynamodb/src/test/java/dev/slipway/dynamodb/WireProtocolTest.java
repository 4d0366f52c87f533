package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The JSON 1.0 codec seen from raw HTTP: what the SDK never sends but other clients might. */
class WireProtocolTest extends ServerFixture {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownAction_isUnknownOperationException() throws Exception {
        HttpResponse<String> r = post("DynamoDB_20120810.FlyToTheMoon", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
    }

    @Test
    void malformedJson_isSerializationException() throws Exception {
        HttpResponse<String> r = post("DynamoDB_20120810.ListTables", "{not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    @Test
    void wrongMemberType_isSerializationException() throws Exception {
        HttpResponse<String> r = post("DynamoDB_20120810.DescribeTable", "{\"TableName\":true}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\","
                + "\"message\":\"class java.lang.Boolean can not be converted to an String\"}");
    }

    @Test
    void missingTableName_isValidationExceptionWithDynamoDbsWording() throws Exception {
        HttpResponse<String> r = post("DynamoDB_20120810.DescribeTable", "{}");
        assertThat(r.body()).isEqualTo("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":"
                + "\"1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null\"}");
    }

    @Test
    void everyAnswer_carriesCrc32OfItsBody() throws Exception {
        HttpResponse<String> r = post("DynamoDB_20120810.ListTables", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        CRC32 crc = new CRC32();
        crc.update(r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    }

    @Test
    void notImplementedAction_answersWithAnErrorNamingIt() throws Exception {
        HttpResponse<String> r = post("DynamoDB_20120810.CreateBackup", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("CreateBackup");
    }
}
