package dev.slipway.events;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.FunctionInvoker;
import dev.slipway.protocol.spi.ResourceProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * EventBridge schedules in the local cloud: rules with {@code rate(…)} and {@code cron(…)}
 * expressions, created by CloudFormation (AWS::Events::Rule) or the EventBridge API, firing the
 * scheduled event at their Lambda targets through a {@link FunctionInvoker}.
 *
 * <pre>{@code
 * EventsService events = EventsService.builder().invoker(lambda).build();
 * events.start();            // production: ticks every second on the system clock
 * events.fire("nightly");    // now, also when disabled
 * }</pre>
 */
public final class EventsService implements AutoCloseable {
    private final Rules rules;
    private final Scheduler scheduler;
    private final EventsApi api;
    private final RuleProvider provider;
    private final Duration maxLateness;
    private AutoCloseable running;

    private EventsService(Builder b) {
        this.rules = new Rules(b.invoker, b.clock, b.region, b.accountId, b.eventIds, b.notices,
                b.dataDir.map(RuleFile::new));
        this.scheduler = b.scheduler;
        this.maxLateness = b.maxLateness;
        this.api = new EventsApi(rules);
        this.provider = new RuleProvider(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the scheduler; rules fire from now on. */
    public synchronized EventsService start() {
        if (running == null) {
            running = scheduler.start(() -> rules.runDue(maxLateness));
        }
        return this;
    }

    /**
     * Fires every enabled rule whose time has come by the clock, once for each scheduled time since
     * the last call, however late (tests advance a clock and call this). Scheduler ticks skip times
     * later than {@link Builder#maxLateness}.
     */
    public void runDue() {
        rules.runDue(null);
    }

    /** Rules by name, with their next fire time. */
    public List<RuleInfo> listRules() {
        return rules.list(null).stream().map(r -> {
            synchronized (r) {
                return new RuleInfo(r.name, r.arn, r.scheduleExpression == null ? "" : r.scheduleExpression, r.state,
                        Optional.ofNullable(r.nextFire), Optional.ofNullable(r.lastFired),
                        r.targets.values().stream().map(Rule.Target::arn).toList());
            }
        }).toList();
    }

    /**
     * Fires a rule now, also when it is disabled, as its schedule would.
     *
     * @return the event's id
     * @throws dev.slipway.protocol.AwsServiceException ResourceNotFoundException when there is no such rule
     */
    public String fire(String ruleName) {
        return rules.fire(ruleName);
    }

    public ResourceProvider resourceProvider() {
        return provider;
    }

    /** How the edge server hosts EventBridge: JSON 1.1 with target prefix {@code AWSEvents}. */
    public CloudService asCloudService() {
        return new CloudService() {
            @Override
            public String name() {
                return "events";
            }

            @Override
            public Set<String> signingNames() {
                return Set.of("events");
            }

            @Override
            public Set<String> targetPrefixes() {
                return Set.of("AWSEvents");
            }

            @Override
            public HttpHandler handler() {
                return api;
            }

            @Override
            public List<ResourceProvider> resourceProviders() {
                return List.of(provider);
            }

            @Override
            public String state() {
                return running == null ? "stopped (schedules do not fire)" : "running";
            }

            @Override
            public void close() {
                EventsService.this.close();
            }
        };
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                // closing a scheduler does not fail in ways the caller could act on
            }
            running = null;
        }
    }

    public static final class Builder {
        private FunctionInvoker invoker;
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler = Scheduler.every(Duration.ofSeconds(1));
        private String region = AwsDefaults.REGION;
        private String accountId = AwsDefaults.ACCOUNT_ID;
        private Supplier<String> eventIds;
        private Consumer<String> notices = m -> {};
        private Optional<java.nio.file.Path> dataDir = Optional.empty();
        private Duration maxLateness = Duration.ofMinutes(1);

        private Builder() {}

        /**
         * How late a scheduled time may be when the scheduler ticks and still fire (1 minute by default);
         * older ones are skipped with a notice, so a laptop waking from sleep does not fire a night of
         * {@code rate(1 minute)} at once.
         */
        public Builder maxLateness(Duration maxLateness) {
            this.maxLateness = Objects.requireNonNull(maxLateness);
            return this;
        }

        /** Keeps the rules under this directory ({@code rules.json}) so they survive a restart; in memory when empty. */
        public Builder dataDir(Optional<java.nio.file.Path> dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        public Builder invoker(FunctionInvoker invoker) {
            this.invoker = Objects.requireNonNull(invoker);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** What drives the schedules; default ticks every second. Tests pass {@link Scheduler#manual()}. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler);
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /** Event ids (random UUIDs by default). */
        public Builder eventIds(Supplier<String> eventIds) {
            this.eventIds = Objects.requireNonNull(eventIds);
            return this;
        }

        /** Receives notices about targets that could not be delivered (offline prints them). */
        public Builder notices(Consumer<String> notices) {
            this.notices = Objects.requireNonNull(notices);
            return this;
        }

        public EventsService build() {
            if (invoker == null) {
                throw new IllegalStateException("EventsService needs a FunctionInvoker");
            }
            return new EventsService(this);
        }
    }
}
