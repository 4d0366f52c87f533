package dev.slipway.deploy.release;

import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Moves each changed function's alias from its old version to its new one by the function's
 * {@link Strategy}, after the stack update published the new versions without moving traffic:
 *
 * <ol>
 *   <li>on AWS, the named CloudWatch alarms must exist and none may be firing already (unless
 *       {@code ignoreAlarms}: then those already firing are ignored, the others still watched);</li>
 *   <li>pre-traffic hooks run against the new versions, with no traffic on them;</li>
 *   <li>every function's steps run side by side; while a step holds, the gates are read (the new
 *       version's own metrics on the local cloud, the alarms on AWS);</li>
 *   <li>post-traffic hooks run once all traffic is on the new versions.</li>
 * </ol>
 *
 * Any failure puts every alias back on its old version with no routing (an instant switch;
 * requests already running finish where they started) and the result names the reason. Weights
 * move only through UpdateAlias, so the same code runs against AWS and the local cloud.
 *
 * <pre>{@code
 * TrafficShifter shifter = TrafficShifter.builder(target).alias("live").settings(ReleaseSettings.of(service, strategy))
 *         .speed(60).listener(listener).build();
 * Shift.Result r = shifter.run(deployment.id(), deployment.changes());
 * }</pre>
 */
public final class TrafficShifter implements AutoCloseable {
    /** Live progress of a release. */
    public interface Listener {
        /** The alias now sends {@code percent} of its traffic to the new version, held for {@code hold}. */
        void shifted(Change change, int percent, Duration hold);

        /** What the gates read while a step holds (at its end, and every few seconds of a long hold). */
        void reading(Change change, String reading);

        /** Hooks, ignored alarms, the rollback. */
        void note(String message);

        Listener SILENT = new Listener() {
            @Override
            public void shifted(Change change, int percent, Duration hold) {}

            @Override
            public void reading(Change change, String reading) {}

            @Override
            public void note(String message) {}
        };
    }

    private final Target target;
    private final LambdaClient lambda;
    private final boolean ownsLambda;
    private final AliasRouter router;
    private final Map<String, ReleaseSettings> settings;
    private final double speed;
    private final boolean ignoreAlarms;
    private final Listener listener;
    private final Duration poll;
    /** Set when the JVM is exiting mid-shift: no step may move traffic any more. */
    private volatile boolean stopped;

    private TrafficShifter(Builder b) {
        this.target = b.target;
        this.ownsLambda = b.lambda == null;
        this.lambda = b.lambda == null ? b.target.lambda() : b.lambda;
        this.router = new AliasRouter(lambda, b.alias);
        this.settings = Map.copyOf(b.settings);
        this.speed = b.speed;
        this.ignoreAlarms = b.ignoreAlarms;
        this.listener = b.listener;
        this.poll = target.isLocal() || target.endpoint().isPresent() ? Duration.ofMillis(100) : Duration.ofSeconds(5);
    }

    public static Builder builder(Target target) {
        return new Builder(target);
    }

    /** Whether this function's release needs the shifter (a gradual strategy or a hook); else the alias can just move. */
    public static boolean needed(ReleaseSettings s) {
        return s.strategy().gradual() || s.preTrafficHook().isPresent() || s.postTrafficHook().isPresent()
                || !s.alarms().isEmpty();
    }

