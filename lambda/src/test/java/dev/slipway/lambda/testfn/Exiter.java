package dev.slipway.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Exits the JVM with status 7 when asked ({"exit":true}), else answers "alive". */
public class Exiter implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        if (Boolean.TRUE.equals(input.get("exit"))) {
            System.exit(7);
        }
        return "alive";
    }
}
