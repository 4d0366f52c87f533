package dev.slipway.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.LogSink;
import dev.slipway.protocol.spi.ResourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The local cloud's CloudWatch Logs: log groups, streams and events, fed by the Lambda host through
 * {@link #asLogSink()} and read through the CloudWatch Logs API (JSON 1.1) by {@code slipway logs},
 * the AWS CLI and the SDKs.
 *
 * <p>The Java methods go through the same action code as the wire (so they validate and fail exactly
 * as the API does, with {@link LogsException}).
 */
public final class LogsService implements AutoCloseable {
    private final LogStore store;
    private final LogsHandler handler;

    private LogsService(Builder b) {
        this.store = new LogStore(b.dataDir.map(Journal::new), b.clock, b.maxEventsPerStream, b.region,
                AwsDefaults.ACCOUNT_ID);
        this.handler = new LogsHandler(new GroupActions(store), new StreamActions(store), new EventActions(store));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration; defaults: in memory, us-east-1, the system clock, 10,000 events kept per stream. */
    public static final class Builder {
        private Optional<Path> dataDir = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private String region = AwsDefaults.REGION;
        private int maxEventsPerStream = Limits.DEFAULT_MAX_EVENTS_PER_STREAM;

        private Builder() {}

        /** This service's own directory (e.g. {@code <cloud data dir>/logs}); empty keeps everything in memory. */
        public Builder dataDir(Optional<Path> dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        /** The clock for ingestion times and retention. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Events kept per stream; the oldest are dropped beyond it (bounded memory). */
        public Builder maxEventsPerStream(int maxEventsPerStream) {
            if (maxEventsPerStream < 1) {
                throw new IllegalArgumentException("maxEventsPerStream must be positive");
            }
            this.maxEventsPerStream = maxEventsPerStream;
            return this;
        }

        public LogsService build() {
            return new LogsService(this);
        }
    }

    // ---- Java API

    public void createLogGroup(String name) {
        createLogGroup(name, Map.of());
    }

    public void createLogGroup(String name, Map<String, String> tags) {
        ObjectNode body = Json.object().put("logGroupName", name);
        body.set("tags", Json.MAPPER.valueToTree(tags));
        call("CreateLogGroup", body);
    }

    public boolean logGroupExists(String name) {
        return store.find(name).isPresent();
    }

    public void deleteLogGroup(String name) {
        call("DeleteLogGroup", Json.object().put("logGroupName", name));
    }

    /** Names of the log groups starting with the prefix, all pages. */
    public List<String> describeLogGroups(String prefix) {
        List<String> names = new ArrayList<>();
        store.groups().forEach(g -> {
            if (g.name.startsWith(prefix)) {
                names.add(g.name);
            }
        });
        return names;
    }

    /** PutRetentionPolicy, or DeleteRetentionPolicy when empty. */
    public void putRetentionPolicy(String group, Optional<Integer> days) {
        if (days.isPresent()) {
            call("PutRetentionPolicy", Json.object().put("logGroupName", group).put("retentionInDays", days.get()));
        } else {
            call("DeleteRetentionPolicy", Json.object().put("logGroupName", group));
        }
    }

    public void createLogStream(String group, String stream) {
        call("CreateLogStream", Json.object().put("logGroupName", group).put("logStreamName", stream));
    }

    public void putLogEvents(String group, String stream, List<InputLogEvent> events) {
        ObjectNode body = Json.object().put("logGroupName", group).put("logStreamName", stream);
        ArrayNode list = body.putArray("logEvents");
        events.forEach(e -> list.addObject().put("timestamp", e.timestamp()).put("message", e.message()));
        call("PutLogEvents", body);
    }

    /** GetLogEvents: the first {@code limit} events (startFromHead) or the last {@code limit}. */
    public List<OutputLogEvent> getLogEvents(String group, String stream, boolean startFromHead, int limit) {
        JsonNode out = call("GetLogEvents", Json.object().put("logGroupName", group).put("logStreamName", stream)
                .put("startFromHead", startFromHead).put("limit", limit));
        return events(out, stream);
    }

    /** FilterLogEvents over every stream of the group, interleaved by time, all pages. */
    public List<OutputLogEvent> filterLogEvents(String group, Optional<String> filterPattern, Optional<Long> startTime,
            Optional<Long> endTime) {
        List<OutputLogEvent> result = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            ObjectNode body = Json.object().put("logGroupName", group);
            filterPattern.ifPresent(p -> body.put("filterPattern", p));
            startTime.ifPresent(t -> body.put("startTime", t));
            endTime.ifPresent(t -> body.put("endTime", t));
            token.ifPresent(t -> body.put("nextToken", t));
            JsonNode out = call("FilterLogEvents", body);
            result.addAll(events(out, null));
            token = out.hasNonNull("nextToken") ? Optional.of(out.get("nextToken").asText()) : Optional.empty();
        } while (token.isPresent());
        return result;
    }

    private static List<OutputLogEvent> events(JsonNode out, String stream) {
        List<OutputLogEvent> events = new ArrayList<>();
        out.path("events").forEach(e -> events.add(new OutputLogEvent(
                stream != null ? stream : e.path("logStreamName").asText(), e.path("timestamp").asLong(),
                e.path("message").asText(), e.path("ingestionTime").asLong(), e.path("eventId").asText(""))));
        return events;
    }

    private JsonNode call(String action, ObjectNode body) {
        return handler.invoke(action, body);
    }

    // ---- adapters

    /** Where the Lambda host writes function output: creates the group and stream on first use. */
    public LogSink asLogSink() {
        return store::appendCreating;
    }

    /** The JSON 1.1 handler ({@code X-Amz-Target: Logs_20140328.*}). */
    public HttpHandler handler() {
        return handler;
    }

    public List<ResourceProvider> resourceProviders() {
        return List.of(new LogGroupProvider(this));
    }

    public CloudService asCloudService() {
        LogsService self = this;
        return new CloudService() {
            @Override
            public String name() {
                return "logs";
            }

            @Override
            public Set<String> signingNames() {
                return Set.of("logs");
            }

            @Override
            public Set<String> targetPrefixes() {
                return Set.of(LogsHandler.TARGET_PREFIX);
            }

            @Override
            public HttpHandler handler() {
                return handler;
            }

            @Override
            public List<ResourceProvider> resourceProviders() {
                return self.resourceProviders();
            }

            @Override
            public void close() {
                self.close();
            }
        };
    }

    /** Closes the stream files kept open (the data directory stays as it is). */
    @Override
    public void close() {
        store.close();
    }
}
