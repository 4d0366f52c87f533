package dev.slipway.examples.rewards.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.slipway.examples.rewards.service.AppException;
import dev.slipway.examples.rewards.service.MethodNotAllowed;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every HTTP function shares: API Gateway proxy event in, proxy response out. Subclasses only route
 * ({@link #route}); this class renders results and errors the same way everywhere:
 * JSON, CORS headers on every response (errors included, or the browser hides them from the SPA), and
 * {@code {"error", "message", "fields"?}} for failures. Nothing unexpected leaks: a bug is a 500 with a
 * generic message, and the details go to the function's log.
 */
abstract class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final Map<String, String> CORS = Map.of(
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Allow-Headers", "Content-Type",
            "Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");

    /** The response to one request; {@code body} is serialised as JSON, {@code null} means no body. */
    record Result(int status, Object body) {
        static Result ok(Object body) {
            return new Result(200, body);
        }

        static Result created(Object body) {
            return new Result(201, body);
        }
    }

    @Override
    public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        var request = new ApiRequest(event);
        try {
            if (request.method().equals("OPTIONS")) { // a preflight that reached the function
                return response(204, null, Map.of());
            }
            Result result = route(request);
            return response(result.status(), result.body() == null ? null : Json.write(result.body()), Map.of());
        } catch (AppException e) {
            Map<String, String> extra = e instanceof MethodNotAllowed m ? Map.of("Allow", m.allow()) : Map.of();
            return response(e.status(), Json.write(error(e.code(), e.getMessage(), e.fields())), extra);
        } catch (RuntimeException e) {
            if (context != null && context.getLogger() != null) {
                context.getLogger().log("ERROR " + request.method() + " " + request.path() + ": " + e + "\n");
            }
            String requestId = context == null ? "" : " (request id " + context.getAwsRequestId() + ")";
            return response(500, Json.write(error("InternalError",
                    "something went wrong on our side" + requestId + "; please try again", Map.of())), Map.of());
        }
    }

    /** Maps the request to a service call; throws {@link AppException} for what the caller got wrong. */
    abstract Result route(ApiRequest request);

    private static Map<String, Object> error(String code, String message, Map<String, String> fields) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", code);
        body.put("message", message);
        if (!fields.isEmpty()) {
            body.put("fields", fields);
        }
        return body;
    }

    private static APIGatewayProxyResponseEvent response(int status, String body, Map<String, String> extra) {
        var headers = new LinkedHashMap<>(CORS);
        if (body != null) {
            headers.put("Content-Type", "application/json; charset=utf-8");
        }
        headers.putAll(extra);
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(body);
    }
}
