package dev.slipway.cli.shiftfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An API Gateway handler answering the Lambda version that ran it; with
 * {@code FAIL_EVERY_OTHER=true} every second request of a worker throws (a bad release).
 */
public class HalfBroken implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final AtomicLong COUNT = new AtomicLong();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (Boolean.parseBoolean(System.getenv("FAIL_EVERY_OTHER")) && COUNT.incrementAndGet() % 2 == 0) {
            throw new IllegalStateException("bad release");
        }
        return Map.of("statusCode", 200, "body", "version " + System.getenv("AWS_LAMBDA_FUNCTION_VERSION"));
    }
}
