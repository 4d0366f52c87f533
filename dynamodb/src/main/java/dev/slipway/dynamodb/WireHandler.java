package dev.slipway.dynamodb;

import dev.slipway.protocol.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ConditionalCheckFailedException;
import dev.slipway.dynamodb.error.DynamoDbException;
import dev.slipway.dynamodb.error.InternalServerError;
import dev.slipway.dynamodb.error.SerializationException;
import dev.slipway.dynamodb.error.TransactionCanceledException;
import dev.slipway.dynamodb.error.UnknownOperationException;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;

/**
 * The JSON 1.0 wire codec: {@code X-Amz-Target: DynamoDB_20120810.<Action>} (or
 * {@code DynamoDBStreams_20120810.<Action>}) selects the action; errors are rendered as
 * {@code {"__type": …, "message": …}} with their HTTP status; every answer carries
 * {@code x-amz-crc32} (CRC32 of the body) and {@code x-amzn-RequestId}, as DynamoDB's do.
 * A write is answered only once the storage has made it durable ({@link Storage#durable()}):
 * {@link #handleAsync} returns at once and completes after the group commit that covers it.
 */
final class WireHandler implements HttpHandler {
    static final String TARGET_PREFIX = "DynamoDB_20120810";
    static final String STREAMS_PREFIX = "DynamoDBStreams_20120810";
    private final Map<String, Action> actions;
    private final Map<String, Action> streamActions;
    private final Storage storage;

    WireHandler(Map<String, Action> actions, Map<String, Action> streamActions, Storage storage) {
        this.actions = actions;
        this.streamActions = streamActions;
        this.storage = storage;
    }

    /** Blocks until the answer may be sent (a write: until it is durable). */
    @Override
    public HttpResponse handle(HttpRequest request) {
        return handleAsync(request).join();
    }

    /** Runs the action on the calling thread; the stage completes when the answer may be sent. */
    @Override
    public CompletableFuture<HttpResponse> handleAsync(HttpRequest request) {
        HttpResponse response = answer(request);
        CompletableFuture<Void> durable = storage.durable();
        if (durable.isDone() && !durable.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(response);
        }
        return durable.handle((done, failure) -> failure == null ? response : commitFailed(failure));
    }

    private static HttpResponse commitFailed(Throwable failure) {
        System.getLogger(WireHandler.class.getName()).log(System.Logger.Level.ERROR, "the store's commit failed; the write is not acknowledged", failure);
        return error(InternalServerError.unexpected());
    }

    private HttpResponse answer(HttpRequest request) {
        try {
            Action action = action(request.header("X-Amz-Target").orElse(""));
            JsonNode input = parse(request.body());
            return respond(200, JsonCodec.write(JsonCodec.deferringItems(() -> storage.apply(() -> action.handle(input)))));
        } catch (DynamoDbException e) {
            return error(e);
        } catch (StackOverflowError e) {
            // Only a pathologically nested request can get here; answer it as the client's error.
            return error(dev.slipway.dynamodb.error.ValidationException.of("The request is nested too deeply"));
        } catch (RuntimeException e) {
            // the logger is looked up here, not at class load: java.util.logging's set-up costs start-up time
            System.getLogger(WireHandler.class.getName()).log(System.Logger.Level.ERROR, "unexpected failure in the DynamoDB engine", e);
            return error(InternalServerError.unexpected());
        }
    }

    private Action action(String target) {
        int dot = target.indexOf('.');
        Action action = null;
        if (dot > 0) {
            String prefix = target.substring(0, dot);
            String name = target.substring(dot + 1);
            if (prefix.equals(TARGET_PREFIX)) {
                action = actions.get(name);
            } else if (prefix.equals(STREAMS_PREFIX)) {
                action = streamActions.get(name);
            }
        }
        if (action == null) {
            throw UnknownOperationException.unknown();
        }
        return action;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JsonCodec.read(body);
            if (node == null || !node.isObject()) {
                throw SerializationException.malformed();
            }
            return node;
        } catch (java.io.IOException e) {
            throw SerializationException.malformed();
        }
    }

    static HttpResponse error(DynamoDbException e) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("__type", e.wireType());
        if (e.getMessage() != null) {
            body.put(e instanceof TransactionCanceledException ? "Message" : "message", e.getMessage());
        }
        if (e instanceof ConditionalCheckFailedException c && c.item().isPresent()) {
            body.set("Item", AttributeJson.encodeItem(c.item().get()));
        }
        if (e instanceof TransactionCanceledException t) {
            ArrayNode reasons = body.putArray("CancellationReasons");
            for (TransactionCanceledException.Reason r : t.reasons()) {
                ObjectNode o = reasons.addObject();
                o.put("Code", r.code());
                r.message().ifPresent(m -> o.put("Message", m));
                r.item().ifPresent(i -> o.set("Item", AttributeJson.encodeItem(i)));
            }
        }
        return respond(e.httpStatus(), JsonCodec.write(body));
    }

    private static HttpResponse respond(int status, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return HttpResponse.status(status)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("x-amzn-RequestId", RequestIds.next())
                .header("x-amz-crc32", Long.toString(crc.getValue()))
                .body(body);
    }
}
