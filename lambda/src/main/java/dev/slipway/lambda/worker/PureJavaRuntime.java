package dev.slipway.lambda.worker;

import com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader;
import com.amazonaws.services.lambda.runtime.api.client.HandlerInfo;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.UserFault;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.ErrorRequest;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The worker's main class where the runtime interface client's native HTTP library does not exist
 * (macOS, Windows) or when forced with {@code -Dslipway.lambda.pureJava=true}: a Runtime API loop in
 * plain Java around the client's own handler loading ({@link EventHandlerLoader}), serialisation and
 * error conversion, so handlers behave as under {@code AWSLambda}.
 *
 * <p>Started as {@code java -cp <RIC jars>:<this class> dev.slipway.lambda.worker.PureJavaRuntime HANDLER}
 * with the task root as working directory, like {@code AWSLambda}. Slipway copies only this class into
 * the worker's class path, so it must not use other Slipway classes (nor lambdas' helper classes).
 */
public final class PureJavaRuntime {
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final String api;
    private final String host;
    private final int port;

    private PureJavaRuntime(String api) {
        this.api = api;
        int colon = api.lastIndexOf(':');
        this.host = api.substring(0, colon);
        this.port = Integer.parseInt(api.substring(colon + 1));
    }

    public static void main(String[] args) throws Exception {
        String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
        if (api == null || args.length < 1) {
            System.err.println("usage: AWS_LAMBDA_RUNTIME_API=host:port PureJavaRuntime HANDLER");
            System.exit(2);
        }
        new PureJavaRuntime(api).run(args[0]);
    }

    private void run(String handlerName) throws Exception {
        ClassLoader loader = customerClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        shareCustomerClassLoader(loader);
        LambdaRequestHandler handler;
        try {
            handler = EventHandlerLoader.loadEventHandler(HandlerInfo.fromString(handlerName, loader));
        } catch (HandlerInfo.InvalidHandlerException e) {
            handler = new LambdaRequestHandler.UserFaultHandler(
                    UserFault.makeUserFault("Invalid handler: `" + handlerName + "'"));
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            handler = LambdaRequestHandler.classNotFound(e, HandlerInfo.className(handlerName));
        } catch (Throwable t) {
            // as AWSLambda: a failing constructor or static initialiser is an init error, the worker exits
            LambdaRequestHandler failed = LambdaRequestHandler.initErrorHandler(t, HandlerInfo.className(handlerName));
            UserFault fault = ((LambdaRequestHandler.UserFaultHandler) failed).fault;
            System.err.println(fault.reportableError());
            post("init/error", DtoSerializers.serialize(LambdaErrorConverter.fromUserFault(fault)),
                    "Runtime.BadFunctionCode");
            System.exit(1);
            return;
        }
        loop(handler);
    }

    private void loop(LambdaRequestHandler handler) throws IOException {
        while (true) {
            InvocationRequest request = next();
            if (request.getXrayTraceId() != null) {
                System.setProperty("com.amazonaws.xray.traceHeader", request.getXrayTraceId());
            } else {
                System.clearProperty("com.amazonaws.xray.traceHeader");
            }
            ByteArrayOutputStream result;
            try {
                result = handler.call(request);
            } catch (Throwable t) {
                boolean fatal = t instanceof VirtualMachineError;
                ErrorRequest error = t instanceof UserFault fault
                        ? LambdaErrorConverter.fromUserFault(fault)
                        : LambdaErrorConverter.fromThrowable(UserFault.filterStackTrace(t));
                String type = t instanceof UserFault ? "Runtime.BadFunctionCode" : "Runtime.UserException";
                if (!(t instanceof UserFault)) {
                    System.err.println(UserFault.trace(t));
                }
                post("invocation/" + request.getId() + "/error", DtoSerializers.serialize(error), type);
                if (fatal) {
                    // as AWSLambda after an OutOfMemoryError: leave the loop; the host replaces the worker
                    System.exit(0);
                }
                continue;
            }
            post("invocation/" + request.getId() + "/response", result.toByteArray(), null);
        }
    }

