package dev.slipway.benchmarks.dynamodb;

import dev.slipway.dynamodb.DynamoDbEngine;
import dev.slipway.dynamodb.DynamoDbServer;
import dev.slipway.dynamodb.model.AttributeValue;
import dev.slipway.protocol.Json;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start-up time to the first answered request (embedded and standalone) and heap per item.
 *
 * <p>Usage: {@code DynamoDbFootprint startup-embedded | startup-standalone [jvm-options…] | memory <items> | engine <seconds> | wire <seconds> | wire-persistent <seconds>
 * | writes-persistent <seconds> [threads]}
 */
public final class DynamoDbFootprint {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "startup-embedded" -> {
                // This JVM is fresh (one run per process): class loading and JIT warm-up count, as for a test.
                long t0 = System.nanoTime();
                DynamoDbEngine engine = DynamoDbEngine.builder().build();
                long built = System.nanoTime();
                try (DynamoDbServer server = DynamoDbServer.start(0, engine)) {
                    long started = System.nanoTime();
                    int status = listTables(server.port());
                    long answered = System.nanoTime();
                    System.out.printf("embedded start-up to first answered request: %.0f ms (engine %.0f ms + HTTP server %.0f ms + "
                            + "first ListTables %.0f ms, HTTP %d); JVM launch to answered: %d ms%n", (answered - t0) / 1e6,
                            (built - t0) / 1e6, (started - built) / 1e6, (answered - started) / 1e6, status, sinceJvmLaunchMillis());
                }
            }
            case "startup-standalone" -> {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                    port = probe.getLocalPort();
                }
                List<String> command = new java.util.ArrayList<>(List.of(java));
                command.addAll(List.of(args).subList(1, args.length)); // extra JVM options, e.g. -XX:TieredStopAtLevel=1
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), DynamoDbServer.class.getName(),
                        "--port", Integer.toString(port)));
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    long deadline = t0 + 20_000_000_000L;
                    while (true) {
                        try {
                            listTables(port);
                            break;
                        } catch (java.io.IOException notYet) {
                            if (System.nanoTime() > deadline || !p.isAlive()) {
                                throw new IllegalStateException("server did not answer within 20 s");
                            }
                            Thread.sleep(5);
                        }
                    }
                    System.out.printf("standalone JVM start-up to first answered request: %.0f ms (polled every 5 ms)%n",
                            (System.nanoTime() - t0) / 1e6);
                } finally {
                    p.destroyForcibly();
                    p.waitFor();
                }
            }
            case "memory" -> memory(Integer.parseInt(args[1]));
            case "engine" -> engine(Double.parseDouble(args[1]));
            case "wire" -> wire(Double.parseDouble(args[1]), Optional.empty());
            case "wire-persistent" -> {
                Path dir = java.nio.file.Files.createTempDirectory("ddb-wire");
                try {
                    wire(Double.parseDouble(args[1]), Optional.of(dir));
                } finally {
                    try (var files = java.nio.file.Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            case "writes-persistent" -> {
                Path dir = java.nio.file.Files.createTempDirectory("ddb-writes");
                try {
                    writes(Double.parseDouble(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 8, dir);
                } finally {
                    try (var files = java.nio.file.Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static int port;

    /**
     * One ListTables over a plain socket (HTTP/1.1, Connection: close): no HTTP client library, whose
     * own start-up (the JDK HttpClient's alone is ~200 ms) would be counted as the server's.
     */
    private static int listTables(int port) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                    + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            String response = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 200") || !response.contains("\"TableNames\"")) {
                throw new IllegalStateException("unexpected answer: " + response);
            }
            return 200;
        }
    }

    private static long sinceJvmLaunchMillis() {
        return ProcessHandle.current().info().startInstant()
                .map(i -> java.time.Duration.between(i, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    private static void memory(int items) {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().dataDir(Optional.empty()).build()) {
            engine.createTable("small", "id", Optional.empty());
            long before = usedAfterGc();
            for (int i = 0; i < items; i++) {
                engine.putItem("small", Map.of("id", new AttributeValue.S(String.format("user-%07d", i)),
                        "points", new AttributeValue.N(BigDecimal.valueOf(i % 10_000))));
            }
            long after = usedAfterGc();
            long raw = Json.MAPPER.valueToTree(engine.execute("DescribeTable",
                    Json.MAPPER.createObjectNode().put("TableName", "small"))).path("Table").path("TableSizeBytes").asLong();
            System.out.printf("%,d items: raw size (DynamoDB item size) %,d bytes, heap %,d bytes, %.1fx raw, %.0f bytes/item%n",
                    items, raw, after - before, (after - before) / (double) raw, (after - before) / (double) items);
        }
    }

    /** In-process throughput, one thread, no HTTP: what the engine itself costs per request. */
    private static void engine(double seconds) throws Exception {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().build()) {
            engine.execute("CreateTable", Json.MAPPER.readTree("{\"TableName\":\"bench\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\","
                    + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}"));
            int[] n = {0};
            rate("PutItem", seconds, () -> engine.execute("PutItem", json("{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"p"
                    + (n[0] % 100) + "\"},\"sk\":{\"N\":\"" + (n[0]++) + "\"},\"note\":{\"S\":\"" + "x".repeat(120) + "\"}}}")));
            rate("GetItem", seconds, () -> engine.execute("GetItem", json("{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"p"
                    + (n[0] % 100) + "\"},\"sk\":{\"N\":\"" + (n[0]++ % 1000) + "\"}}}")));
            rate("Query (first page of a partition)", seconds, () -> engine.execute("Query", json("{\"TableName\":\"bench\","
                    + "\"KeyConditionExpression\":\"pk = :p\",\"Limit\":100,\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p"
                    + (n[0]++ % 100) + "\"}}}")));
        }
    }

    /**
     * The server's whole cost per request except the network: request bytes through the engine's
     * HTTP handler (parse, validate, execute, render, CRC) to response bytes, one thread, with the
     * same table shape and items as DynamoDbLoad (100 partitions × 100 items of ~200 bytes).
     */
    private static void wire(double seconds, Optional<Path> dataDir) throws Exception {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().dataDir(dataDir).build()) {
            dev.slipway.protocol.http.HttpHandler h = engine.handler();
            call(h, "CreateTable", "{\"TableName\":\"data\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\","
                    + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}");
            call(h, "CreateTable", "{\"TableName\":\"writes\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\","
                    + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}");
            for (int p = 0; p < 100; p++) {
                for (int s = 0; s < 100; s++) {
                    call(h, "PutItem", "{\"TableName\":\"data\",\"Item\":" + item("p" + p, s) + "}");
                }
            }
            java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
            int[] n = {0};
            rate("wire PutItem", seconds, () -> call(h, "PutItem", "{\"TableName\":\"writes\",\"Item\":" + item("w" + (n[0] % 1000), n[0]++) + "}"));
            rate("wire GetItem", seconds, () -> call(h, "GetItem", "{\"TableName\":\"data\",\"Key\":{\"pk\":{\"S\":\"p"
                    + r.nextInt(100) + "\"},\"sk\":{\"N\":\"" + r.nextInt(100) + "\"}}}"));
            rate("wire Query (100 items)", seconds, () -> call(h, "Query", "{\"TableName\":\"data\",\"KeyConditionExpression\":\"pk = :p\","
                    + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p" + r.nextInt(100) + "\"}}}"));
            rate("wire Scan (first page, 1 MB)", seconds, () -> call(h, "Scan", "{\"TableName\":\"data\"}"));
            rate("wire BatchWriteItem (25 items)", seconds, () -> {
                StringBuilder b = new StringBuilder("{\"RequestItems\":{\"writes\":[");
                for (int i = 0; i < 25; i++) {
                    b.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":").append(item("b" + r.nextInt(1000), n[0]++)).append("}}");
                }
                call(h, "BatchWriteItem", b.append("]}}").toString());
            });
        }
    }

    /**
     * Persistent writes from several threads at once through the engine's HTTP handler (no network,
     * no SDK client): PutItem, then 25-item BatchWriteItem, each for {@code seconds} after a warm-up
     * of as long (partition keys drawn at random per item, as in DynamoDbLoad: a batch touches 25
     * parts of the store); prints ops/s and this process's CPU per operation (the engine, its commits and
     * this harness's small request strings). Concurrent writers are what the group commit groups.
     */
    private static void writes(double seconds, int threads, Path dir) throws Exception {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().dataDir(Optional.of(dir)).build()) {
            dev.slipway.protocol.http.HttpHandler h = engine.handler();
            call(h, "CreateTable", "{\"TableName\":\"writes\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\","
                    + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}");
            java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong();
            Runnable put = () -> {
                long i = n.incrementAndGet();
                call(h, "PutItem", "{\"TableName\":\"writes\",\"Item\":" + item("w" + (i % 1000), (int) i) + "}");
            };
            Runnable batch = () -> {
                long base = n.addAndGet(25);
                StringBuilder b = new StringBuilder("{\"RequestItems\":{\"writes\":[");
                for (int i = 0; i < 25; i++) {
                    b.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":").append(item("b" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000), (int) (base + i))).append("}}");
                }
                call(h, "BatchWriteItem", b.append("]}}").toString());
            };
            for (var op : List.of(Map.entry("PutItem", put), Map.entry("BatchWriteItem (25 items)", batch))) {
                threaded(op.getValue(), threads, seconds); // warm-up
                long cpu0 = cpuNanos();
                long count = threaded(op.getValue(), threads, seconds);
                long cpu = cpuNanos() - cpu0;
                System.out.printf("in-process persistent %s, %d threads: %.0f ops/s, process CPU %.0f µs/op%n", op.getKey(), threads,
                        count / seconds, cpu / 1e3 / count);
            }
        }
    }

    private static long threaded(Runnable op, int threads, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> all = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    op.run();
                    count.incrementAndGet();
                }
            });
            thread.start();
            all.add(thread);
        }
        for (Thread t : all) {
            t.join();
        }
        return count.get();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String item(String pk, int sk) {
        return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"},\"name\":{\"S\":\"user-" + pk + "-" + sk
                + "\"},\"points\":{\"N\":\"" + (sk * 7) + "\"},\"note\":{\"S\":\"" + "x".repeat(120) + "\"}}";
    }

    private static void call(dev.slipway.protocol.http.HttpHandler h, String action, String body) {
        dev.slipway.protocol.http.Headers headers = new dev.slipway.protocol.http.Headers();
        headers.add("X-Amz-Target", "DynamoDB_20120810." + action);
        headers.add("Content-Type", "application/x-amz-json-1.0");
        try {
            dev.slipway.protocol.http.HttpResponse response = h.handle(new dev.slipway.protocol.http.HttpRequest("POST", "/", "", headers,
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
            if (response.status() != 200) {
                throw new IllegalStateException(action + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void rate(String name, double seconds, Runnable op) {
        long warm = System.nanoTime() + (long) (seconds * 0.3e9);
        while (System.nanoTime() < warm) {
            op.run();
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < end) {
            op.run();
            count++;
        }
        System.out.printf("in-process %s: %.0f ops/s, %.1f µs/op (1 thread)%n", name, count / seconds, seconds * 1e6 / count);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
