package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Persistence for API Gateway's state. Every API is created by provider calls, so the state is the
 * sequence of successful calls: each is appended (and synced) as one JSON line with the ids it
 * generated and the time it ran, and replayed at startup with the same ids and times. A line torn by
 * a crash was never acknowledged to CloudFormation and is skipped.
 */
final class Journal {
    private final Path file;
    private final Ids ids;
    private final PinnableClock clock;

    Journal(Path dir, Ids ids, PinnableClock clock) {
        this.file = dir.resolve("apigateway.journal");
        this.ids = ids;
        this.clock = clock;
    }

    /** Replays the journal into the providers; returns how many calls were replayed. */
    int replay(List<ResourceProvider> providers, Consumer<String> problems) {
        if (!Files.exists(file)) {
            return 0;
        }
        Map<String, ResourceProvider> byType = new HashMap<>();
        providers.forEach(p -> byType.put(p.type(), p));
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int replayed = 0;
        for (String line : lines) {
            JsonNode e;
            try {
                e = Json.parse(line);
            } catch (IOException | RuntimeException torn) {
                continue;
            }
            ResourceProvider p = byType.get(e.path("type").asText());
            if (p == null) {
                continue;
            }
            List<String> recorded = new ArrayList<>();
            e.path("ids").forEach(i -> recorded.add(i.asText()));
            ids.replay(recorded);
            clock.pin(Instant.ofEpochMilli(e.path("at").asLong()));
            try {
                ResourceProvider.Request r = request(e);
                switch (e.path("op").asText()) {
                    case "create" -> p.create(r);
                    case "update" -> p.update(r);
                    case "delete" -> p.delete(r);
                    default -> { }
                }
                replayed++;
            } catch (Exception ex) {
                problems.accept("apigateway: could not restore " + e.path("type").asText() + " "
                        + e.path("logicalId").asText() + ": " + ex.getMessage());
            } finally {
                clock.unpin();
                ids.replay(List.of());
            }
        }
        return replayed;
    }

    /** Wraps a provider so that its successful calls are journaled. */
    ResourceProvider journaling(ResourceProvider p) {
        return new ResourceProvider() {
            @Override
            public String type() {
                return p.type();
            }

            @Override
            public java.util.Set<String> createOnlyProperties() {
                return p.createOnlyProperties();
            }

            @Override
            public Result create(Request r) throws Exception {
                ids.startRecording();
                try {
                    Result result = p.create(r);
                    append(p.type(), "create", r, ids.stopRecording());
                    return result;
                } finally {
                    ids.stopRecording();
                }
            }

            @Override
            public Result update(Request r) throws Exception {
                ids.startRecording();
                try {
                    Result result = p.update(r);
                    append(p.type(), "update", r, ids.stopRecording());
                    return result;
                } finally {
                    ids.stopRecording();
                }
            }

            @Override
            public void delete(Request r) throws Exception {
                p.delete(r);
                append(p.type(), "delete", r, List.of());
            }
        };
    }

    private synchronized void append(String type, String op, ResourceProvider.Request r, List<String> generated) {
        ObjectNode e = Json.object().put("op", op).put("type", type).put("at", clock.millis());
        e.put("stackName", r.stackName()).put("stackId", r.stackId()).put("logicalId", r.logicalId())
                .put("region", r.region()).put("accountId", r.accountId());
        r.physicalId().ifPresent(id -> e.put("physicalId", id));
        e.set("properties", r.properties());
        r.previousProperties().ifPresent(pp -> e.set("previousProperties", pp));
        ArrayNode a = e.putArray("ids");
        generated.forEach(a::add);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, (Json.string(e) + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    private static ResourceProvider.Request request(JsonNode e) {
        return new ResourceProvider.Request(e.path("stackName").asText(), e.path("stackId").asText(),
                e.path("logicalId").asText(),
                e.hasNonNull("physicalId") ? Optional.of(e.get("physicalId").asText()) : Optional.empty(),
                (ObjectNode) e.get("properties"),
                e.hasNonNull("previousProperties") ? Optional.of((ObjectNode) e.get("previousProperties"))
                        : Optional.empty(),
                Map.of(), e.path("region").asText(), e.path("accountId").asText());
    }

    /** A clock that can be pinned to a past instant while the journal is replayed. */
    static final class PinnableClock extends Clock {
        private final Clock delegate;
        private volatile Instant pinned;

        PinnableClock(Clock delegate) {
            this.delegate = delegate;
        }

        void pin(Instant at) {
            pinned = at;
        }

        void unpin() {
            pinned = null;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Instant p = pinned;
            return p != null ? p : delegate.instant();
        }
    }
}
