package dev.slipway.cloudformation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stacks by id, including deleted ones (ListStacks shows them), with an index of live stacks by
 * name. With a data directory each stack is one JSON file, rewritten atomically on every change.
 */
final class StackStore {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, StackState> byId = new ConcurrentHashMap<>();
    private final Optional<Path> directory;

    StackStore(Optional<Path> dataDir) {
        this.directory = dataDir.map(d -> d.resolve("stacks"));
        directory.ifPresent(this::load);
    }

    private void load(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    StackState stack = MAPPER.readValue(file.toFile(), StackState.class);
                    if (stack.inProgress()) {
                        // The operation died with the process; AWS would have finished it. Say so plainly.
                        stack.status = stack.status.startsWith("DELETE") ? "DELETE_FAILED"
                                : stack.status.startsWith("CREATE") || stack.status.startsWith("ROLLBACK")
                                        ? "ROLLBACK_FAILED" : "UPDATE_ROLLBACK_FAILED";
                        stack.statusReason = "Slipway stopped while the stack operation was in progress";
                    }
                    byId.put(stack.stackId, stack);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CloudFormation stacks from " + dir, e);
        }
    }

    void put(StackState stack) {
        byId.put(stack.stackId, stack);
        save(stack);
    }

    /** Writes the stack's file; call while holding the stack's monitor. */
    void save(StackState stack) {
        if (directory.isEmpty()) {
            return;
        }
        Path file = directory.get().resolve(stack.stackId.substring(stack.stackId.lastIndexOf('/') + 1) + ".json");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), stack);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stack " + stack.stackName, e);
        }
    }

    /** A live stack by name, or any stack (deleted included) by id. */
    Optional<StackState> find(String nameOrId) {
        if (nameOrId.startsWith("arn:")) {
            return Optional.ofNullable(byId.get(nameOrId));
        }
        return byId.values().stream().filter(s -> s.stackName.equals(nameOrId) && !s.deleted()).findFirst();
    }

    List<StackState> all() {
        List<StackState> all = new ArrayList<>(byId.values());
        all.sort((a, b) -> Long.compare(b.creationTime, a.creationTime));
        return all;
    }

    List<StackState> live() {
        return all().stream().filter(s -> !s.deleted()).toList();
    }

    void remove(StackState stack) {
        byId.remove(stack.stackId);
        directory.ifPresent(dir -> {
            try {
                Files.deleteIfExists(dir.resolve(stack.stackId.substring(stack.stackId.lastIndexOf('/') + 1) + ".json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
