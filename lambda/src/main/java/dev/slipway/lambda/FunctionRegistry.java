package dev.slipway.lambda;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The functions of one account and region: $LATEST, published versions, aliases, reserved
 * concurrency, permissions. State only, no logic; every change is saved (when a data directory is
 * set) as one JSON document written atomically, the code itself living in the content-addressed
 * {@link CodeStore}.
 */
final class FunctionRegistry {
    /** One function and everything hanging off it. Mutated only under the registry's lock. */
    static final class Entry {
        FunctionVersion latest;
        final TreeMap<Integer, FunctionVersion> versions = new TreeMap<>();
        final Map<String, AliasConfiguration> aliases = new LinkedHashMap<>();
        Integer reservedConcurrency;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, JsonNode> statements = new LinkedHashMap<>();
        int lastVersion;
    }

    private final Map<String, Entry> functions = new TreeMap<>();
    private final Optional<Path> stateFile;

    FunctionRegistry(Optional<Path> stateFile) {
        this.stateFile = stateFile;
    }

    synchronized Optional<Entry> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    synchronized List<Entry> all() {
        return new ArrayList<>(functions.values());
    }

    synchronized void put(String name, Entry entry) {
        functions.put(name, entry);
    }

    synchronized Optional<Entry> remove(String name) {
        return Optional.ofNullable(functions.remove(name));
    }

    // ---- persistence ----

    private record SavedVersion(String name, String arn, String version, String runtime, String handler, String role,
            String description, int memoryMb, int timeoutSeconds, Map<String, String> environment, String codeSha256,
            long codeSize, String taskRoot, String codeZip, List<String> layers, List<String> layerJars,
            String lastModified, String revisionId) {
        static SavedVersion of(FunctionVersion v) {
            return new SavedVersion(v.name(), v.arn(), v.version(), v.runtime().id, v.handler(), v.role(), v.description(),
                    v.memoryMb(), v.timeoutSeconds(), v.environment(), v.codeSha256(), v.codeSize(),
                    v.taskRoot().toString(), v.codeZip() == null ? null : v.codeZip().toString(), v.layers(),
                    v.layerJars().stream().map(Path::toString).toList(), v.lastModified(), v.revisionId());
        }

        FunctionVersion restore(CodeStore code) {
            CodeStore.Code c = code.reload(codeZip == null ? null : Path.of(codeZip), codeZip == null ? Path.of(taskRoot) : null);
            return new FunctionVersion(name, arn, version, Runtime.of(runtime).orElseThrow(), handler, role, description,
                    memoryMb, timeoutSeconds, environment, codeSha256, codeSize, c.taskRoot(), c.zip(), layers,
                    layerJars.stream().map(Path::of).toList(), lastModified, revisionId);
        }
    }

    private record SavedFunction(SavedVersion latest, List<SavedVersion> versions, List<AliasConfiguration> aliases,
            Integer reservedConcurrency, Map<String, String> tags, Map<String, JsonNode> statements, int lastVersion) {}

    synchronized void save() {
        if (stateFile.isEmpty()) {
            return;
        }
        List<SavedFunction> saved = new ArrayList<>();
        for (Entry e : functions.values()) {
            saved.add(new SavedFunction(SavedVersion.of(e.latest), e.versions.values().stream().map(SavedVersion::of).toList(),
                    new ArrayList<>(e.aliases.values()), e.reservedConcurrency, e.tags, e.statements, e.lastVersion));
        }
        try {
            Path file = stateFile.get();
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "functions", ".tmp");
            Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(saved));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void load(CodeStore code) {
        if (stateFile.isEmpty() || !Files.isRegularFile(stateFile.get())) {
            return;
        }
        try {
            List<SavedFunction> saved = Json.MAPPER.readValue(stateFile.get().toFile(), new TypeReference<>() {});
            for (SavedFunction s : saved) {
                Entry e = new Entry();
                e.latest = s.latest().restore(code);
                for (SavedVersion v : s.versions()) {
                    e.versions.put(Integer.parseInt(v.version()), v.restore(code));
                }
                s.aliases().forEach(a -> e.aliases.put(a.name(), a));
                e.reservedConcurrency = s.reservedConcurrency();
                e.tags.putAll(s.tags());
                e.statements.putAll(s.statements());
                e.lastVersion = s.lastVersion();
                functions.put(e.latest.name(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Lambda state " + stateFile.get(), e);
        }
    }
}
