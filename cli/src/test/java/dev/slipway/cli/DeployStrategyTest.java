package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.protocol.AwsDefaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code slipway deploy} with a canary strategy and {@code --shift-speed}, against a real local
 * cloud, under steady HTTP traffic through API Gateway: a release failing half its requests trips
 * the gate and goes back to the previous version (the command fails with the reason); a good
 * release completes the shift.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployStrategyTest {
    @TempDir
    static Path service;

    static LocalCloud cloud;
    static LambdaClient lambda;
    static String endpoint;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** One HTTP request: when it started (nanoTime), its status and body. */
    record Sample(long startedNanos, int status, String body) {}

    /** A client sending GET /half without pause on two threads. */
    static final class Traffic implements AutoCloseable {
        final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        final HttpClient http = HttpClient.newHttpClient();

        Traffic(String url) {
            for (int i = 0; i < 2; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            samples.add(new Sample(start, r.statusCode(), r.body()));
                        } catch (Exception e) {
                            samples.add(new Sample(start, -1, e.toString()));
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        List<Sample> after(long nanos) {
            return samples.stream().filter(s -> s.startedNanos() > nanos).toList();
        }

        void awaitAfter(long nanos, int n) throws InterruptedException {
            while (after(nanos).size() < n) {
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    @BeforeAll
    static void startCloudAndWriteService() throws Exception {
        cloud = LocalCloud.builder().port(0).start();
        lambda = LambdaClient.builder().endpointOverride(URI.create(cloud.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY))).build();
        TestJars.write(service.resolve("target/app.jar"), "dev/slipway/cli/shiftfn", Map.of());
        writeService("false", "1");
    }

    static void writeService(String failEveryOther, String release) throws Exception {
        Files.writeString(service.resolve("serverless.yml"), """
                service: shift
                provider:
                  name: aws
                  runtime: java21
                  memorySize: 256
                  timeout: 20
                  environment:
                    FAIL_EVERY_OTHER: '%s'
                    RELEASE: '%s'
                package:
                  artifact: target/app.jar
                functions:
                  api:
                    handler: dev.slipway.cli.shiftfn.HalfBroken
                    events:
                      - http: GET /half
                custom:
                  slipway:
                    deployment: Canary10Percent5Minutes
                    deploymentSettings:
                      maxErrorRate: 0.05
                      minInvocations: 10
                """.formatted(failEveryOther, release));
    }

    @AfterAll
    static void stopCloud() {
        lambda.close();
        cloud.close();
    }

    int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    String[] target(String command, String... more) {
        String[] base = {command, "--dir", service.toString(), "--stage", "qa", "--endpoint", cloud.url()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static String live() {
        return lambda.getAlias(b -> b.functionName("shift-qa-api").name("live")).functionVersion();
    }

    @Test
    @Order(1)
    void firstDeploy_putsTheAliasOnVersion1() {
        assertThat(run(target("deploy"))).as(err + "\n" + out).isZero();
        Matcher m = Pattern.compile("endpoint: (\\S+)").matcher(out.toString());
        assertThat(m.find()).isTrue();
        endpoint = m.group(1) + "/half";
        assertThat(live()).isEqualTo("1");
    }

    @Test
    @Order(2)
    void aCanaryFailingHalfItsRequests_tripsTheGate_rollsBack_andTheCommandFailsWithTheReason() throws Exception {
        writeService("true", "2");
        int code;
        List<Sample> during;
        List<Sample> after;
        try (Traffic traffic = new Traffic(endpoint)) {
            traffic.awaitAfter(0, 5);
            long start = System.nanoTime();
            code = run(target("deploy", "--shift-speed", "1000"));
            long done = System.nanoTime();
            traffic.awaitAfter(done, 40);
            during = traffic.samples.stream().filter(s -> s.startedNanos() > start && s.startedNanos() < done).toList();
            after = traffic.after(done);
        }
        assertThat(code).as(out.toString()).isNotZero();
        assertThat(err.toString()).contains("the release of shift-qa failed: shift-qa-api version 2: error rate")
                .contains("is above 5.0%").contains("Rolled back: all traffic is on api v1 again");
        assertThat(out.toString()).contains("api: 10% on v2, 90% on v1 (holding 0.3s, and until v2 served 10 invocations)")
                .containsPattern("api gate: FAILED: shift-qa-api version 2: error rate");
        assertThat(during).as("the canary reached the bad version").anyMatch(s -> s.status() == 502);
        assertThat(live()).isEqualTo("1");
        assertThat(after).as("requests sent after the rollback").hasSizeGreaterThanOrEqualTo(40)
                .allSatisfy(s -> assertThat(s).isEqualTo(new Sample(s.startedNanos(), 200, "version 1")));
    }

    @Test
    @Order(3)
    void theFailedRelease_isInTheHistory() {
        assertThat(run(target("deployments"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Canary10Percent5Minutes").contains("FAILED");
    }

    @Test
    @Order(4)
    void aGoodCanary_completesTheShift() throws Exception {
        writeService("false", "3");
        int code;
        List<Sample> after;
        try (Traffic traffic = new Traffic(endpoint)) {
            traffic.awaitAfter(0, 5);
            code = run(target("deploy", "--shift-speed", "1000"));
            long done = System.nanoTime();
            traffic.awaitAfter(done, 20);
            after = traffic.after(done);
        }
        assertThat(code).as(err + "\n" + out).isZero();
        assertThat(out.toString()).contains("api: 10% on v3, 90% on v1").contains("api: 100% on v3")
                .containsPattern("api gate: v3: \\d+ invocations, 0 errors \\(0\\.0%\\)");
        assertThat(live()).isEqualTo("3");
        assertThat(after).allSatisfy(s -> assertThat(s).isEqualTo(new Sample(s.startedNanos(), 200, "version 3")));
    }

    @Test
    @Order(5)
    void anUnknownStrategy_isRefusedWithTheKnownNames() {
        assertThat(run(target("deploy", "--strategy", "Canary50Percent"))).isNotZero();
        assertThat(err.toString()).contains("--strategy: unknown deployment strategy \"Canary50Percent\"")
                .contains("Linear10PercentEvery1Minute");
    }
}
