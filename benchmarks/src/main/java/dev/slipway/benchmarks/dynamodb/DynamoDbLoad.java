package dev.slipway.benchmarks.dynamodb;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * HTTP load harness for DynamoDB-compatible servers: the AWS SDK for Java v2, 8 threads, one
 * endpoint. Prints one Markdown table row per operation and client configuration: throughput, p50
 * and p99 latency, the server's CPU per operation and this client's CPU per operation.
 *
 * <p>Two configurations of the same SDK client (env CLIENTS, default "default,lean"), measured one
 * after the other for each operation against the same server:
 * <ul>
 * <li>{@code default}: the configuration of the earlier runs (url-connection HTTP client, no retries,
 * static credentials; everything else the SDK's defaults, endpoint rules engine per request).
 * <li>{@code lean}: what a performance-minded user configures: a fixed {@code EndpointProvider} (the
 * SDK otherwise evaluates DynamoDB's endpoint rule set on every call), the HTTP client of env
 * LEAN_HTTP ({@code apache5} by default: pooled connections, no {@code Expect: 100-continue}; or
 * {@code urlconnection}), no retries,
 * static credentials. Signing (SigV4), CRC32 response validation and the request/response
 * marshalling stay as they are: the same work a real client does.
 * </ul>
 *
 * <p>Usage: {@code DynamoDbLoad <label> <endpoint> [seconds-per-op]}
 */
public final class DynamoDbLoad {
    private static final int THREADS = 8;
    /** Warm-up before each measured operation (env WARMUP, seconds; default 2): a JVM server compiles its hot path first. */
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getenv().getOrDefault("WARMUP", "2"));
    /** Operations to measure (env OPS, comma-separated name prefixes, e.g. "PutItem,GetItem"); empty = all. */
    private static final List<String> OPS = System.getenv().getOrDefault("OPS", "").isBlank() ? List.of()
            : List.of(System.getenv("OPS").split(","));
    /**
     * Mixed warm-up before the first measured operation (env WARMUP_ALL, seconds; default 30): every
     * selected operation in turn on 8 threads, so that the server's JIT reaches steady state. A fresh
     * JVM server on 2 cores shared with this client spends its first ~40 s compiling (measured: server
     * CPU per PutItem 640-990 µs in the first 20 s, 80 µs after 45 s; benchmarks/results/dynamodb.md).
     * WARMUP_ALL=0 measures a fresh server instead.
     */
    private static final double WARMUP_ALL_SECONDS = Double.parseDouble(System.getenv().getOrDefault("WARMUP_ALL", "30"));
    private static final int PARTITIONS = 100;
    private static final int PER_PARTITION = 100;

    /** Client configurations to measure (env CLIENTS, comma-separated: default, lean). */
    private static final List<String> CLIENTS = List.of(System.getenv().getOrDefault("CLIENTS", "default,lean").split(","));

    private final Map<String, DynamoDbClient> clients = new java.util.LinkedHashMap<>();
    private DynamoDbClient ddb;
    private final String label;
    private final double seconds;

    private DynamoDbLoad(String label, String endpoint, double seconds) {
        this.label = label;
        this.seconds = seconds;
        for (String name : CLIENTS) {
            clients.put(name, client(name, URI.create(endpoint)));
        }
        this.ddb = clients.values().iterator().next();
    }

    private static DynamoDbClient client(String name, URI endpoint) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        return switch (name) {
            case "default" -> DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                    .credentialsProvider(credentials)
                    .build();
            case "lean" -> {
                Endpoint fixed = Endpoint.builder().url(endpoint).build();
                var resolved = java.util.concurrent.CompletableFuture.completedFuture(fixed);
                DynamoDbEndpointProvider provider = params -> resolved;
                SdkHttpClient http = switch (System.getenv().getOrDefault("LEAN_HTTP", "apache5")) {
                    case "urlconnection" -> UrlConnectionHttpClient.builder().build();
                    // no "Expect: 100-continue" (the SDK's Apache clients default to it: one more
                    // round trip and interim response per request for a body of a few hundred bytes)
                    case "apache5" -> Apache5HttpClient.builder().maxConnections(THREADS * 2)
                            .expectContinueEnabled(false).useIdleConnectionReaper(false).build();
                    default -> throw new IllegalArgumentException("LEAN_HTTP: apache5 or urlconnection");
                };
                yield DynamoDbClient.builder().endpointProvider(provider).region(Region.US_EAST_1)
                        .httpClient(http)
                        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                        .credentialsProvider(credentials)
                        .build();
            }
            default -> throw new IllegalArgumentException("CLIENTS: default or lean, not " + name);
        };
    }

    public static void main(String[] args) throws Exception {
        DynamoDbLoad load = new DynamoDbLoad(args[0], args[1], args.length > 2 ? Double.parseDouble(args[2]) : 3);
        load.run();
    }

    private interface Op {
        void run(ThreadLocalRandom random);
    }

    private static Map<String, AttributeValue> item(String pk, int sk) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("pk", AttributeValue.fromS(pk));
        m.put("sk", AttributeValue.fromN(Integer.toString(sk)));
        m.put("name", AttributeValue.fromS("user-" + pk + "-" + sk));
        m.put("points", AttributeValue.fromN(Integer.toString(sk * 7)));
        m.put("note", AttributeValue.fromS("x".repeat(120)));
        return m;
    }

    private void createTable(String name) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    private void run() throws Exception {
        String data = "bench-data-" + System.nanoTime();
        String writes = "bench-writes-" + System.nanoTime();
        createTable(data);
        createTable(writes);
        // 100 partitions x 100 items (~200 bytes each, ~2 MB): Query reads one partition, Scan all.
        for (int p = 0; p < PARTITIONS; p++) {
            String pk = "p" + p;
            for (int batch = 0; batch < PER_PARTITION; batch += 25) {
                List<WriteRequest> requests = new ArrayList<>();
                for (int s = batch; s < batch + 25; s++) {
                    Map<String, AttributeValue> it = item(pk, s);
                    requests.add(WriteRequest.builder().putRequest(r -> r.item(it)).build());
                }
                ddb.batchWriteItem(b -> b.requestItems(Map.of(data, requests)));
            }
        }
        AtomicLong counter = new AtomicLong();
        System.out.println("| " + label + " | operation | client | ops/s | p50 ms | p99 ms | server CPU µs/op | of which JIT / GC µs/op | client CPU µs/op |");
        Map<String, Op> ops = new java.util.LinkedHashMap<>();
        ops.put("PutItem", r -> {
            long n = counter.incrementAndGet();
            ddb.putItem(b -> b.tableName(writes).item(item("w" + (n % 1000), (int) n)));
        });
        ops.put("GetItem", r -> ddb.getItem(b -> b.tableName(data)
                .key(Map.of("pk", AttributeValue.fromS("p" + r.nextInt(PARTITIONS)),
                        "sk", AttributeValue.fromN(Integer.toString(r.nextInt(PER_PARTITION)))))));
        ops.put("Query (100 items)", r -> {
            var out = ddb.query(b -> b.tableName(data).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p" + r.nextInt(PARTITIONS)))));
            check(out.count() == PER_PARTITION, "query returned " + out.count());
        });
        ops.put("Scan (10,000 items, all pages)", r -> {
            int total = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var page = ddb.scan(b -> b.tableName(data).exclusiveStartKey(from));
                total += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            check(total == PARTITIONS * PER_PARTITION, "scan returned " + total);
        });
        ops.put("BatchWriteItem (25 items)", r -> {
            List<WriteRequest> requests = new ArrayList<>();
            long base = counter.addAndGet(25);
            for (int i = 0; i < 25; i++) {
                Map<String, AttributeValue> it = item("b" + r.nextInt(1000), (int) (base + i));
                requests.add(WriteRequest.builder().putRequest(x -> x.item(it)).build());
            }
            ddb.batchWriteItem(b -> b.requestItems(Map.of(writes, requests)));
        });
        ops.keySet().removeIf(name -> !OPS.isEmpty() && OPS.stream().noneMatch(name::startsWith));
        warmUpAll(List.copyOf(ops.values()));
        for (Map.Entry<String, Op> op : ops.entrySet()) {
            for (Map.Entry<String, DynamoDbClient> client : clients.entrySet()) {
                ddb = client.getValue();
                measure(op.getKey(), client.getKey(), op.getValue());
            }
        }
        clients.values().forEach(DynamoDbClient::close);
    }

    /** CPU time of this (client) JVM so far, in ns. */
    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The server's pid (env SERVER_PID), to report its CPU time per operation from /proc; null when not given. */
    private static final String SERVER_PID = System.getenv("SERVER_PID");

    /**
     * User + system CPU time of the server process so far, in ns (Linux /proc, 100 ticks/s): [0] the
     * whole process, [1] its live JIT compiler threads, [2] its GC threads; zeros when unknown. The
     * split shows how much of a short run's cost is the JVM compiling rather than serving (a compiler
     * thread the JVM retires takes its ticks with it: [1] is a lower bound).
     */
    private static long[] serverCpuNanos() {
        long[] cpu = new long[3];
        if (SERVER_PID == null) {
            return cpu;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", SERVER_PID, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            cpu[0] = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            return cpu;
        }
        java.io.File[] tasks = new java.io.File("/proc/" + SERVER_PID + "/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ns = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                if (comm.contains("CompilerThre")) {
                    cpu[1] += ns;
                } else if (comm.startsWith("GC") || comm.startsWith("G1")) {
                    cpu[2] += ns;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended between the listing and the read
            }
        }
        return cpu;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    /** Every client in turn, for the whole warm-up: each one's code is compiled before it is measured. */
    private void warmUpAll(List<Op> ops) throws InterruptedException {
        List<DynamoDbClient> all = List.copyOf(clients.values());
        double share = WARMUP_ALL_SECONDS / all.size();
        for (DynamoDbClient client : all) {
            ddb = client;
            warmUp(ops, share);
        }
    }

    private static void warmUp(List<Op> ops, double warmupSeconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = first; System.nanoTime() < end; i++) {
                    ops.get(i % ops.size()).run(random);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void measure(String name, String clientName, Op op) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        long warmupEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        AtomicLong done = new AtomicLong();
        long[][] cpu = new long[2][];
        long[] clientCpu = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        return;
                    }
                    op.run(random);
                    long now = System.nanoTime();
                    if (start >= warmupEnd) {
                        if (cpu[0] == null) {
                            synchronized (cpu) {
                                if (cpu[0] == null) {
                                    cpu[0] = serverCpuNanos();
                                    clientCpu[0] = clientCpuNanos();
                                }
                            }
                        }
                        recorder.recordValue(now - start);
                        done.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        cpu[1] = serverCpuNanos();
        clientCpu[1] = clientCpuNanos();
        Histogram h = recorder.getIntervalHistogram();
        long n = done.get();
        boolean known = SERVER_PID != null && n > 0 && cpu[0] != null;
        String perOp = known ? String.format("%.0f", (cpu[1][0] - cpu[0][0]) / 1e3 / n) : "n/a";
        String split = known ? String.format("%.0f / %.0f", Math.max(0, cpu[1][1] - cpu[0][1]) / 1e3 / n, (cpu[1][2] - cpu[0][2]) / 1e3 / n) : "n/a";
        String clientPerOp = n > 0 && clientCpu[0] != 0 ? String.format("%.0f", (clientCpu[1] - clientCpu[0]) / 1e3 / n) : "n/a";
        System.out.printf("| %s | %s | %s | %.0f | %.2f | %.2f | %s | %s | %s |%n", label, name, clientName, n / seconds,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, perOp, split, clientPerOp);
    }
}
