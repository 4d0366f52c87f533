package dev.slipway.benchmarks.dynamodb;

import dev.slipway.dynamodb.DynamoDbEngine;
import dev.slipway.dynamodb.DynamoDbServer;
import dev.slipway.dynamodb.model.AttributeValue;
import dev.slipway.protocol.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Start-up time to the first answered request (embedded and standalone) and heap per item.
 *
 * <p>Usage: {@code DynamoDbFootprint startup-embedded | startup-standalone | memory <items>}
 */
public final class DynamoDbFootprint {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "startup-embedded" -> {
                long t0 = System.nanoTime();
                try (DynamoDbServer server = DynamoDbServer.start(0, DynamoDbEngine.builder().build())) {
                    listTables(server.url());
                    System.out.printf("embedded start-up to first answered request: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
                }
            }
            case "startup-standalone" -> {
                long t0 = System.nanoTime();
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        DynamoDbServer.class.getName(), "--port", "0").redirectErrorStream(true).start();
                try {
                    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
                    String line;
                    while ((line = out.readLine()) != null && !line.startsWith("DynamoDB listening on ")) {
                        // wait for the banner
                    }
                    listTables(line.substring("DynamoDB listening on ".length()).trim());
                    System.out.printf("standalone JVM start-up to first answered request: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
                } finally {
                    p.destroyForcibly();
                }
            }
            case "memory" -> memory(Integer.parseInt(args[1]));
            case "engine" -> engine(Double.parseDouble(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void listTables(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.body());
        }
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
