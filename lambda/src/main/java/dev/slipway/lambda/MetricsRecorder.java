package dev.slipway.lambda;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps per-function counters and a window of recent durations. */
final class MetricsRecorder {
    private static final int WINDOW = 4096;

    private static final class Series {
        long invocations;
        long errors;
        long throttles;
        long coldStarts;
        final double[] durations = new double[WINDOW];
        int next;
        int filled;
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    void invoked(String function, boolean error, boolean cold, double millis) {
        Series s = series.computeIfAbsent(function, k -> new Series());
        synchronized (s) {
            s.invocations++;
            if (error) {
                s.errors++;
            }
            if (cold) {
                s.coldStarts++;
            }
            s.durations[s.next] = millis;
            s.next = (s.next + 1) % WINDOW;
            s.filled = Math.min(WINDOW, s.filled + 1);
        }
    }

    void throttled(String function) {
        Series s = series.computeIfAbsent(function, k -> new Series());
        synchronized (s) {
            s.throttles++;
        }
    }

    FunctionMetrics metrics(String function) {
        Series s = series.get(function);
        if (s == null) {
            return new FunctionMetrics(0, 0, 0, 0, 0, 0, 0);
        }
        synchronized (s) {
            double[] d = Arrays.copyOf(s.durations, s.filled);
            Arrays.sort(d);
            return new FunctionMetrics(s.invocations, s.errors, s.throttles, s.coldStarts, pct(d, 0.50), pct(d, 0.99),
                    d.length == 0 ? 0 : d[d.length - 1]);
        }
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