    private InvocationRequest next() throws IOException {
        int status = exchange("GET", "invocation/next", null, null);
        if (status != 200) {
            throw new IOException("Runtime API /next answered " + status);
        }
        InvocationRequest r = new InvocationRequest();
        r.setId(headers.get("lambda-runtime-aws-request-id"));
        String deadline = headers.get("lambda-runtime-deadline-ms");
        r.setDeadlineTimeInMs(deadline == null ? 0 : Long.parseLong(deadline));
        r.setInvokedFunctionArn(headers.get("lambda-runtime-invoked-function-arn"));
        r.setXrayTraceId(headers.get("lambda-runtime-trace-id"));
        r.setClientContext(headers.get("lambda-runtime-client-context"));
        r.setCognitoIdentity(headers.get("lambda-runtime-cognito-identity"));
        r.setTenantId(headers.get("lambda-runtime-aws-tenant-id"));
        r.setContent(body);
        return r;
    }

    private void post(String path, byte[] body, String errorType) throws IOException {
        int status = exchange("POST", path, body, errorType);
        if (status == 413 && errorType == null) {
            // as the native client: a refused response is reported as an error for the same invocation
            post(path.replace("/response", "/error"), DtoSerializers.serialize(new ErrorRequest(
                    "Response payload too large", "Function.ResponseSizeTooLarge", new String[0])),
                    "Function.ResponseSizeTooLarge");
        } else if (status >= 300) {
            throw new IOException("Runtime API " + path + " answered " + status);
        }
    }

    // ---- HTTP/1.1 over one keep-alive connection, as the native client keeps one ----

    /** Response headers of the last exchange, names in lower case. */
    private final Map<String, String> headers = new HashMap<>();
    /** Response body of the last exchange. */
    private byte[] body;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /**
     * One request, written with a single write (head and body together: one segment for the
     * server to read, where {@code HttpURLConnection} or curl send two), and its response read
     * by its Content-Length (or chunks). Returns the status; the headers and body are kept.
     */
    private int exchange(String method, String path, byte[] requestBody, String errorType) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(PREFIX).append(path)
                .append(" HTTP/1.1\r\nHost: ").append(api).append("\r\n");
        if (requestBody != null) {
            head.append("Content-Type: application/json\r\n");
            if (errorType != null) {
                head.append("Lambda-Runtime-Function-Error-Type: ").append(errorType).append("\r\n");
            }
            head.append("Content-Length: ").append(requestBody.length).append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = requestBody == null ? h : Arrays.copyOf(h, h.length + requestBody.length);
        if (requestBody != null) {
            System.arraycopy(requestBody, 0, request, h.length, requestBody.length);
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("Runtime API answered " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        headers.clear();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        if (length != null) {
            body = readFully(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(chunkSize(line()), 16); size > 0; size = Integer.parseInt(chunkSize(line()), 16)) {
                chunks.write(readFully(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
            body = chunks.toByteArray();
        } else {
            body = new byte[0];
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            socket.close();
            socket = null;
        }
        return status;
    }

    private static String chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
    }

    private byte[] readFully(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException("Runtime API closed the connection");
        }
        return b;
    }

    private String line() throws IOException {
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

    /**
     * The client's serialisers load event classes (and joda-time) through AWSLambda's customer class
     * loader, which only AWSLambda.main sets: set it here too. A private field of the client, so it is
     * re-checked on every upgrade (PureJavaRuntimeTest's API Gateway case fails without it).
     */
    private static void shareCustomerClassLoader(ClassLoader loader) {
        try {
            java.lang.reflect.Field f = com.amazonaws.services.lambda.runtime.api.client.AWSLambda.class
                    .getDeclaredField("customerClassLoader");
            f.setAccessible(true);
            f.set(null, loader);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("Slipway: cannot share the customer class loader with the runtime client: " + e);
        }
    }

    /** As the client's CustomerClassLoader: the task root, then its lib/*.jar in name order. */
    private static ClassLoader customerClassLoader() throws IOException {
        File root = new File(System.getProperty("user.dir"));
        List<URL> urls = new ArrayList<>();
        urls.add(root.toURI().toURL());
        File[] jars = new File(root, "lib").listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars != null) {
            Arrays.sort(jars);
            for (File jar : jars) {
                urls.add(jar.toURI().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getSystemClassLoader());
    }
}
