package dev.slipway.lambda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps counters and a window of recent durations per function and executed version, so release
 * gates can read how the new version of a function behaves while traffic shifts to it.
 */
final class MetricsRecorder {
    static final int WINDOW = 4096;

    private static final class Series {
        long invocations;
        long errors;
        long throttles;
        long coldStarts;
        /** The ring of recent invocations; entry i of the ring is invocation number sequence[i] (1-based). */
        final double[] durations = new double[WINDOW];
        final boolean[] failed = new boolean[WINDOW];
        final long[] sequence = new long[WINDOW];
        int next;
        int filled;
    }

    /** function → executed version → series. */
    private final Map<String, Map<String, Series>> series = new ConcurrentHashMap<>();

    void invoked(String function, String version, boolean error, boolean cold, double millis) {
        Series s = series(function, version);
        synchronized (s) {
            s.invocations++;
            if (error) {
                s.errors++;
            }
            if (cold) {
                s.coldStarts++;
            }
            s.durations[s.next] = millis;
            s.failed[s.next] = error;
            s.sequence[s.next] = s.invocations;
            s.next = (s.next + 1) % WINDOW;
            s.filled = Math.min(WINDOW, s.filled + 1);
        }
    }

    void throttled(String function, String version) {
        Series s = series(function, version);
        synchronized (s) {
            s.throttles++;
        }
    }

    private Series series(String function, String version) {
        return series.computeIfAbsent(function, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(version, v -> new Series());
    }

    /** All versions of a function together. */
    FunctionMetrics metrics(String function) {
        long invocations = 0;
        long errors = 0;
        long throttles = 0;
        long cold = 0;
        List<double[]> windows = new ArrayList<>();
        for (Series s : series.getOrDefault(function, Map.of()).values()) {
            synchronized (s) {
                invocations += s.invocations;
                errors += s.errors;
                throttles += s.throttles;
                cold += s.coldStarts;
                windows.add(Arrays.copyOf(s.durations, s.filled));
            }
        }
        double[] d = windows.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new FunctionMetrics(invocations, errors, throttles, cold, pct(d, 0.50), pct(d, 0.99),
                d.length == 0 ? 0 : d[d.length - 1]);
    }

    /** One version of a function; the window holds its invocations numbered above {@code after}. */
    VersionMetrics metrics(String function, String version, long after) {
        Series s = series.getOrDefault(function, Map.of()).get(version);
        if (s == null) {
            return new VersionMetrics(function, version, 0, 0, 0, 0, after, 0, 0, 0, 0, 0, 0);
        }
        synchronized (s) {
            double[] d = new double[s.filled];
            int n = 0;
            long windowErrors = 0;
            for (int i = 0; i < s.filled; i++) {
                if (s.sequence[i] > after) {
                    d[n++] = s.durations[i];
                    windowErrors += s.failed[i] ? 1 : 0;
                }
            }
            d = Arrays.copyOf(d, n);
            Arrays.sort(d);
            return new VersionMetrics(function, version, s.invocations, s.errors, s.throttles, s.coldStarts, after, n,
                    windowErrors, pct(d, 0.50), pct(d, 0.90), pct(d, 0.99), n == 0 ? 0 : d[n - 1]);
        }
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
