package dev.slipway.benchmarks.lambda.fn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A POJO handler (Amazon's serialiser on both sides): {"name":"x"} → {"greeting":"Hello, x"}. */
public class GreetHandler implements RequestHandler<Map<String, String>, Map<String, String>> {
    @Override
    public Map<String, String> handleRequest(Map<String, String> input, Context context) {
        return Map.of("greeting", "Hello, " + input.get("name"));
    }
}
