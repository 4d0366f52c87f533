package dev.slipway.deploy.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The local cloud's gate: error rate and latency percentiles of the new version, counted from the
 * invocations it served since the release started (other versions' failures do not count).
 */
final class MetricsGate implements Gate {
    private final LocalMetrics metrics;
    private final String function;
    private final String version;
    private final ReleaseSettings.Gates limits;
    private final LocalMetrics.Reading baseline;
    private volatile long seen;

    MetricsGate(LocalMetrics metrics, String function, String version, ReleaseSettings.Gates limits) {
        this.metrics = metrics;
        this.function = function;
        this.version = version;
        this.limits = limits;
        this.baseline = metrics.read(function, version, 0);
    }

    @Override
    public Reading read() {
        LocalMetrics.Reading now = metrics.read(function, version, baseline.invocations());
        long n = now.invocations() - baseline.invocations();
        long errors = now.errors() - baseline.errors();
        seen = n;
        double rate = n == 0 ? 0 : (double) errors / n;
        String text = String.format(Locale.ROOT, "v%s: %d invocation%s, %d error%s (%.1f%%), p50 %.0f ms, p90 %.0f ms, "
                + "p99 %.0f ms", version, n, n == 1 ? "" : "s", errors, errors == 1 ? "" : "s", 100 * rate,
                now.p50Millis(), now.p90Millis(), now.p99Millis());
        if (n == 0 || n < limits.minInvocations()) {
            return Reading.ok(text);
        }
        List<String> broken = new ArrayList<>();
        if (rate > limits.maxErrorRate()) {
            broken.add(String.format(Locale.ROOT, "error rate %.1f%% (%d of %d invocations) is above %.1f%%",
                    100 * rate, errors, n, 100 * limits.maxErrorRate()));
        }
        over("p50", now.p50Millis(), limits.maxP50Millis(), broken);
        over("p90", now.p90Millis(), limits.maxP90Millis(), broken);
        over("p99", now.p99Millis(), limits.maxP99Millis(), broken);
        return broken.isEmpty() ? Reading.ok(text)
                : Reading.failed(function + " version " + version + ": " + String.join("; ", broken));
    }

    private static void over(String name, double value, OptionalDouble max, List<String> broken) {
        if (max.isPresent() && value > max.getAsDouble()) {
            broken.add(String.format(Locale.ROOT, "%s latency %.0f ms is above %.0f ms", name, value, max.getAsDouble()));
        }
    }

    @Override
    public boolean satisfied() {
        return seen >= limits.minInvocations();
    }
}
