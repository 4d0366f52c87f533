package dev.slipway.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Its static initialiser throws, as a handler missing its configuration would. */
public class BrokenInit implements RequestHandler<Map<String, Object>, String> {
    static {
        if (System.getenv("DB_URL") == null) {
            throw new IllegalStateException("missing config DB_URL");
        }
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "never";
    }
}
