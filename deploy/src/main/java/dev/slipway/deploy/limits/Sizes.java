package dev.slipway.deploy.limits;

import java.util.Locale;

/** Sizes as people read them: "61.2 MB (64,172,032 bytes)", with Lambda's MB of 1,024 KB. */
public final class Sizes {
    private Sizes() {}

    public static String human(long bytes) {
        if (bytes >= 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
        }
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }

    static String exact(long bytes) {
        return human(bytes) + " (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)";
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }
}
