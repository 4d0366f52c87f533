package dev.slipway.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.deploy.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Traffic shifting on an in-process local cloud, through the Lambda API only (functions, versions
 * and the alias made with the SDK's LambdaClient, as a stack update leaves them), under steady
 * traffic from a test client invoking the alias.
 */
class TrafficShifterTest {
    @TempDir
    static Path work;

    static LocalCloud cloud;
    static LambdaClient lambda;
    static Target target;
    static byte[] code;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.builder().port(0).start();
        target = Target.local(URI.create(cloud.url()));
        lambda = target.lambda();
        code = zip();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        cloud.close();
    }

    /** The release fixtures' classes at the zip's root, as Lambda takes them. */
    static byte[] zip() throws Exception {
        Path classes = Path.of(TrafficShifterTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path zip = work.resolve("fn.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> files = Files.walk(classes.resolve("dev/slipway/deploy/release/fn"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return Files.readAllBytes(zip);
    }

    /** A function with version 1 behind alias live, and version 2 published with {@code v2Env}; the change 1 → 2. */
    static Change twoVersions(String name, String handler, Map<String, String> v2Env) {
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).handler(handler).memorySize(256)
                .timeout(20).role("arn:aws:iam::000000000000:role/lambda")
                .environment(e -> e.variables(Map.of("RELEASE", "1")))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
        lambda.publishVersion(b -> b.functionName(name));
        lambda.createAlias(b -> b.functionName(name).name("live").functionVersion("1"));
        Map<String, String> env = new HashMap<>(v2Env);
        env.put("RELEASE", "2");
        lambda.updateFunctionConfiguration(b -> b.functionName(name).environment(e -> e.variables(env)));
        assertThat(lambda.publishVersion(b -> b.functionName(name)).version()).isEqualTo("2");
        return new Change(name, name, Optional.of("1"), "2");
    }

    static ReleaseSettings canary(int minInvocations, Optional<String> preHook) {
        return new ReleaseSettings(Strategy.find("Canary10Percent5Minutes").orElseThrow(), preHook, Optional.empty(),
                List.of(), new ReleaseSettings.Gates(0.05, OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), minInvocations));
    }

    /** Records what the live display would show. */
    static final class Recorder implements TrafficShifter.Listener {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void shifted(Change change, int percent, Duration hold) {
            lines.add(change.function() + " " + percent + "%");
        }

        @Override
        public void reading(Change change, String reading) {
            lines.add(change.function() + " " + reading);
        }

        @Override
        public void note(String message) {
            lines.add(message);
        }
    }

    Shift.Result release(Change change, ReleaseSettings settings, Recorder recorder) {
        try (TrafficShifter shifter = TrafficShifter.builder(target).lambda(lambda)
                .settings(Map.of(change.function(), settings)).speed(1000).listener(recorder).build()) {
            return shifter.run("test-" + change.function(), List.of(change));
        }
    }

    static AliasConfiguration alias(String function) {
        var a = lambda.getAlias(b -> b.functionName(function).name("live"));
        return AliasConfiguration.builder().functionVersion(a.functionVersion()).routingConfig(a.routingConfig()).build();
    }

    @Test
    void aCanaryOfAVersionFailingHalfItsRequests_firesTheGate_andTrafficReturnsToTheOldVersion() throws Exception {
        Change change = twoVersions("shift-bad", "dev.slipway.deploy.release.fn.Versioned",
                Map.of("FAIL_EVERY_OTHER", "true"));
        Recorder recorder = new Recorder();
        Shift.Result result;
        List<SteadyTraffic.Sample> during;
        List<SteadyTraffic.Sample> after;
        try (SteadyTraffic traffic = new SteadyTraffic(lambda, "shift-bad", "live", 3)) {
            traffic.awaitAnswersAfter(0, 5);
            long before = System.nanoTime();
            result = release(change, canary(10, Optional.empty()), recorder);
            long rolledBack = System.nanoTime();
            traffic.awaitAnswersAfter(rolledBack, 50);
            during = traffic.samples.stream().filter(s -> s.startedNanos() > before && s.startedNanos() < rolledBack)
                    .toList();
            after = traffic.startedAfter(rolledBack);
        }
        assertThat(result.outcome()).as(recorder.lines.toString()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).contains("shift-bad version 2: error rate").contains("is above 5.0%")
                .contains("Rolled back: all traffic is on shift-bad v1 again");
        assertThat(during).as("the canary sent requests to the new version")
                .anyMatch(s -> s.executedVersion().equals("2") && s.failed());
        assertThat(alias("shift-bad").functionVersion()).isEqualTo("1");
        assertThat(noRouting(alias("shift-bad"))).isTrue();
        assertThat(after).as("requests that started after the rollback").hasSizeGreaterThanOrEqualTo(50)
                .allSatisfy(s -> assertThat(s.executedVersion()).isEqualTo("1"))
                .noneMatch(SteadyTraffic.Sample::failed);
        assertThat(recorder.lines).contains("shift-bad 10%").doesNotContain("shift-bad 100%")
                .anyMatch(l -> l.startsWith("shift-bad FAILED: shift-bad version 2: error rate"));
    }

    @Test
    void aCanaryOfAGoodVersion_completesTheShift_thenRunsThePostTrafficHook() throws Exception {
        Change change = twoVersions("shift-good", "dev.slipway.deploy.release.fn.Versioned", Map.of());
        lambda.createFunction(b -> b.functionName("shift-check").runtime(Runtime.JAVA21)
                .handler("dev.slipway.deploy.release.fn.Hook").memorySize(256).timeout(20)
                .role("arn:aws:iam::000000000000:role/lambda").code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
        Recorder recorder = new Recorder();
        Shift.Result result;
        List<SteadyTraffic.Sample> during;
        List<SteadyTraffic.Sample> after;
        try (SteadyTraffic traffic = new SteadyTraffic(lambda, "shift-good", "live", 3)) {
            traffic.awaitAnswersAfter(0, 5);
            long before = System.nanoTime();
            ReleaseSettings withHook = canary(10, Optional.empty());
            withHook = new ReleaseSettings(withHook.strategy(), Optional.empty(), Optional.of("shift-check"), List.of(),
                    withHook.gates());
            result = release(change, withHook, recorder);
            long done = System.nanoTime();
            traffic.awaitAnswersAfter(done, 30);
            during = traffic.samples.stream().filter(s -> s.startedNanos() > before && s.startedNanos() < done).toList();
            after = traffic.startedAfter(done);
        }
        assertThat(result.outcome()).as(result.reason() + recorder.lines).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.reason()).isEmpty();
        assertThat(alias("shift-good").functionVersion()).isEqualTo("2");
        assertThat(noRouting(alias("shift-good"))).isTrue();
        assertThat(during).anyMatch(s -> s.executedVersion().equals("1")).anyMatch(s -> s.executedVersion().equals("2"))
                .noneMatch(SteadyTraffic.Sample::failed);
        assertThat(after).allSatisfy(s -> assertThat(s.executedVersion()).isEqualTo("2"));
        assertThat(recorder.lines).containsSubsequence("shift-good 10%", "shift-good 100%",
                        "PostTraffic hook shift-check for shift-good 1 → 2")
                .anyMatch(l -> l.matches("shift-good v2: \\d+ invocations, 0 errors \\(0\\.0%\\).*"));
    }

    @Test
    void aFailingPreTrafficHook_failsTheRelease_beforeAnyTrafficMoves() throws Exception {
        Change change = twoVersions("shift-hooked", "dev.slipway.deploy.release.fn.Versioned", Map.of());
        lambda.createFunction(b -> b.functionName("shift-smoke").runtime(Runtime.JAVA21)
                .handler("dev.slipway.deploy.release.fn.Hook").memorySize(256).timeout(20)
                .role("arn:aws:iam::000000000000:role/lambda").environment(e -> e.variables(Map.of("HOOK_FAILS", "true")))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
        Recorder recorder = new Recorder();
        Shift.Result result = release(change, canary(0, Optional.of("shift-smoke")), recorder);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("PreTraffic hook shift-smoke for shift-hooked failed: smoke test of "
                + "version 2 failed").contains("Rolled back: all traffic is on shift-hooked v1 again");
        assertThat(recorder.lines).noneMatch(l -> l.endsWith("%"));
        assertThat(alias("shift-hooked").functionVersion()).isEqualTo("1");
    }

    static boolean noRouting(AliasConfiguration a) {
        return a.routingConfig() == null || a.routingConfig().additionalVersionWeights().isEmpty();
    }
}
