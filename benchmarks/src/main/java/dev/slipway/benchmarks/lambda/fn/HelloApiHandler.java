package dev.slipway.benchmarks.lambda.fn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The trivial API Gateway proxy handler for the offline load test: reads the event, answers a fixed 200. */
public class HelloApiHandler implements RequestStreamHandler {
    private static final byte[] RESPONSE =
            "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"hello\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
        out.write(RESPONSE);
    }
}
