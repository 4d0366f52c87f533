package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway invoke} (a real worker JVM) and {@code slipway generate-event}, through Main.run. */
class InvokeCommandTest {
    @TempDir
    static Path dir;

    static Path jar;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void packageHandler() throws Exception {
        jar = dir.resolve("hello.jar");
        TestJars.write(jar, "dev/slipway/cli/testfn", Map.of());
    }

    int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Nested
    class Invoke {
        @Test
        void printsTheResult_andExitsZero() {
            int code = run("invoke", "--code", jar.toString(), "--handler", "dev.slipway.cli.testfn.Hello",
                    "--data", "{\"name\":\"Ada\"}", "--env", "PLACE=home", "--memory", "256");
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString().trim()).isEqualTo("\"Hello, Ada from home\"");
        }

        @Test
        void withLog_printsTheFunctionsLog() throws Exception {
            Path event = dir.resolve("event.json");
            Files.writeString(event, "{\"name\":\"Bo\"}");
            int code = run("invoke", "--code", jar.toString(), "--handler", "dev.slipway.cli.testfn.Hello", "-e",
                    event.toString(), "--log", "--memory", "256");
            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString()).contains("hello log line").containsPattern("REPORT RequestId: .*Init Duration");
        }

        @Test
        void aFailingFunction_printsItsErrorAndExitsOne() throws Exception {
            int code = run("invoke", "--code", jar.toString(), "--handler", "dev.slipway.cli.testfn.Hello",
                    "--data", "{\"fail\":\"yes\"}", "--memory", "256");
            assertThat(code).isEqualTo(1);
            JsonNode error = Json.parse(out.toString());
            assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(err.toString()).contains("error: the function failed: java.lang.IllegalStateException: asked to fail");
        }

        @Test
        void missingCode_isAClearError() {
            int code = run("invoke", "--code", dir.resolve("nope.jar").toString(), "--handler", "x.Y");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("error: the code ").contains("does not exist")
                    .contains("fix: give --code a jar, a zip or a directory");
        }

        @Test
        void deprecatedRuntime_warnsAsAwsDoes() {
            int code = run("invoke", "--code", jar.toString(), "--handler", "dev.slipway.cli.testfn.Hello",
                    "--runtime", "java17", "--memory", "256");
            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString()).contains("warning: The java17 runtime was deprecated by AWS on 2026-06-30");
        }
    }

    @Nested
    class GenerateEvent {
        @Test
        void apigateway_hasTheProxyEventShape() throws Exception {
            assertThat(run("generate-event", "apigateway", "--method", "post", "--path", "/orders", "--body", "{}",
                    "--query", "page=2", "--header", "X-Trace=abc")).isZero();
            JsonNode e = Json.parse(out.toString());
            assertThat(e.get("httpMethod").asText()).isEqualTo("POST");
            assertThat(e.get("path").asText()).isEqualTo("/orders");
            assertThat(e.get("resource").asText()).isEqualTo("/{proxy+}");
            assertThat(e.get("pathParameters").get("proxy").asText()).isEqualTo("orders");
            assertThat(e.get("queryStringParameters").get("page").asText()).isEqualTo("2");
            assertThat(e.get("multiValueQueryStringParameters").get("page").get(0).asText()).isEqualTo("2");
            assertThat(e.get("headers").get("X-Trace").asText()).isEqualTo("abc");
            assertThat(e.get("requestContext").get("stage").asText()).isEqualTo("prod");
            assertThat(e.get("requestContext").get("path").asText()).isEqualTo("/prod/orders");
            assertThat(e.get("body").asText()).isEqualTo("{}");
            assertThat(e.get("isBase64Encoded").asBoolean()).isFalse();
        }

        @Test
        void httpApi_isPayloadFormat2() throws Exception {
            assertThat(run("generate-event", "http-api", "--path", "/a", "--query", "x=1")).isZero();
            JsonNode e = Json.parse(out.toString());
            assertThat(e.get("version").asText()).isEqualTo("2.0");
            assertThat(e.get("rawQueryString").asText()).isEqualTo("x=1");
            assertThat(e.get("requestContext").get("http").get("method").asText()).isEqualTo("GET");
        }

        @Test
        void sqs_carriesTheBodysMd5() throws Exception {
            assertThat(run("generate-event", "sqs", "--body", "hi")).isZero();
            JsonNode r = Json.parse(out.toString()).get("Records").get(0);
            assertThat(r.get("md5OfBody").asText()).isEqualTo("49f68a5c8493ec2c0bf489821c21fc3b");
            assertThat(r.get("eventSourceARN").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:my-queue");
        }

        @Test
        void scheduleSnsS3AndStreams_haveTheirAwsShapes() throws Exception {
            assertThat(run("generate-event", "schedule")).isZero();
            assertThat(Json.parse(out.toString()).get("detail-type").asText()).isEqualTo("Scheduled Event");
            out.getBuffer().setLength(0);
            assertThat(run("generate-event", "sns", "--message", "m")).isZero();
            assertThat(Json.parse(out.toString()).get("Records").get(0).get("Sns").get("Message").asText()).isEqualTo("m");
            out.getBuffer().setLength(0);
            assertThat(run("generate-event", "s3", "--bucket", "b", "--key", "k")).isZero();
            assertThat(Json.parse(out.toString()).get("Records").get(0).get("s3").get("object").get("key").asText())
                    .isEqualTo("k");
            out.getBuffer().setLength(0);
            assertThat(run("generate-event", "dynamodb-stream", "--event-name", "MODIFY")).isZero();
            JsonNode d = Json.parse(out.toString()).get("Records").get(0).get("dynamodb");
            assertThat(d.has("NewImage")).isTrue();
            assertThat(d.has("OldImage")).isTrue();
        }

        @Test
        void badOptions_areClearErrors() {
            assertThat(run("generate-event", "dynamodb-stream", "--event-name", "UPSERT")).isEqualTo(1);
            assertThat(err.toString()).contains("error: --event-name UPSERT is not a DynamoDB Streams event name");
        }
    }

}
