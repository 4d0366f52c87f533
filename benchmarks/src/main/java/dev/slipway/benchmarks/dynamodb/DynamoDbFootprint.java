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
 * <p>Usage: {@code DynamoDbFootprint startup-embedded | startup-standalone [jvm-options…] | memory <items> | engine <seconds>}
 */
public final class DynamoDbFootprint {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "startup-embedded" -> {
                // This JVM is fresh (one run per process): class loading and JIT warm-up count, as for a test.
                long t0 = System.nanoTime();
                try (DynamoDbServer server = DynamoDbServer.start(0, DynamoDbEngine.builder().build())) {
                    long started = System.nanoTime();
                    int status = listTables(server.port());
                    long answered = System.nanoTime();
                    System.out.printf("embedded start-up to first answered request: %.0f ms (start %.0f ms + first ListTables %.0f ms, "
                            + "HTTP %d); JVM launch to answered: %d ms%n", (answered - t0) / 1e6, (started - t0) / 1e6,
                            (answered - started) / 1e6, status, sinceJvmLaunchMillis());
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
        System.out.printf("in-process %s: %.0f ops/s (1 thread, JSON in and out)%n", name, count / seconds);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
