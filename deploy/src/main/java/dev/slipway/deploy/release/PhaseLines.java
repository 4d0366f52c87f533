package dev.slipway.deploy.release;

import java.time.Duration;
import java.util.Map;

/** A release's progress as the deployment's phase lines, which {@code slipway deploy} prints live. */
final class PhaseLines {
    private PhaseLines() {}

    /** Progress as phase lines: {@code users: 10% on v4, 90% on v3 (holding 30s)}. */
    static TrafficShifter.Listener of(dev.slipway.deploy.DeployListener phases, Map<String, ReleaseSettings> settings) {
        return new TrafficShifter.Listener() {
            @Override
            public void shifted(Change c, int percent, Duration hold) {
                String from = c.fromVersion().orElse("?");
                int min = settings.getOrDefault(c.function(), ReleaseSettings.allAtOnce()).gates().minInvocations();
                phases.phase(c.function() + ": " + (percent >= 100 ? "100% on v" + c.toVersion()
                        : percent + "% on v" + c.toVersion() + ", " + (100 - percent) + "% on v" + from)
                        + (hold.isZero() ? "" : " (holding " + seconds(hold)
                                + (min > 0 ? ", and until v" + c.toVersion() + " served " + min + " invocations" : "")
                                + ")"));
            }

            @Override
            public void reading(Change c, String reading) {
                phases.phase("  " + c.function() + " gate: " + reading);
            }

            @Override
            public void note(String message) {
                phases.phase(message);
            }
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() < 10_000 ? String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0)
                : d.toSeconds() + "s";
    }
}