    /** Shifts the changes' aliases; never throws for a failed gate or hook: the result says it. */
    public Shift.Result run(String deploymentId, List<Change> changes) {
        List<Change> moving = changes.stream()
                .filter(c -> c.fromVersion().isPresent() && !c.fromVersion().get().equals(c.toVersion())).toList();
        if (moving.isEmpty()) {
            return new Shift.Result(Outcome.SUCCEEDED, "");
        }
        Set<String> ignored = new LinkedHashSet<>();
        Map<Change, List<Gate>> gates = new LinkedHashMap<>();
        CloudWatchAlarms cloudWatch = target.isLocal() ? null : new CloudWatchAlarms(target);
        // Ctrl-C or a kill while traffic is split: put the aliases back before the JVM exits
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Thread guard = new Thread(() -> {
            if (finished.compareAndSet(false, true)) {
                stopped = true;
                listener.note("Interrupted while shifting traffic: putting the aliases back");
                rollBack(moving);
            }
        }, "slipway-shift-guard");
        Runtime.getRuntime().addShutdownHook(guard);
        try {
            Optional<String> blocked = checkAlarms(moving, cloudWatch, ignored);
            if (blocked.isPresent()) {
                return new Shift.Result(Outcome.FAILED, blocked.get());
            }
            Optional<String> failure = hooks(Hooks.PRE_TRAFFIC, deploymentId, moving);
            if (failure.isEmpty()) {
                // the gates count from here: a pre-traffic hook's own calls to the new version do not count
                for (Change c : moving) {
                    gates.put(c, gates(c, cloudWatch, ignored));
                }
                failure = new Steps(router, settings, speed, poll, listener, () -> stopped).run(moving, gates);
            }
            if (failure.isEmpty()) {
                failure = hooks(Hooks.POST_TRAFFIC, deploymentId, moving);
            }
            if (failure.isPresent()) {
                return new Shift.Result(Outcome.FAILED, failure.get() + rollBack(moving));
            }
            // the history keeps who shipped past which alarm
            return new Shift.Result(Outcome.SUCCEEDED, ignored.isEmpty() ? "" : "shipped with --ignore-alarms while "
                    + String.join(", ", ignored) + (ignored.size() == 1 ? " was" : " were") + " in ALARM");
        } catch (SdkException | DeployException e) {
            return new Shift.Result(Outcome.FAILED, "the release stopped: " + e.getMessage() + rollBack(moving));
        } finally {
            if (finished.compareAndSet(false, true)) {
                try {
                    Runtime.getRuntime().removeShutdownHook(guard);
                } catch (IllegalStateException shuttingDown) {
                    // the guard is already running
                }
            }
        }
    }

    private ReleaseSettings settings(Change c) {
        return settings.getOrDefault(c.function(), ReleaseSettings.allAtOnce());
    }

