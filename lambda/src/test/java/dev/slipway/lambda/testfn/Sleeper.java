package dev.slipway.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Sleeps {@code {"millis":N}}, then answers "slept". */
public class Sleeper implements RequestHandler<Map<String, Integer>, String> {
    @Override
    public String handleRequest(Map<String, Integer> input, Context context) {
        try {
            Thread.sleep(input.getOrDefault("millis", 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "slept";
    }
}
