package dev.slipway.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream handler: echoes the event's bytes; {@code {"bytes":N}} instead answers a JSON string of
 * N bytes (to exceed the response limit); {@code {"fail":"msg"}} throws.
 */
public class Echo implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        byte[] event = in.readAllBytes();
        String text = new String(event, StandardCharsets.UTF_8);
        if (text.startsWith("{\"bytes\":")) {
            int n = Integer.parseInt(text.replaceAll("[^0-9]", ""));
            out.write('"');
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int left = n - 2; left > 0; left -= chunk.length) {
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
            out.write('"');
            return;
        }
        if (text.startsWith("{\"fail\":")) {
            throw new IllegalArgumentException("order 42 rejected");
        }
        out.write(event);
    }
}
