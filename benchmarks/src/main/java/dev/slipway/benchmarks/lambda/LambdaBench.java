package dev.slipway.benchmarks.lambda;

import com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader;
import com.amazonaws.services.lambda.runtime.api.client.HandlerInfo;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import dev.slipway.lambda.CreateFunctionRequest;
import dev.slipway.lambda.FunctionCode;
import dev.slipway.lambda.InvokeRequest;
import dev.slipway.lambda.InvokeResponse;
import dev.slipway.lambda.LambdaService;
import dev.slipway.protocol.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lambda host figures (a harness, not JMH: the interesting costs are process hops and cold JVMs):
 * <ul>
 *   <li>{@code warm}: sequential Invoke API round trips over loopback HTTP (p50/p99), throughput
 *       with 1 and 2 warm workers, and the same handler called in-process through the runtime
 *       client's own handler loading and serialisation (the lower bound), in one run;</li>
 *   <li>{@code cold}: cold start to first response with and without an AppCDS archive.</li>
 * </ul>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.slipway.benchmarks.lambda.LambdaBench warm|cold|all}
 */
public final class LambdaBench {
    private static final String ECHO = "dev.slipway.benchmarks.lambda.fn.EchoHandler";
    private static final String GREET = "dev.slipway.benchmarks.lambda.fn.GreetHandler";
    private static final byte[] EVENT = "{\"name\":\"bench\",\"n\":1}".getBytes(StandardCharsets.UTF_8);

