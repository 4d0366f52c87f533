package dev.slipway.lambda.worker;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Opt-in ({@code -Dslipway.lambda.javaTransport=true}): the runtime client's {@code NativeClient}
 * (its curl-based JNI transport for {@code /next} and {@code /response}) in plain Java, so that
 * everything else stays Amazon's {@code AWSLambda.main}: its loop, handler loading, serialisation,
 * logging and error reporting. Slipway renames this class to
 * {@code com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient} when it unpacks it
 * (RuntimeClient) and puts it before the client's jar, so it shadows the JNI one. The same four
 * static methods as in RIC 2.10.1; re-check them on every upgrade. One class file: no nested classes,
 * no lambdas.
 *
 * <p>Why: in a warm worker curl is ~30 % of the CPU per invocation and sends each response in two
 * segments; a single keep-alive socket with one write per request costs about a third of the worker
 * CPU per call (benchmarks/results/lambda.md, "third session — worker").
 */
final class NativeClientShim {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static String api;
    private static String host;
    private static int port;
    private static Socket socket;
    private static InputStream in;
    private static OutputStream out;
    private static final Map<String, String> HEADERS = new HashMap<>();

    private NativeClientShim() {}

    static void init(String awsLambdaRuntimeApi) {
        initializeClient(new byte[0], awsLambdaRuntimeApi.getBytes(StandardCharsets.UTF_8));
    }

    static void initializeClient(byte[] userAgent, byte[] awsLambdaRuntimeApi) {
        api = new String(awsLambdaRuntimeApi, StandardCharsets.UTF_8);
        int colon = api.lastIndexOf(':');
        host = api.substring(0, colon);
        port = Integer.parseInt(api.substring(colon + 1));
    }

    static InvocationRequest next() {
        try {
            byte[] body = exchange("GET", "invocation/next", null);
            if (status != 200) {
                throw new IllegalStateException("Runtime API /next answered " + status);
            }
            InvocationRequest r = new InvocationRequest();
            r.setId(HEADERS.get("lambda-runtime-aws-request-id"));
            String deadline = HEADERS.get("lambda-runtime-deadline-ms");
            r.setDeadlineTimeInMs(deadline == null ? 0 : Long.parseLong(deadline));
            r.setInvokedFunctionArn(HEADERS.get("lambda-runtime-invoked-function-arn"));
            r.setXrayTraceId(HEADERS.get("lambda-runtime-trace-id"));
            r.setClientContext(HEADERS.get("lambda-runtime-client-context"));
            r.setCognitoIdentity(HEADERS.get("lambda-runtime-cognito-identity"));
            r.setTenantId(HEADERS.get("lambda-runtime-aws-tenant-id"));
            r.setContent(body);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the native client: a status other than 2xx throws, and AWSLambda then reports an error for the invocation. */
    static void postInvocationResponse(byte[] requestId, byte[] response) {
        try {
            exchange("POST", "invocation/" + new String(requestId, StandardCharsets.UTF_8) + "/response", response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("Failed to post invocation response: the Runtime API answered " + status);
        }
    }

    private static int status;

    /** One request in one write; its response read by Content-Length. Sets {@link #status} and the headers. */
    private static byte[] exchange(String method, String path, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(PREFIX).append(path)
                .append(" HTTP/1.1\r\nHost: ").append(api).append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = body == null ? h : Arrays.copyOf(h, h.length + body.length);
        if (body != null) {
            System.arraycopy(body, 0, request, h.length, body.length);
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("Runtime API answered " + statusLine);
        }
        status = Integer.parseInt(statusLine.substring(9, 12));
        HEADERS.clear();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                HEADERS.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        String length = HEADERS.get("content-length");
        byte[] responseBody = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        if (length != null && responseBody.length < Integer.parseInt(length)) {
            throw new IOException("Runtime API closed the connection");
        }
        if ("close".equalsIgnoreCase(HEADERS.get("connection"))) {
            socket.close();
            socket = null;
        }
        return responseBody;
    }

    private static String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Runtime API closed the connection");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
