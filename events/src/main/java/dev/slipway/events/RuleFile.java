package dev.slipway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The rules as one JSON file ({@code rules.json}), rewritten atomically (temp file, fsync, rename)
 * after every change; rules are few and small. Schedules restart from the load time.
 */
final class RuleFile {
    private final Path file;

    RuleFile(Path dir) {
        this.file = dir.resolve("rules.json");
    }

    synchronized void save(Collection<Rule> rules) {
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (Rule r : rules) {
            synchronized (r) {
                ObjectNode n = EventsApi.describe(r).put("CreatedAt", r.createdAt.toString());
                ArrayNode targets = n.putArray("Targets");
                r.targets.values().forEach(t -> targets.add(Targets.write(t)));
                all.add(n);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("rules.json.tmp");
            Files.write(tmp, Json.bytes(all));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The saved rules, or none. */
    List<JsonNode> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode all = Json.parse(Files.readAllBytes(file));
            java.util.List<JsonNode> out = new java.util.ArrayList<>();
            all.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Instant createdAt(JsonNode n, Instant fallback) {
        try {
            return Instant.parse(n.path("CreatedAt").asText());
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
