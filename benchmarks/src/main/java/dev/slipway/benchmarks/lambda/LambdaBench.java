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
 *
 * <p>The load generators are kept light, because they share the two cores with the server and the
 * workers: sequential latency and the threaded throughput use a raw keep-alive HTTP/1.1 socket client
 * ({@link RawClient}); when {@code wrk} is installed, throughput is also measured with it (POST, one
 * connection per client thread). {@code -Dbench.jdkClient=true} adds the JDK HttpClient's sequential
 * figure, the client earlier runs used. {@code -Dbench.handler=Echo} (or {@code Greet}) runs one handler only;
 * {@code -Dbench.sequentialOnly=true} only the sequential round trips (with the CPU and bytes allocated per
 * invocation by Slipway's threads, the figures to compare server-path changes by on a busy machine).
 */
public final class LambdaBench {
    private static final String ECHO = "dev.slipway.benchmarks.lambda.fn.EchoHandler";
    private static final String GREET = "dev.slipway.benchmarks.lambda.fn.GreetHandler";
    private static final byte[] EVENT = "{\"name\":\"bench\",\"n\":1}".getBytes(StandardCharsets.UTF_8);

    /** The last sequential Invoke API p50, for the ratio to the in-process call. */
    private static long invokeApiP50;

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
            // -Dbench.handler=Echo|Greet: one handler only (shorter A/B runs)
            String only = System.getProperty("bench.handler", "");
            for (String handler : List.of(ECHO, GREET)) {
                if (!handler.endsWith("." + only + "Handler") && !only.isEmpty()) {
                    continue;
                }
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
                // -Dbench.provisioned=true: a java25 function invoked as version 1 with provisioned concurrency (as
                // many provisioned workers as the run has), whose workers run the JVM's full tiered JIT (C2) as
                // Lambda's do; without it a java21 function on $LATEST (C1 only)
                boolean provisioned = Boolean.getBoolean("bench.provisioned");
                lambda.createFunction(CreateFunctionRequest.of("bench", provisioned ? "java25" : "java21", handler,
                        FunctionCode.path(code)).withMemoryAndTimeout(512, 30));
                String target = "bench";
                if (provisioned) {
                    lambda.publishVersion("bench", null);
                    lambda.putProvisionedConcurrencyConfig("bench", "1",
                            new dev.slipway.lambda.PutProvisionedConcurrencyConfigRequest(workers));
                    while (lambda.getProvisionedConcurrencyConfig("bench", "1").status().equals("IN_PROGRESS")) {
                        Thread.sleep(50);
                    }
                    target = "bench:1";
                }
                URI uri = URI.create(server.url() + "/2015-03-31/functions/" + target + "/invocations");
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; i < 3000; i++) {
                    call(client, uri);
                }
                if (workers == 1) {
                    if (Boolean.getBoolean("bench.jdkClient")) {
                        long[] nanos = new long[5000];
                        for (int i = 0; i < nanos.length; i++) {
                            long t0 = System.nanoTime();
                            call(client, uri);
                            nanos[i] = System.nanoTime() - t0;
                        }
                        report("Invoke API, sequential, JDK HttpClient (n=5000)", nanos);
                    }
                    try (RawClient raw = new RawClient(uri, EVENT)) {
                        for (int i = 0; i < 3000; i++) {
                            raw.call();
                        }
                        long[] nanos = new long[10000];
                        long serverThreads0 = serverThreadCpuNanos();
                        long allocated0 = serverThreadAllocatedBytes();
                        for (int i = 0; i < nanos.length; i++) {
                            long t0 = System.nanoTime();
                            raw.call();
                            nanos[i] = System.nanoTime() - t0;
                        }
                        long serverThreads = serverThreadCpuNanos() - serverThreads0;
                        long allocated = serverThreadAllocatedBytes() - allocated0;
                        report("Invoke API, sequential, raw socket client (n=10000)", nanos);
                        System.out.printf(Locale.ROOT, "  per invocation, Slipway's threads (event loop, output reader, "
                                + "timers): CPU %.1f µs, allocated %,d bytes%n", serverThreads / 1e3 / nanos.length,
                                allocated / nanos.length);
                        long[] sorted = nanos.clone();
                        Arrays.sort(sorted);
                        invokeApiP50 = pct(sorted, 0.50);
                    }
                }
                if (Boolean.getBoolean("bench.sequentialOnly")) {
                    // -Dbench.sequentialOnly=true: the sequential figures only (allocation A/B in seconds)
                    continue;
                }
                System.out.printf(Locale.ROOT, "Invoke API throughput, %d worker(s), %d raw-client threads: %,.0f invocations/s%n",
                        workers, workers * 2, throughput(uri, workers * 2, seconds));
                double wrk = wrk(uri, workers * 2, seconds);
                if (wrk >= 0) {
                    System.out.printf(Locale.ROOT, "Invoke API throughput, %d worker(s), wrk -t1 -c%d: %,.0f invocations/s%n",
                            workers, workers * 2, wrk);
                }
            }
        }
        if (Boolean.getBoolean("bench.sequentialOnly")) {
            return;
        }
        long inProcessP50 = inProcess(code, handler, seconds);
        System.out.printf(Locale.ROOT, "ratio Invoke API p50 / in-process p50: %,.0f×%n",
                (double) invokeApiP50 / Math.max(1, inProcessP50));
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
                try (RawClient client = new RawClient(uri, EVENT)) {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        client.call();
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

    /** Throughput measured by wrk (POST of the event), or -1 when wrk is not installed. */
    private static double wrk(URI uri, int connections, int seconds) throws Exception {
        Path script = Files.createTempFile("slipway-bench-post", ".lua");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = '" + new String(EVENT, StandardCharsets.UTF_8)
                + "'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        try {
            long serverCpu0 = serverCpuNanos();
            long threadsCpu0 = serverThreadCpuNanos();
            long workerCpu0 = workerCpuNanos();
            Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                    script.toString(), uri.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
            long serverCpu = serverCpuNanos() - serverCpu0;
            long threadsCpu = serverThreadCpuNanos() - threadsCpu0;
            long workerCpu = workerCpuNanos() - workerCpu0;
            if (!p.waitFor(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                System.out.println("  wrk failed: " + out.strip());
                return -1;
            }
            double rate = -1;
            long requests = 0;
            for (String line : out.split("\n")) {
                String l = line.strip();
                if (l.matches("\\d+ requests in .*")) {
                    requests = Long.parseLong(l.substring(0, l.indexOf(' ')));
                }
                if (l.startsWith("Requests/sec:")) {
                    rate = Double.parseDouble(l.substring("Requests/sec:".length()).strip());
                } else if (l.startsWith("50%") || l.startsWith("99%") || l.startsWith("Non-2xx") || l.startsWith("Socket errors")) {
                    System.out.println("  wrk " + l);
                }
            }
            if (requests > 0) {
                // CPU per invocation hardly depends on what else runs on the machine, unlike the rate
                System.out.printf(Locale.ROOT, "  CPU per invocation: server JVM %.1f µs (Slipway's threads %.1f µs), "
                        + "worker JVMs %.1f µs (%,d requests)%n", serverCpu / 1e3 / requests, threadsCpu / 1e3 / requests,
                        workerCpu / 1e3 / requests, requests);
            }
            return rate;
        } catch (IOException e) {
            return -1;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** CPU time of this JVM (server, Lambda service; no client thread runs while wrk does). */
    private static long serverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the threads that serve an invocation (the shared event loop, the output readers, the
     * timers), without the client, GC and JIT threads: the figure that server-path changes move (still
     * noisy at a load average of 20: cache misses and preemptions count too; the bytes allocated are not).
     */
    private static long serverThreadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("slipway-io") || t.getName().startsWith("lambda-")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /** Bytes allocated by the threads of {@link #serverThreadCpuNanos}: unlike time, the same on a busy machine. */
    private static long serverThreadAllocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("slipway-io") || t.getName().startsWith("lambda-")) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        return sum;
    }

    /** CPU time of the worker processes (children of this JVM), from /proc; 0 where there is none. */
    private static long workerCpuNanos() {
        long ticks = 0;
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            if (!child.info().command().map(c -> c.endsWith("java")).orElse(false)) {
                continue; // wrk
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + child.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                // not Linux, or the worker is gone
            }
        }
        return ticks * 10_000_000L;
    }

    /**
     * A minimal HTTP/1.1 keep-alive client over one socket: writes the POST, reads the status line,
     * the headers and a Content-Length body. Light enough not to be the bottleneck on two cores.
     */
    static final class RawClient implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.BufferedInputStream in;
        private final byte[] request;

        RawClient(URI uri, byte[] body) throws IOException {
            socket = new java.net.Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
            byte[] head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
        }

        void call() throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int length = 0;
            boolean functionError = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).strip());
                } else if (lower.startsWith("x-amz-function-error:")) {
                    functionError = true;
                }
            }
            byte[] body = in.readNBytes(length);
            if (!status.startsWith("HTTP/1.1 200") || functionError) {
                throw new IllegalStateException("invoke failed: " + status + " " + new String(body, StandardCharsets.UTF_8));
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The lower bound: the same handler through the runtime client's loader and serialiser, in this JVM. */
    private static long inProcess(Path code, String handler, int seconds) throws Exception {
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
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return pct(sorted, 0.50);
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
