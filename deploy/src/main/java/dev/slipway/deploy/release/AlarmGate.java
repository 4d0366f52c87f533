package dev.slipway.deploy.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * AWS's gate, as CodeDeploy's alarm monitoring does it: the named CloudWatch alarms are read with
 * DescribeAlarms, and any of them in ALARM fails the release. Alarms the user chose to ignore
 * ({@code --ignore-alarms}: those already firing when the release started) do not count.
 */
final class AlarmGate implements Gate {
    private final CloudWatchAlarms cloudWatch;
    private final List<String> alarms;
    private final Set<String> ignored;

    AlarmGate(CloudWatchAlarms cloudWatch, List<String> alarms, Set<String> ignored) {
        this.cloudWatch = cloudWatch;
        this.alarms = List.copyOf(alarms);
        this.ignored = ignored;
    }

    @Override
    public Reading read() {
        List<String> firing = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (CloudWatchAlarms.Alarm a : cloudWatch.describe(alarms)) {
            boolean skip = ignored.contains(a.name());
            states.add(a.name() + " " + a.state() + (skip ? " (ignored)" : ""));
            if (a.state().equals("ALARM") && !skip) {
                firing.add("alarm " + a.name() + " is in ALARM" + (a.reason().isBlank() ? "" : " (" + a.reason() + ")"));
            }
        }
        return firing.isEmpty() ? Reading.ok("alarms: " + String.join(", ", states))
                : Reading.failed(String.join("; ", firing));
    }
}
