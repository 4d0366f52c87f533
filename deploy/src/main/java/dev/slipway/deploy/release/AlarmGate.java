package dev.slipway.deploy.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * AWS's gate, as CodeDeploy's alarm monitoring does it: the named CloudWatch alarms are read with
 * DescribeAlarms, and any of them in ALARM fails the release. Alarms the user chose to ignore
 * ({@code --ignore-alarms}: those already firing when the release started) do not count.
 */
final class AlarmGate implements Gate {
    private final CloudWatchClient cloudWatch;
    private final List<String> alarms;
    private final Set<String> ignored;

    AlarmGate(CloudWatchClient cloudWatch, List<String> alarms, Set<String> ignored) {
        this.cloudWatch = cloudWatch;
        this.alarms = List.copyOf(alarms);
        this.ignored = Set.copyOf(ignored);
    }

    /** The named alarms as CloudWatch has them now (at most 100 names per call, as DescribeAlarms allows). */
    static List<MetricAlarm> describe(CloudWatchClient cloudWatch, List<String> names) {
        List<MetricAlarm> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 100) {
            List<String> page = names.subList(i, Math.min(names.size(), i + 100));
            cloudWatch.describeAlarmsPaginator(b -> b.alarmNames(page)).metricAlarms().forEach(out::add);
        }
        return out;
    }

    @Override
    public Reading read() {
        List<String> firing = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (MetricAlarm a : describe(cloudWatch, alarms)) {
            states.add(a.alarmName() + " " + a.stateValueAsString() + (ignored.contains(a.alarmName()) ? " (ignored)" : ""));
            if (a.stateValue() == StateValue.ALARM && !ignored.contains(a.alarmName())) {
                firing.add("alarm " + a.alarmName() + " is in ALARM"
                        + (a.stateReason() == null || a.stateReason().isBlank() ? "" : " (" + a.stateReason() + ")"));
            }
        }
        return firing.isEmpty() ? Reading.ok("alarms: " + String.join(", ", states))
                : Reading.failed(String.join("; ", firing));
    }
}
