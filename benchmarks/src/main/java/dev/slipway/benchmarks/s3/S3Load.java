package dev.slipway.benchmarks.s3;

import dev.slipway.logs.LogsService;
import dev.slipway.protocol.http.HttpServer;
import dev.slipway.protocol.spi.LogSink;
import dev.slipway.s3.S3Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * What a deploy and a function's logging wait for: PutObject and GetObject of an artifact-sized
 * object over HTTP (in memory, and with a data directory where every PUT is fsynced), side by side
 * with the baseline of writing and fsyncing the same bytes to a file directly; and LogSink appends
 * (what the Lambda host pays per log line).
 *
 * <p>Usage: {@code S3Load [objectKiB=1024] [iterations=200]}. Bounded: a fixed number of requests to 127.0.0.1.
 */
public final class S3Load {
    public static void main(String[] args) throws Exception {
        int kib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        byte[] body = new byte[kib * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        Path dir = Files.createTempDirectory("s3load");
        try {
            System.out.printf("object size %d KiB, %d iterations each%n", kib, iterations);
            run("in memory", S3Service.builder().build(), body, iterations);
            run("data dir (fsync)", S3Service.builder().dataDir(Optional.of(dir.resolve("s3"))).build(), body, iterations);
            baseline(dir.resolve("baseline"), body, iterations);
            logs(Optional.empty(), "LogSink.append, in memory");
            logs(Optional.of(dir.resolve("logs")), "LogSink.append, data dir");
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String label, S3Service s3, byte[] body, int iterations) throws Exception {
        s3.createBucket("bench");
        try (HttpServer server = HttpServer.start("s3-load", 0, s3.handler())) {
            HttpClient http = HttpClient.newHttpClient();
            Histogram put = new Histogram(3);
            Histogram get = new Histogram(3);
            for (int i = 0; i < iterations + 20; i++) { // the first 20 warm up the JIT and connections
                URI uri = URI.create(server.url() + "/bench/artifact-" + (i % 10) + ".zip");
                long t0 = System.nanoTime();
                HttpResponse<Void> p = http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
                long t1 = System.nanoTime();
                HttpResponse<byte[]> g = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long t2 = System.nanoTime();
                if (p.statusCode() != 200 || g.statusCode() != 200 || g.body().length != body.length) {
                    throw new IllegalStateException("unexpected answer " + p.statusCode() + "/" + g.statusCode());
                }
                if (i >= 20) {
                    put.recordValue((t1 - t0) / 1000);
                    get.recordValue((t2 - t1) / 1000);
                }
            }
            print("PutObject, " + label, put);
            print("GetObject, " + label, get);
        }
    }

    private static void baseline(Path dir, byte[] body, int iterations) throws Exception {
        Files.createDirectories(dir);
        Histogram h = new Histogram(3);
        for (int i = 0; i < iterations + 20; i++) {
            long t0 = System.nanoTime();
            try (FileChannel ch = FileChannel.open(dir.resolve("f" + (i % 10)), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(body));
                ch.force(true);
            }
            if (i >= 20) {
                h.recordValue((System.nanoTime() - t0) / 1000);
            }
        }
        print("baseline: write + fsync one file, no HTTP", h);
    }

    private static void logs(Optional<Path> dir, String label) {
        LogSink sink = LogsService.builder().dataDir(dir).build().asLogSink();
        int lines = 50_000;
        for (int i = 0; i < 5_000; i++) {
            sink.append("/aws/lambda/warm", "s", System.currentTimeMillis(), "warm-up line " + i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < lines; i++) {
            sink.append("/aws/lambda/bench", "2026/11/26/[$LATEST]" + (i % 4), System.currentTimeMillis(),
                    "INFO handled request " + i + " in 3 ms");
        }
        double micros = (System.nanoTime() - t0) / 1000.0 / lines;
        System.out.printf("%-45s %8.2f us per line (%d lines)%n", label, micros, lines);
    }

    private static void print(String label, Histogram h) {
        System.out.printf("%-45s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", label,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
