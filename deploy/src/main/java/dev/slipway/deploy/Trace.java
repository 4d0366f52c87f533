package dev.slipway.deploy;

/**
 * Phase timestamps for finding where a command's time goes: with the environment variable
 * {@code SLIPWAY_TRACE} set, each {@link #mark} prints one line to stderr with the milliseconds
 * since the JVM started. Without it a mark costs one field read.
 */
public final class Trace {
    private static final boolean ON = System.getenv("SLIPWAY_TRACE") != null;
    private static final long JVM_START = ON ? ProcessHandle.current().info().startInstant()
            .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis()) : 0;

    private Trace() {}

    public static boolean enabled() {
        return ON;
    }

    public static void mark(String what) {
        if (ON) {
            System.err.printf("[trace %5d ms] %s%n", System.currentTimeMillis() - JVM_START, what);
        }
    }
}
