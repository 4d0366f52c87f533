package dev.slipway.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Appends one line per attempt to the file named by ATTEMPTS_FILE, then fails: shows Event retries. */
public class Flaky implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        try {
            Files.write(Path.of(System.getenv("ATTEMPTS_FILE")),
                    (context.getAwsRequestId() + " " + input.get("id") + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        throw new IllegalStateException("attempt failed");
    }
}
