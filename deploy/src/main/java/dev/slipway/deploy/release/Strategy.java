package dev.slipway.deploy.release;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How traffic moves from a function's old version to its new one, named as CodeDeploy names its
 * Lambda deployment configurations (and SAM's {@code DeploymentPreference.Type}): a list of steps,
 * each putting a percentage of the alias's traffic on the new version and then waiting while the
 * gates watch it. The last step always puts 100 % on the new version.
 *
 * <ul>
 *   <li>{@code AllAtOnce}: 100 % at once.</li>
 *   <li>{@code Canary10Percent5Minutes} (10, 15, 30): 10 % for that long, then 100 %.</li>
 *   <li>{@code Linear10PercentEvery1Minute} (2, 3, 10 Minutes): 10 % more every interval.</li>
 *   <li>{@code BlueGreen}: 100 % at once after the pre-traffic hook passed on the new version, then
 *       5 minutes of watching during which a failing gate switches back instantly.</li>
 * </ul>
 *
 * @param name the canonical name, e.g. {@code Canary10Percent5Minutes}
 * @param steps in order; the last one is at 100 %
 */
public record Strategy(String name, List<Step> steps) {
    /** One step: {@code percent} of traffic on the new version, held for {@code hold} (before speed-up). */
    public record Step(int percent, Duration hold) {}

    public static final String ALL_AT_ONCE = "AllAtOnce";
    public static final String BLUE_GREEN = "BlueGreen";
    private static final Map<String, Strategy> KNOWN = new LinkedHashMap<>();

    static {
        add(new Strategy(ALL_AT_ONCE, List.of(new Step(100, Duration.ZERO))));
        for (int minutes : new int[] {5, 10, 15, 30}) {
            add(new Strategy("Canary10Percent" + minutes + "Minutes",
                    List.of(new Step(10, Duration.ofMinutes(minutes)), new Step(100, Duration.ZERO))));
        }
        for (int minutes : new int[] {1, 2, 3, 10}) {
            List<Step> steps = new ArrayList<>();
            for (int p = 10; p < 100; p += 10) {
                steps.add(new Step(p, Duration.ofMinutes(minutes)));
            }
            steps.add(new Step(100, Duration.ZERO));
            add(new Strategy("Linear10PercentEvery" + minutes + (minutes == 1 ? "Minute" : "Minutes"), steps));
        }
        add(new Strategy(BLUE_GREEN, List.of(new Step(100, Duration.ofMinutes(5)))));
    }

    public Strategy {
        steps = List.copyOf(steps);
    }

    private static void add(Strategy s) {
        KNOWN.put(s.name.toLowerCase(Locale.ROOT), s);
    }

    /** Every strategy's canonical name, in the order the docs list them. */
    public static List<String> names() {
        return KNOWN.values().stream().map(Strategy::name).toList();
    }

    /**
     * The strategy of that name, case-insensitively; CodeDeploy's full names
     * ({@code CodeDeployDefault.LambdaCanary10Percent5Minutes}) are accepted too.
     */
    public static Optional<Strategy> find(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        n = n.startsWith("codedeploydefault.lambda") ? n.substring("codedeploydefault.lambda".length()) : n;
        return Optional.ofNullable(KNOWN.get(n));
    }

    /** Whether traffic moves in more than one step, or is watched after the switch. */
    public boolean gradual() {
        return !name.equals(ALL_AT_ONCE);
    }

    /** The whole time the strategy holds its steps, before speed-up. */
    public Duration duration() {
        return steps.stream().map(Step::hold).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return name;
    }
}
