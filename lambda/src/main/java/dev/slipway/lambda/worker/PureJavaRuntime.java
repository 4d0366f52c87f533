package dev.slipway.lambda.worker;

import com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader;
import com.amazonaws.services.lambda.runtime.api.client.HandlerInfo;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.UserFault;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.ErrorRequest;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    private final String base;

    private PureJavaRuntime(String api) {
        this.base = "http://" + api + PREFIX;
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
        HttpURLConnection c = (HttpURLConnection) new URL(base + "invocation/next").openConnection();
        c.setReadTimeout(0);
        int status = c.getResponseCode();
        if (status != 200) {
            throw new IOException("Runtime API /next answered " + status);
        }
        InvocationRequest r = new InvocationRequest();
        r.setId(c.getHeaderField("Lambda-Runtime-Aws-Request-Id"));
        String deadline = c.getHeaderField("Lambda-Runtime-Deadline-Ms");
        r.setDeadlineTimeInMs(deadline == null ? 0 : Long.parseLong(deadline));
        r.setInvokedFunctionArn(c.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"));
        r.setXrayTraceId(c.getHeaderField("Lambda-Runtime-Trace-Id"));
        r.setClientContext(c.getHeaderField("Lambda-Runtime-Client-Context"));
        r.setCognitoIdentity(c.getHeaderField("Lambda-Runtime-Cognito-Identity"));
        r.setTenantId(c.getHeaderField("Lambda-Runtime-Aws-Tenant-Id"));
        try (InputStream in = c.getInputStream()) {
            r.setContent(in.readAllBytes());
        }
        return r;
    }

    /**
     * Posts without fixed-length streaming: the prototype measured a ~1.2 ms floor per request with
     * {@code setFixedLengthStreamingMode}; a buffered body goes out in one write.
     */
    private void post(String path, byte[] body, String errorType) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        if (errorType != null) {
            c.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        if (status == 413 && errorType == null) {
            // as the native client: a refused response is reported as an error for the same invocation
            post(path.replace("/response", "/error"), DtoSerializers.serialize(new ErrorRequest(
                    "Response payload too large", "Function.ResponseSizeTooLarge", new String[0])),
                    "Function.ResponseSizeTooLarge");
        } else if (status >= 300) {
            throw new IOException("Runtime API " + path + " answered " + status);
        }
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
