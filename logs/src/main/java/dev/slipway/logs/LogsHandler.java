package dev.slipway.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** CloudWatch Logs' JSON 1.1 wire layer: {@code X-Amz-Target: Logs_20140328.<Action>}, errors as {@code __type}. */
final class LogsHandler implements HttpHandler {
    static final String TARGET_PREFIX = "Logs_20140328";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Map<String, Function<Params, ObjectNode>> actions;

    LogsHandler(GroupActions groups, StreamActions streams, EventActions events) {
        this.actions = Map.ofEntries(
                Map.entry("CreateLogGroup", groups::createLogGroup),
                Map.entry("DeleteLogGroup", groups::deleteLogGroup),
                Map.entry("DescribeLogGroups", groups::describeLogGroups),
                Map.entry("PutRetentionPolicy", groups::putRetentionPolicy),
                Map.entry("DeleteRetentionPolicy", groups::deleteRetentionPolicy),
                Map.entry("TagLogGroup", groups::tagLogGroup),
                Map.entry("UntagLogGroup", groups::untagLogGroup),
                Map.entry("ListTagsLogGroup", groups::listTagsLogGroup),
                Map.entry("TagResource", groups::tagResource),
                Map.entry("UntagResource", groups::untagResource),
                Map.entry("ListTagsForResource", groups::listTagsForResource),
                Map.entry("CreateLogStream", streams::createLogStream),
                Map.entry("DeleteLogStream", streams::deleteLogStream),
                Map.entry("DescribeLogStreams", streams::describeLogStreams),
                Map.entry("PutLogEvents", events::putLogEvents),
                Map.entry("GetLogEvents", events::getLogEvents),
                Map.entry("FilterLogEvents", events::filterLogEvents));
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            return HttpResponse.status(200).header("Content-Type", CONTENT_TYPE).header("x-amzn-RequestId", requestId)
                    .body(Json.bytes(invoke(request)));
        } catch (AwsServiceException e) {
            ObjectNode error = Json.object().put("__type", e.errorCode()).put("message", e.getMessage());
            return HttpResponse.status(e.httpStatus()).header("Content-Type", CONTENT_TYPE)
                    .header("x-amzn-RequestId", requestId).body(Json.bytes(error));
        } catch (RuntimeException e) {
            ObjectNode error = Json.object().put("__type", "ServiceUnavailableException")
                    .put("message", "Internal error: " + e);
            return HttpResponse.status(500).header("Content-Type", CONTENT_TYPE)
                    .header("x-amzn-RequestId", requestId).body(Json.bytes(error));
        }
    }

    ObjectNode invoke(HttpRequest request) {
        String target = request.headers().get("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX + ".")) {
            throw LogsException.unknownOperation(String.valueOf(target));
        }
        String action = target.substring(TARGET_PREFIX.length() + 1);
        Function<Params, ObjectNode> f = actions.get(action);
        if (f == null) {
            throw LogsException.unknownOperation(action);
        }
        return invoke(action, parse(request.body()));
    }

    ObjectNode invoke(String action, JsonNode body) {
        Function<Params, ObjectNode> f = actions.get(action);
        if (f == null) {
            throw LogsException.unknownOperation(action);
        }
        return f.apply(new Params(body));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            JsonNode n = Json.parse(body);
            if (!n.isObject()) {
                throw LogsException.serialization("Start of structure or map found where not expected.");
            }
            return n;
        } catch (java.io.IOException e) {
            throw LogsException.serialization("Unable to parse the request body as JSON");
        }
    }
}