    private LambdaBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        int seconds = Integer.getInteger("bench.seconds", 5);
        Path code = functionDirectory();
        Path cache = Files.createTempDirectory("slipway-bench-cache");
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, load average %.1f%n", System.getProperty("java.version"),
                java.lang.Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (mode.equals("warm") || mode.equals("all")) {
            for (String handler : List.of(ECHO, GREET)) {
                warm(code, cache, handler, seconds);
            }
        }
        if (mode.equals("cold") || mode.equals("all")) {
            cold(code, cache, Integer.getInteger("bench.coldRuns", 5));
        }
    }

    private static void warm(Path code, Path cache, String handler, int seconds) throws Exception {
        String simple = handler.substring(handler.lastIndexOf('.') + 1);
        System.out.println();
        System.out.println("== warm invoke, " + simple + " ==");
        for (int workers : new int[] {1, 2}) {
            try (LambdaService lambda = LambdaService.builder().cacheDir(cache).maxWorkersPerFunction(workers).build();
                    HttpServer server = HttpServer.start("bench", 0, lambda.asCloudService().handler())) {
                lambda.createFunction(CreateFunctionRequest.of("bench", "java21", handler, FunctionCode.path(code))
                        .withMemoryAndTimeout(512, 30));
                URI uri = URI.create(server.url() + "/2015-03-31/functions/bench/invocations");
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; i < 3000; i++) {
                    call(client, uri);
                }
                if (workers == 1) {
                    long[] nanos = new long[5000];
                    for (int i = 0; i < nanos.length; i++) {
                        long t0 = System.nanoTime();
                        call(client, uri);
                        nanos[i] = System.nanoTime() - t0;
                    }
                    report("Invoke API, sequential (n=5000)", nanos);
                }
                System.out.printf(Locale.ROOT, "Invoke API throughput, %d worker(s), %d client threads: %,.0f invocations/s%n",
                        workers, workers * 2, throughput(uri, workers * 2, seconds));
            }
        }
        inProcess(code, handler, seconds);
    }

    private static void call(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(EVENT))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 || r.headers().firstValue("X-Amz-Function-Error").isPresent()) {
            throw new IllegalStateException("invoke failed: " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static double throughput(URI uri, int threads, int seconds) throws Exception {
        LongAdder done = new LongAdder();
        LongAdder slow = new LongAdder();
        java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        call(client, uri);
                        long took = System.nanoTime() - t0;
                        max.accumulateAndGet(took, Math::max);
                        if (took > 1_000_000_000L) {
                            slow.increment();
                        }
                        done.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            th.start();
            ts.add(th);
        }
        Thread.sleep(1000);
        long before = done.sum();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long count = done.sum() - before;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread th : ts) {
            th.join();
        }
        // a stalled invocation (e.g. a warm worker never handed its next event) shows here, not in the rate
        System.out.printf(Locale.ROOT, "  (all calls incl. warm-up: %,d; slowest %s; slower than 1 s: %d)%n",
                done.sum(), fmt(max.get()), slow.sum());
        return count / elapsed;
    }

    /** The lower bound: the same handler through the runtime client's loader and serialiser, in this JVM. */
    private static void inProcess(Path code, String handler, int seconds) throws Exception {
        LambdaRequestHandler h = EventHandlerLoader.loadEventHandler(HandlerInfo.fromString(handler,
                LambdaBench.class.getClassLoader()));
        InvocationRequest request = new InvocationRequest();
        request.setId("bench");
        request.setInvokedFunctionArn("arn:aws:lambda:us-east-1:000000000000:function:bench");
        request.setDeadlineTimeInMs(System.currentTimeMillis() + 3_600_000);
        request.setContent(EVENT);
        for (int i = 0; i < 200_000; i++) {
            h.call(request);
        }
        long[] nanos = new long[100_000];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            h.call(request);
            nanos[i] = System.nanoTime() - t0;
        }
        report("in-process call (RIC loader + serialiser, n=100000)", nanos);
    }

    private static void cold(Path code, Path cache, int runs) throws Exception {
        System.out.println();
        System.out.println("== cold start to first response, Invoke API (Java API call), EchoHandler, memory 512 ==");
        for (boolean cds : new boolean[] {false, true}) {
            Path dir = Files.createTempDirectory("slipway-bench-cold");
            try (LambdaService lambda = LambdaService.builder().cacheDir(dir).appCds(cds).forceColdStart(true).build()) {
                lambda.createFunction(CreateFunctionRequest.of("cold", "java21", ECHO, FunctionCode.path(code))
                        .withMemoryAndTimeout(512, 30));
                if (cds) {
                    lambda.invoke(new InvokeRequest("cold", null, null, null, null, EVENT));
                    // the training worker writes the archive when it stops
                    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!hasArchive(dir) && System.nanoTime() < until) {
                        Thread.sleep(50);
                    }
                }
                long[] nanos = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    InvokeResponse r = lambda.invoke(new InvokeRequest("cold", null, null, null, null, EVENT));
                    nanos[i] = System.nanoTime() - t0;
                    if (!r.coldStart()) {
                        throw new IllegalStateException("expected a cold start");
                    }
                    Thread.sleep(300);
                }
                report((cds ? "with AppCDS" : "without AppCDS") + " (n=" + runs + ")", nanos);
            }
        }
    }

    private static boolean hasArchive(Path dir) throws IOException {
        Path cds = dir.resolve("cds");
        if (!Files.isDirectory(cds)) {
            return false;
        }
        try (var files = Files.list(cds)) {
            return files.anyMatch(p -> p.toString().endsWith(".jsa"));
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %s, p99 %s, max %s%n", what, fmt(pct(sorted, 0.50)), fmt(pct(sorted, 0.99)),
                fmt(sorted[sorted.length - 1]));
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String fmt(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        return nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    /** The handler classes, copied out of this jar into a directory laid out as a Lambda package. */
    static Path functionDirectory() throws IOException {
        Path dir = Files.createTempDirectory("slipway-bench-fn");
        for (String cls : List.of(ECHO, GREET)) {
            String resource = cls.replace('.', '/') + ".class";
            try (InputStream in = LambdaBench.class.getClassLoader().getResourceAsStream(resource)) {
                Path target = dir.resolve(resource);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        return dir;
    }
}
