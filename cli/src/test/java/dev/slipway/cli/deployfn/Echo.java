package dev.slipway.cli.deployfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** An API Gateway proxy handler for the deploy tests: echoes the path and a variable from serverless.yml. */
public class Echo implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        System.out.println("echoing " + event.get("path"));
        String body = "{\"path\":\"" + event.get("path") + "\",\"greeting\":\"" + System.getenv("GREETING") + "\"}";
        return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"), "body", body);
    }
}