    /** The reason not to start, if an alarm is missing or already firing (and not ignored). */
    private Optional<String> checkAlarms(List<Change> moving, CloudWatchAlarms cloudWatch, Set<String> ignored) {
        List<String> names = moving.stream().flatMap(c -> settings(c).alarms().stream()).distinct().toList();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        if (cloudWatch == null) {
            listener.note("CloudWatch alarms (" + String.join(", ", names) + ") are read on AWS only; the local "
                    + "cloud's gates read the new versions' own error rate and latency");
            return Optional.empty();
        }
        List<CloudWatchAlarms.Alarm> alarms = cloudWatch.describe(names);
        Set<String> found = alarms.stream().map(CloudWatchAlarms.Alarm::name).collect(Collectors.toSet());
        List<String> missing = names.stream().filter(n -> !found.contains(n)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("CloudWatch alarm" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " does" : " do") + " not exist in " + target.region()
                    + "; no traffic was moved (fix the names under deploymentSettings.alarms)");
        }
        List<String> firing = alarms.stream().filter(a -> a.state().equals("ALARM"))
                .map(CloudWatchAlarms.Alarm::name).toList();
        if (firing.isEmpty()) {
            return Optional.empty();
        }
        if (!ignoreAlarms) {
            return Optional.of("alarm" + (firing.size() == 1 ? " " : "s ") + String.join(", ", firing)
                    + (firing.size() == 1 ? " is" : " are") + " in ALARM before any traffic moved, so the release "
                    + "would roll back at once; no traffic was moved. To ship a fix while it fires, deploy with "
                    + "--ignore-alarms (alarms firing now are ignored, the others still watched)");
        }
        ignored.addAll(firing);
        listener.note("--ignore-alarms: ignoring " + String.join(", ", firing)
                + " (in ALARM before the release); the other alarms are still watched");
        return Optional.empty();
    }

    private List<Gate> gates(Change c, CloudWatchAlarms cloudWatch, Set<String> ignored) {
        List<Gate> out = new ArrayList<>();
        ReleaseSettings s = settings(c);
        if (target.isLocal()) {
            out.add(new MetricsGate(new LocalMetrics(target.endpoint().orElseThrow()), c.functionName(), c.toVersion(),
                    s.gates()));
        } else if (!s.alarms().isEmpty()) {
            out.add(new AlarmGate(cloudWatch, s.alarms(), ignored));
        } else if (s.strategy().gradual()) {
            listener.note(c.function() + " has no alarms (deploymentSettings.alarms): on AWS its "
                    + s.strategy().name() + " release moves traffic on time alone, with no health gate");
        }
        return out;
    }

    private Optional<String> hooks(String event, String deploymentId, List<Change> moving) {
        Hooks hooks = new Hooks(lambda);
        for (Change c : moving) {
            ReleaseSettings s = settings(c);
            Optional<String> hook = event.equals(Hooks.PRE_TRAFFIC) ? s.preTrafficHook() : s.postTrafficHook();
            if (hook.isPresent()) {
                listener.note(event + " hook " + hook.get() + " for " + c);
                Optional<String> failed = hooks.run(hook.get(), event, deploymentId, c, router.alias());
                if (failed.isPresent()) {
                    return failed;
                }
            }
        }
        return Optional.empty();
    }

    /** Every alias back on its old version; the text to append to the reason. */
    private String rollBack(List<Change> moving) {
        List<String> back = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Change c : moving) {
            try {
                router.only(c.functionName(), c.fromVersion().orElseThrow());
                back.add(c.function() + " v" + c.fromVersion().get());
            } catch (SdkException e) {
                failed.add(c.function() + " (" + e.getMessage() + ")");
            }
        }
        String text = back.isEmpty() ? "" : ". Rolled back: all traffic is on " + String.join(", ", back) + " again";
        if (!failed.isEmpty()) {
            text += ". Rolling back FAILED for " + String.join(", ", failed)
                    + "; run 'slipway rollback' to put the alias back";
        }
        listener.note(text.isEmpty() ? "nothing to roll back" : text.substring(2));
        return text;
    }

    @Override
    public void close() {
        if (ownsLambda) {
            lambda.close();
        }
    }

    /** How a release runs. */
    public static final class Builder {
        private final Target target;
        private LambdaClient lambda;
        private String alias = "live";
        private Map<String, ReleaseSettings> settings = Map.of();
        private double speed = 1;
        private boolean ignoreAlarms;
        private Listener listener = Listener.SILENT;

        private Builder(Target target) {
            this.target = target;
        }

        /** The release alias's name (default {@code live}). */
        public Builder alias(String name) {
            this.alias = name;
            return this;
        }

        /** Function key → how it is released; a function not named is released all at once. */
        public Builder settings(Map<String, ReleaseSettings> settings) {
            this.settings = settings;
            return this;
        }

        /** Divides every hold by this factor (for rehearsals and tests); 1 = real time. */
        public Builder speed(double factor) {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new DeployException("--shift-speed must be a positive number, not " + factor,
                        "use e.g. --shift-speed 60 to run a 10-minute release in 10 seconds");
            }
            this.speed = factor;
            return this;
        }

        /** Alarms already in ALARM when the release starts do not stop or fail it; the others are still watched. */
        public Builder ignoreAlarms(boolean ignore) {
            this.ignoreAlarms = ignore;
            return this;
        }

        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        /** A Lambda client the caller keeps (else one is built from the target and closed with the shifter). */
        public Builder lambda(LambdaClient client) {
            this.lambda = client;
            return this;
        }

        public TrafficShifter build() {
            return new TrafficShifter(this);
        }

        /**
         * This release as the {@link Shift} that {@link Release#deploy} runs after the stack update:
         * when a function needs it (a gradual strategy, a hook or alarms) the stack update leaves
         * every alias where it is and the shifter moves them, on the release's alias; otherwise
         * all aliases move at once. Progress goes to this builder's listener, else to the
         * deployment's listener as phase lines.
         */
        public Shift asShift() {
            Builder self = this;
            boolean needed = settings.values().stream().anyMatch(TrafficShifter::needed);
            List<String> names = settings.values().stream().map(s -> s.strategy().name()).distinct().toList();
            String strategy = names.isEmpty() ? Strategy.ALL_AT_ONCE : String.join("+", names);
            return new Shift() {
                @Override
                public String strategy() {
                    return strategy;
                }

                @Override
                public boolean holdsAliases() {
                    return needed;
                }

                @Override
                public Shift.Result run(Deployment deployment, LiveAlias alias, dev.slipway.deploy.DeployListener phases) {
                    if (!needed) {
                        return Shift.allAtOnce().run(deployment, alias, phases);
                    }
                    Listener shown = self.listener == Listener.SILENT ? PhaseLines.of(phases, self.settings) : self.listener;
                    try (TrafficShifter shifter = self.alias(alias.name()).listener(shown).build()) {
                        return shifter.run(deployment.id(), deployment.changes());
                    }
                }
            };
        }
    }
}
