package dev.slipway.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local gate's judgement, over canned answers of the local cloud's metrics endpoint (the
 * endpoint itself is tested in the lambda module, and end to end by TrafficShifterTest).
 */
class MetricsGateTest {
    HttpServer server;
    final AtomicReference<String> answer = new AtomicReference<>();
    final List<String> asked = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_slipway/lambda/metrics/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void metrics(long invocations, long errors, double p50, double p90, double p99) {
        answer.set("""
                {"invocations":%d,"errors":%d,"windowInvocations":0,"p50Millis":%s,"p90Millis":%s,"p99Millis":%s}"""
                .formatted(invocations, errors, p50, p90, p99));
    }

    MetricsGate gate(ReleaseSettings.Gates limits) {
        return new MetricsGate(new LocalMetrics(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                "fn", "7", limits);
    }

    static ReleaseSettings.Gates limits(double maxErrorRate, Double maxP90, int minInvocations) {
        return new ReleaseSettings.Gates(maxErrorRate, OptionalDouble.empty(),
                maxP90 == null ? OptionalDouble.empty() : OptionalDouble.of(maxP90), OptionalDouble.empty(), minInvocations);
    }

    @Test
    void countsOnlyWhatTheNewVersionServedSinceTheGateStarted() {
        metrics(100, 40, 5, 5, 5);
        MetricsGate gate = gate(limits(0.05, null, 0));
        metrics(120, 40, 5, 6, 7);
        Gate.Reading r = gate.read();
        assertThat(r.failed()).isFalse();
        assertThat(r.text()).isEqualTo("v7: 20 invocations, 0 errors (0.0%), p50 5 ms, p90 6 ms, p99 7 ms");
        assertThat(asked).containsExactly("/_slipway/lambda/metrics/fn?Version=7&After=0",
                "/_slipway/lambda/metrics/fn?Version=7&After=100");
    }

    @Test
    void anErrorRateAboveTheLimit_fails() {
        metrics(0, 0, 0, 0, 0);
        MetricsGate gate = gate(limits(0.05, null, 0));
        metrics(12, 6, 5, 6, 7);
        Gate.Reading r = gate.read();
        assertThat(r.failed()).isTrue();
        assertThat(r.text()).isEqualTo("fn version 7: error rate 50.0% (6 of 12 invocations) is above 5.0%");
    }

    @Test
    void aLatencyPercentileAboveTheLimit_fails() {
        metrics(0, 0, 0, 0, 0);
        MetricsGate gate = gate(limits(0.05, 250.0, 0));
        metrics(30, 0, 40, 900, 1200);
        assertThat(gate.read()).isEqualTo(Gate.Reading.failed("fn version 7: p90 latency 900 ms is above 250 ms"));
    }

    @Test
    void belowMinInvocations_nothingIsJudged_andTheStepMayNotEnd() {
        metrics(0, 0, 0, 0, 0);
        MetricsGate gate = gate(limits(0.05, null, 10));
        metrics(4, 2, 5, 5, 5);
        assertThat(gate.read().failed()).isFalse();
        assertThat(gate.satisfied()).isFalse();
        metrics(10, 2, 5, 5, 5);
        assertThat(gate.read().failed()).isTrue();
        assertThat(gate.satisfied()).isTrue();
    }

    @Test
    void noTrafficYet_passes() {
        metrics(0, 0, 0, 0, 0);
        MetricsGate gate = gate(limits(0.0, 1.0, 0));
        assertThat(gate.read()).isEqualTo(Gate.Reading.ok(
                "v7: 0 invocations, 0 errors (0.0%), p50 0 ms, p90 0 ms, p99 0 ms"));
    }
}
