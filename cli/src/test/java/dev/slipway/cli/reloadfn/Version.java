package dev.slipway.cli.reloadfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Answers with the code version packaged next to it (version.txt), so a test can see a hot reload. */
public class Version implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (InputStream in = Version.class.getResourceAsStream("/version.txt")) {
            String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Map.of("statusCode", 200, "body", version);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
