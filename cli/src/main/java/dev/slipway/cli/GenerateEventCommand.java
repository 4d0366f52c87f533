package dev.slipway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway generate-event TYPE [options]}: prints an event with the shape AWS sends to a
 * Lambda function (the same shapes as AWS's documentation and SAM's event templates), to feed
 * {@code slipway invoke -e}.
 */
@Command(name = "generate-event", mixinStandardHelpOptions = true,
        description = "Print a sample event as AWS sends it to Lambda, for 'slipway invoke -e'.",
        subcommands = {
            GenerateEventCommand.ApiGateway.class, GenerateEventCommand.HttpApi.class,
            GenerateEventCommand.Schedule.class, GenerateEventCommand.Sqs.class, GenerateEventCommand.Sns.class,
            GenerateEventCommand.S3.class, GenerateEventCommand.DynamoDbStream.class,
        })
public final class GenerateEventCommand implements Runnable {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every event shares. */
    static final class Common {
        @Option(names = "--region", defaultValue = "us-east-1", description = "Default: ${DEFAULT-VALUE}.")
        String region;

        @Option(names = "--account", defaultValue = "000000000000", description = "Default: ${DEFAULT-VALUE}.")
        String account;

        @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
        boolean stacktrace;
    }

    abstract static class Generator implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        abstract ObjectNode event();

