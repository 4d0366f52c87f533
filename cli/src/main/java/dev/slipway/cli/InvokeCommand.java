package dev.slipway.cli;

import dev.slipway.lambda.CreateFunctionRequest;
import dev.slipway.lambda.FunctionCode;
import dev.slipway.lambda.InvokeRequest;
import dev.slipway.lambda.InvokeResponse;
import dev.slipway.lambda.LambdaService;
import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway invoke --code PATH --handler pkg.Class}: runs one function once in a worker JVM,
 * exactly as the local Lambda service does, and prints its result. Exit code 1 when the function
 * failed (the error JSON is still printed).
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Invoke a Java Lambda function once, locally, in a worker JVM running Amazon's runtime client.")
public final class InvokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--code", required = true, paramLabel = "PATH",
            description = "The function's code: a jar, a zip (classes at the root, lib/*.jar) or a directory.")
    Path code;

    @Option(names = "--handler", required = true, description = "pkg.Class or pkg.Class::method.")
    String handler;

    @Option(names = "--runtime", defaultValue = "java21",
            description = "java25, java21, java17, java11, java8.al2 or provided.al2023 (default: ${DEFAULT-VALUE}).")
    String runtime;

    @Option(names = "--timeout", defaultValue = "3", paramLabel = "SECONDS", description = "Default: ${DEFAULT-VALUE}.")
    int timeout;

    @Option(names = "--memory", defaultValue = "512", paramLabel = "MB", description = "Default: ${DEFAULT-VALUE}.")
    int memory;

    @Option(names = {"-e", "--event"}, paramLabel = "FILE", description = "The event, from a JSON file ('-' reads stdin).")
    String eventFile;

    @Option(names = {"-d", "--data"}, paramLabel = "JSON", description = "The event, inline.")
    String data;

    @Option(names = "--env", paramLabel = "K=V", description = "An environment variable for the function (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--layer", paramLabel = "ZIP", description = "A layer zip whose java/lib/*.jar join the class path (repeatable).")
    List<Path> layers = new ArrayList<>();

    @Option(names = "--name", defaultValue = "local-function", description = "The function name the handler sees.")
    String name;

    @Option(names = {"-l", "--log"}, description = "Print the function's log (its output and START/END/REPORT lines).")
    boolean log;

    @Option(names = "--debug", paramLabel = "PORT",
            description = "Start the worker with a JDWP agent on 127.0.0.1:PORT and wait for a debugger to attach.")
    Integer debugPort;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "The local cloud the function's AWS SDK calls go to (AWS_ENDPOINT_URL).")
    String endpointUrl;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    /** Called by {@link Main} before picocli parses an {@code invoke} command line: the warm-up runs meanwhile. */
    static void startWarmUp() {
        Thread warmup = new Thread(InvokeCommand::warmUp, "slipway-invoke-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }

    /**
     * Loads and starts, on the second core, what the invocation needs later on its critical path:
     * the Runtime API's HTTP server (Netty and its shared event loop; the worker JVM is only
     * launched once its sandbox listens), Jackson (the event is checked, the result read), the
     * secure random behind the function's RevisionId, and the Lambda service's classes.
     */
    private static void warmUp() {
        try {
            dev.slipway.protocol.http.HttpServer.start("slipway-warmup", 0, request -> null).close();
            Json.parse("{\"warm\":[1]}".getBytes(StandardCharsets.UTF_8));
            java.util.UUID.randomUUID();
            LambdaService.builder();
            dev.slipway.deploy.Trace.mark("invoke: warmed up");
        } catch (IOException | RuntimeException | LinkageError e) {
            // only a warm-up: the invocation starts these itself
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(code)) {
            throw new UserError("the code " + code + " does not exist", "give --code a jar, a zip or a directory");
        }
        byte[] event = event();
        Map<String, String> variables = variables();
        List<String> logLines = new ArrayList<>();
        LambdaService.Builder builder = LambdaService.builder()
                .codeCache(true)
                .logSink((group, stream, ts, message) -> {
                    synchronized (logLines) {
                        logLines.add(message);
                    }
                });
        if (endpointUrl != null) {
            builder.endpointUrl(endpointUrl);
        }
        if (debugPort != null) {
            builder.debug(name, debugPort, true);
            err.println("Waiting for a debugger on 127.0.0.1:" + debugPort + " (the worker starts suspended)");
            err.flush();
        }
        dev.slipway.deploy.Trace.mark("invoke: building the Lambda service");
        try (LambdaService lambda = builder.build()) {
            dev.slipway.deploy.Trace.mark("invoke: creating the function");
            CreateFunctionRequest create = CreateFunctionRequest.of(name, runtime, handler, FunctionCode.path(code))
                    .withMemoryAndTimeout(memory, timeout).withEnvironment(variables)
                    .withLayers(layers.isEmpty() ? null : layers.stream().map(p -> p.toAbsolutePath().toString()).toList());
            lambda.createFunction(create);
            dev.slipway.deploy.Trace.mark("invoke: invoking (cold worker)");
            lambda.deprecationWarning(name).ifPresent(w -> err.println("warning: " + w));
            InvokeResponse r = lambda.invoke(new InvokeRequest(name, "RequestResponse", null, null, null, event));
            dev.slipway.deploy.Trace.mark("invoke: answered");
            if (log) {
                synchronized (logLines) {
                    logLines.forEach(err::println);
                }
            }
            out.println(new String(r.payload(), StandardCharsets.UTF_8));
            out.flush();
            err.flush();
            if (r.functionError().isPresent()) {
                throw new UserError("the function failed: " + describe(r.payload()),
                        log ? "" : "run again with --log to see its output");
            }
            return 0;
        } catch (AwsServiceException e) {
            throw new UserError(e.getMessage(), hint(e));
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage(), "");
        } finally {
            dev.slipway.deploy.Trace.mark("invoke: worker stopped");
        }
    }

    private static String hint(AwsServiceException e) {
        if (e.getMessage().contains("JDK")) {
            return "install a JDK, or point Slipway at one with SLIPWAY_JDK_<version>=/path/to/jdk";
        }
        return e.errorCode().equals("ValidationException") ? "see 'slipway invoke --help'" : "";
    }

    private static String describe(byte[] errorJson) {
        try {
            var node = Json.parse(errorJson);
            return node.path("errorType").asText("error") + ": " + node.path("errorMessage").asText("");
        } catch (IOException e) {
            return new String(errorJson, StandardCharsets.UTF_8);
        }
    }

    private byte[] event() {
        if (eventFile != null && data != null) {
            throw new UserError("both --event and --data give the event", "use one of them");
        }
        if (data != null) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        if (eventFile == null) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        try {
            return eventFile.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(eventFile));
        } catch (IOException e) {
            throw new UserError("cannot read the event file " + eventFile + ": " + e.getMessage(),
                    "check the path, or give the event inline with --data");
        }
    }

    private Map<String, String> variables() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--env " + kv + " is not KEY=VALUE", "write it as --env NAME=value");
            }
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }
}
