package dev.slipway.cli.releasefn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers with the code packaged next to it (code.txt) and the Lambda version that ran it, so a
 * test sees which release an alias sends a request to; logs the same line for event invocations.
 */
public class Answer implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (InputStream in = Answer.class.getResourceAsStream("/code.txt")) {
            String answer = "code " + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim() + " on version "
                    + System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
            System.out.println("answered " + answer + " to " + event.getOrDefault("source", "http"));
            return Map.of("statusCode", 200, "body", answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
