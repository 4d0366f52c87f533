package dev.slipway.cli.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A handler for the CLI tests: greets, or fails when asked. */
public class Hello implements RequestHandler<Map<String, String>, String> {
    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        System.out.println("hello log line");
        if (input.containsKey("fail")) {
            throw new IllegalStateException("asked to fail");
        }
        return "Hello, " + input.getOrDefault("name", "world") + " from " + System.getenv("PLACE");
    }
}