        @Override
        public Integer call() throws JsonProcessingException {
            spec.commandLine().getOut().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event()));
            return 0;
        }
    }

    @Command(name = "apigateway", mixinStandardHelpOptions = true,
            description = "An API Gateway REST API (v1) proxy integration event.")
    static final class ApiGateway extends Generator {
        @Option(names = "--method", defaultValue = "GET")
        String method;

        @Option(names = "--path", defaultValue = "/hello")
        String path;

        @Option(names = "--resource", description = "The resource path template (default: /{proxy+}).")
        String resource;

        @Option(names = "--body", description = "The request body.")
        String body;

        @Option(names = "--query", paramLabel = "K=V", description = "A query string parameter (repeatable).")
        List<String> query = new ArrayList<>();

        @Option(names = "--header", paramLabel = "K=V", description = "A header (repeatable).")
        List<String> header = new ArrayList<>();

        @Option(names = "--stage", defaultValue = "prod")
        String stage;

        @Override
        ObjectNode event() {
            Instant now = Instant.now();
            String res = resource == null ? "/{proxy+}" : resource;
            ObjectNode e = Json.object();
            e.put("body", body);
            e.put("resource", res);
            e.put("path", path);
            e.put("httpMethod", method.toUpperCase(Locale.ROOT));
            e.put("isBase64Encoded", false);
            Map<String, String> q = pairs(query, "--query");
            putSingleAndMulti(e, "queryStringParameters", "multiValueQueryStringParameters", q);
            if (res.equals("/{proxy+}")) {
                e.putObject("pathParameters").put("proxy", path.startsWith("/") ? path.substring(1) : path);
            } else {
                e.putNull("pathParameters");
            }
            e.putNull("stageVariables");
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Accept", "*/*");
            h.put("Host", "1234567890.execute-api." + common.region + ".amazonaws.com");
            h.put("User-Agent", "slipway");
            h.put("X-Forwarded-For", "127.0.0.1");
            h.put("X-Forwarded-Port", "443");
            h.put("X-Forwarded-Proto", "https");
            h.putAll(pairs(header, "--header"));
            putSingleAndMulti(e, "headers", "multiValueHeaders", h);
            ObjectNode ctx = e.putObject("requestContext");
            ctx.put("accountId", common.account);
            ctx.put("resourceId", "123456");
            ctx.put("stage", stage);
            ctx.put("requestId", UUID.randomUUID().toString());
            ctx.put("requestTime", REQUEST_TIME.format(now));
            ctx.put("requestTimeEpoch", now.toEpochMilli());
            ObjectNode identity = ctx.putObject("identity");
            for (String k : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "accessKey")) {
                identity.putNull(k);
            }
            identity.put("sourceIp", "127.0.0.1");
            for (String k : List.of("cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn")) {
                identity.putNull(k);
            }
            identity.put("userAgent", "slipway");
            identity.putNull("user");
            ctx.put("path", "/" + stage + path);
            ctx.put("resourcePath", res);
            ctx.put("httpMethod", method.toUpperCase(Locale.ROOT));
            ctx.put("apiId", "1234567890");
            ctx.put("protocol", "HTTP/1.1");
            ctx.put("domainName", "1234567890.execute-api." + common.region + ".amazonaws.com");
            return e;
        }
    }

    @Command(name = "http-api", mixinStandardHelpOptions = true,
            description = "An API Gateway HTTP API (payload format 2.0) event.")
    static final class HttpApi extends Generator {
        @Option(names = "--method", defaultValue = "GET")
        String method;

        @Option(names = "--path", defaultValue = "/hello")
        String path;

        @Option(names = "--route-key", description = "Default: $default.")
        String routeKey;

        @Option(names = "--body")
        String body;

        @Option(names = "--query", paramLabel = "K=V", description = "A query string parameter (repeatable).")
        List<String> query = new ArrayList<>();

        @Option(names = "--header", paramLabel = "K=V", description = "A header (repeatable).")
        List<String> header = new ArrayList<>();

        @Override
        ObjectNode event() {
            Instant now = Instant.now();
            String route = routeKey == null ? "$default" : routeKey;
            Map<String, String> q = pairs(query, "--query");
            ObjectNode e = Json.object();
            e.put("version", "2.0");
            e.put("routeKey", route);
            e.put("rawPath", path);
            List<String> raw = new ArrayList<>();
            q.forEach((k, v) -> raw.add(k + "=" + v));
            e.put("rawQueryString", String.join("&", raw));
            ObjectNode headers = e.putObject("headers");
            headers.put("accept", "*/*");
            headers.put("content-length", Integer.toString(body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length));
            headers.put("host", "1234567890.execute-api." + common.region + ".amazonaws.com");
            headers.put("user-agent", "slipway");
            headers.put("x-forwarded-for", "127.0.0.1");
            headers.put("x-forwarded-port", "443");
            headers.put("x-forwarded-proto", "https");
            pairs(header, "--header").forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            if (!q.isEmpty()) {
                ObjectNode qs = e.putObject("queryStringParameters");
                q.forEach(qs::put);
            }
            ObjectNode ctx = e.putObject("requestContext");
            ctx.put("accountId", common.account);
            ctx.put("apiId", "1234567890");
            ctx.put("domainName", "1234567890.execute-api." + common.region + ".amazonaws.com");
            ctx.put("domainPrefix", "1234567890");
            ObjectNode http = ctx.putObject("http");
            http.put("method", method.toUpperCase(Locale.ROOT));
            http.put("path", path);
            http.put("protocol", "HTTP/1.1");
            http.put("sourceIp", "127.0.0.1");
            http.put("userAgent", "slipway");
            ctx.put("requestId", UUID.randomUUID().toString());
            ctx.put("routeKey", route);
            ctx.put("stage", "$default");
            ctx.put("time", REQUEST_TIME.format(now));
            ctx.put("timeEpoch", now.toEpochMilli());
            if (body != null) {
                e.put("body", body);
            }
            e.put("isBase64Encoded", false);
            return e;
        }
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true,
            description = "An EventBridge scheduled event (rate or cron rule).")
    static final class Schedule extends Generator {
        @Option(names = "--rule", defaultValue = "my-schedule", description = "The rule's name.")
        String rule;

        @Override
        ObjectNode event() {
            ObjectNode e = Json.object();
            e.put("version", "0");
            e.put("id", UUID.randomUUID().toString());
            e.put("detail-type", "Scheduled Event");
            e.put("source", "aws.events");
            e.put("account", common.account);
            e.put("time", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            e.put("region", common.region);
            e.putArray("resources").add("arn:aws:events:" + common.region + ":" + common.account + ":rule/" + rule);
            e.putObject("detail");
            return e;
        }
    }

    @Command(name = "sqs", mixinStandardHelpOptions = true, description = "An SQS event with one message.")
    static final class Sqs extends Generator {
        @Option(names = "--body", defaultValue = "Hello from SQS!")
        String body;

        @Option(names = "--queue", defaultValue = "my-queue")
        String queue;

        @Override
        ObjectNode event() {
            long now = System.currentTimeMillis();
            ObjectNode e = Json.object();
            ObjectNode r = e.putArray("Records").addObject();
            r.put("messageId", UUID.randomUUID().toString());
            r.put("receiptHandle", "AQEB" + UUID.randomUUID().toString().replace("-", ""));
            r.put("body", body);
            ObjectNode a = r.putObject("attributes");
            a.put("ApproximateReceiveCount", "1");
            a.put("SentTimestamp", Long.toString(now));
            a.put("SenderId", common.account);
            a.put("ApproximateFirstReceiveTimestamp", Long.toString(now));
            r.putObject("messageAttributes");
            r.put("md5OfBody", md5(body));
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:" + common.region + ":" + common.account + ":" + queue);
            r.put("awsRegion", common.region);
            return e;
        }
    }

    @Command(name = "sns", mixinStandardHelpOptions = true, description = "An SNS notification event.")
    static final class Sns extends Generator {
        @Option(names = "--message", defaultValue = "Hello from SNS!")
        String message;

        @Option(names = "--subject", description = "The subject (default: none).")
        String subject;

        @Option(names = "--topic", defaultValue = "my-topic")
        String topic;

        @Override
        ObjectNode event() {
            String topicArn = "arn:aws:sns:" + common.region + ":" + common.account + ":" + topic;
            ObjectNode e = Json.object();
            ObjectNode r = e.putArray("Records").addObject();
            r.put("EventSource", "aws:sns");
            r.put("EventVersion", "1.0");
            r.put("EventSubscriptionArn", topicArn + ":" + UUID.randomUUID());
            ObjectNode sns = r.putObject("Sns");
            sns.put("Type", "Notification");
            sns.put("MessageId", UUID.randomUUID().toString());
            sns.put("TopicArn", topicArn);
            sns.put("Subject", subject);
            sns.put("Message", message);
            sns.put("Timestamp", Instant.now().toString());
            sns.put("SignatureVersion", "1");
            sns.put("Signature", "EXAMPLE");
            sns.put("SigningCertUrl", "EXAMPLE");
            sns.put("UnsubscribeUrl", "EXAMPLE");
            sns.putObject("MessageAttributes");
            return e;
        }
    }

    @Command(name = "s3", mixinStandardHelpOptions = true, description = "An S3 event notification.")
    static final class S3 extends Generator {
        @Option(names = "--bucket", defaultValue = "my-bucket")
        String bucket;

        @Option(names = "--key", defaultValue = "my-key.txt")
        String key;

        @Option(names = "--size", defaultValue = "1024")
        long size;

        @Option(names = "--event-name", defaultValue = "ObjectCreated:Put",
                description = "E.g. ObjectCreated:Put, ObjectRemoved:Delete (default: ${DEFAULT-VALUE}).")
        String eventName;

        @Override
        ObjectNode event() {
            ObjectNode e = Json.object();
            ObjectNode r = e.putArray("Records").addObject();
            r.put("eventVersion", "2.1");
            r.put("eventSource", "aws:s3");
            r.put("awsRegion", common.region);
            r.put("eventTime", Instant.now().toString());
            r.put("eventName", eventName);
            r.putObject("userIdentity").put("principalId", "EXAMPLE");
            r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
            ObjectNode response = r.putObject("responseElements");
            response.put("x-amz-request-id", "EXAMPLE123456789");
            response.put("x-amz-id-2", "EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH");
            ObjectNode s3 = r.putObject("s3");
            s3.put("s3SchemaVersion", "1.0");
            s3.put("configurationId", "testConfigRule");
            ObjectNode b = s3.putObject("bucket");
            b.put("name", bucket);
            b.putObject("ownerIdentity").put("principalId", "EXAMPLE");
            b.put("arn", "arn:aws:s3:::" + bucket);
            ObjectNode o = s3.putObject("object");
            o.put("key", key);
            o.put("size", size);
            o.put("eTag", "0123456789abcdef0123456789abcdef");
            o.put("sequencer", "0A1B2C3D4E5F678901");
            return e;
        }
    }

    @Command(name = "dynamodb-stream", mixinStandardHelpOptions = true,
            description = "A DynamoDB Streams event with one record.")
    static final class DynamoDbStream extends Generator {
        @Option(names = "--table", defaultValue = "my-table")
        String table;

        @Option(names = "--event-name", defaultValue = "INSERT", description = "INSERT, MODIFY or REMOVE.")
        String eventName;

        @Option(names = "--keys", defaultValue = "{\"Id\":{\"N\":\"101\"}}", description = "The item's key, as DynamoDB JSON.")
        String keys;

        @Option(names = "--new-image", description = "The new item, as DynamoDB JSON (default: the keys plus a Message).")
        String newImage;

        @Option(names = "--old-image", description = "The old item, as DynamoDB JSON (MODIFY, REMOVE).")
        String oldImage;

        @Override
        ObjectNode event() {
            if (!List.of("INSERT", "MODIFY", "REMOVE").contains(eventName)) {
                throw new UserError("--event-name " + eventName + " is not a DynamoDB Streams event name",
                        "use INSERT, MODIFY or REMOVE");
            }
            ObjectNode keyNode = (ObjectNode) parse(keys, "--keys");
            ObjectNode e = Json.object();
            ObjectNode r = e.putArray("Records").addObject();
            r.put("eventID", UUID.randomUUID().toString().replace("-", ""));
            r.put("eventName", eventName);
            r.put("eventVersion", "1.1");
            r.put("eventSource", "aws:dynamodb");
            r.put("awsRegion", common.region);
            ObjectNode d = r.putObject("dynamodb");
            d.put("ApproximateCreationDateTime", Instant.now().getEpochSecond());
            d.set("Keys", keyNode);
            if (!eventName.equals("REMOVE")) {
                ObjectNode image = newImage != null ? (ObjectNode) parse(newImage, "--new-image") : keyNode.deepCopy();
                if (newImage == null) {
                    image.putObject("Message").put("S", "New item!");
                }
                d.set("NewImage", image);
            }
            if (!eventName.equals("INSERT")) {
                d.set("OldImage", oldImage != null ? parse(oldImage, "--old-image") : keyNode.deepCopy());
            }
            d.put("SequenceNumber", "111");
            d.put("SizeBytes", 26);
            d.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            r.put("eventSourceARN", "arn:aws:dynamodb:" + common.region + ":" + common.account + ":table/" + table
                    + "/stream/2026-01-01T00:00:00.000");
            return e;
        }
    }

    static JsonNode parse(String json, String option) {
        try {
            JsonNode node = Json.parse(json);
            if (!node.isObject()) {
                throw new UserError(option + " must be a JSON object", "e.g. " + option + " '{\"Id\":{\"N\":\"1\"}}'");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new UserError(option + " is not JSON: " + e.getMessage(), "quote it for your shell: " + option + " '{...}'");
        }
    }

    static Map<String, String> pairs(List<String> values, String option) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : values) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserError(option + " " + kv + " is not NAME=VALUE", "write it as " + option + " name=value");
            }
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    private static void putSingleAndMulti(ObjectNode e, String single, String multi, Map<String, String> values) {
        if (values.isEmpty()) {
            e.putNull(single);
            e.putNull(multi);
            return;
        }
        ObjectNode s = e.putObject(single);
        ObjectNode m = e.putObject(multi);
        values.forEach((k, v) -> {
            s.put(k, v);
            ArrayNode a = m.putArray(k);
            a.add(v);
        });
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
