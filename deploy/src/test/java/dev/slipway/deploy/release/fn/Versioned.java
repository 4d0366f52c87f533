package dev.slipway.deploy.release.fn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers the version it runs as; with {@code FAIL_EVERY_OTHER=true} every second request of a
 * worker fails, the "bad release" of the traffic-shifting tests.
 */
public class Versioned implements RequestHandler<Map<String, Object>, String> {
    private static final AtomicLong COUNT = new AtomicLong();

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        if (Boolean.parseBoolean(System.getenv("FAIL_EVERY_OTHER")) && COUNT.incrementAndGet() % 2 == 0) {
            throw new IllegalStateException("bad release: request " + COUNT.get() + " failed");
        }
        return "version " + context.getFunctionVersion();
    }
}
