package dev.slipway.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The data directory of the logs service: {@code groups/<sha256(group)>/group.json} (name, creation
 * time, retention, tags; replaced atomically) and {@code streams/<sha256(stream)>.jsonl}: a header
 * line, then one JSON line per event, appended.
 *
 * <p>Event lines are written to the OS (through a channel kept open per recent stream) but not fsynced: function logs are diagnostics,
 * not acknowledged data, and fsyncing every line would cost the Lambda invoke path milliseconds.
 * A crash can lose the last lines; a torn last line is skipped when loading.
 */
final class Journal implements AutoCloseable {
    /** Open append channels kept for the most recently written streams (a log line must not cost an open+close). */
    private static final int MAX_OPEN_STREAMS = 128;

    private final Path groups;
    private final Map<Path, FileChannel> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, FileChannel> eldest) {
            if (size() > MAX_OPEN_STREAMS) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    Journal(Path root) {
        this.groups = root.resolve("groups");
        try {
            Files.createDirectories(groups);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use logs data directory " + root, e);
        }
    }

    private Path groupDir(String group) {
        return groups.resolve(hash(group));
    }

    /** Stream file paths are a pure function of the names; cached because hashing showed in profiles of the log path. */
    private final java.util.concurrent.ConcurrentHashMap<String, Path> paths = new java.util.concurrent.ConcurrentHashMap<>();

    private Path streamFile(String group, String stream) {
        if (paths.size() > 10_000) {
            paths.clear();
        }
        return paths.computeIfAbsent(group + '\n' + stream,
                k -> groupDir(group).resolve("streams").resolve(hash(stream) + ".jsonl"));
    }

    void writeGroup(LogGroup g) {
        ObjectNode n = Json.object().put("name", g.name).put("creationTime", g.creationTime);
        g.retentionInDays.ifPresent(d -> n.put("retentionInDays", d));
        synchronized (g) {
            n.set("tags", Json.MAPPER.valueToTree(g.tags));
        }
        try {
            Path dir = groupDir(g.name);
            Files.createDirectories(dir.resolve("streams"));
            Path temp = dir.resolve("group.json.tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(Json.bytes(n)));
                ch.force(true);
            }
            Files.move(temp, dir.resolve("group.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteGroup(String group) {
        Path dir = groupDir(group);
        synchronized (open) {
            open.entrySet().removeIf(e -> {
                if (e.getKey().startsWith(dir)) {
                    closeQuietly(e.getValue());
                    return true;
                }
                return false;
            });
        }
        deleteRecursively(dir);
    }

    void createStream(String group, LogStream s) {
        synchronized (open) {
            FileChannel stale = open.remove(streamFile(group, s.name));
            if (stale != null) {
                closeQuietly(stale);
            }
        }
        String header = Json.string(Json.object().put("stream", s.name).put("creationTime", s.creationTime)) + "\n";
        write(streamFile(group, s.name), header, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    void deleteStream(String group, String stream) {
        synchronized (open) {
            FileChannel ch = open.remove(streamFile(group, stream));
            if (ch != null) {
                closeQuietly(ch);
            }
        }
        try {
            Files.deleteIfExists(streamFile(group, stream));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void append(String group, String stream, List<LogEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (LogEvent e : events) {
            sb.append(Json.string(Json.object().put("t", e.timestamp()).put("i", e.ingestionTime())
                    .put("m", e.message()))).append('\n');
        }
        Path file = streamFile(group, stream);
        java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(sb.toString());
        synchronized (open) {
            try {
                FileChannel ch = open.get(file);
                if (ch == null) {
                    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                    open.put(file, ch);
                }
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
            } catch (IOException e) {
                FileChannel broken = open.remove(file);
                if (broken != null) {
                    closeQuietly(broken);
                }
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (open) {
            open.values().forEach(Journal::closeQuietly);
            open.clear();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    private static void write(Path file, String text, StandardOpenOption... options) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream as read back: its header and its events in file order. */
    record LoadedStream(String name, long creationTime, List<long[]> times, List<String> messages) {}

    record LoadedGroup(String name, long creationTime, Optional<Integer> retention, JsonNode tags,
            List<LoadedStream> streams) {}

    List<LoadedGroup> load() {
        List<LoadedGroup> result = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(groups)) {
            for (Path dir : dirs) {
                Path file = dir.resolve("group.json");
                if (!Files.exists(file)) {
                    deleteRecursively(dir);
                    continue;
                }
                JsonNode g = Json.parse(Files.readAllBytes(file));
                List<LoadedStream> streams = new ArrayList<>();
                Path streamDir = dir.resolve("streams");
                if (Files.isDirectory(streamDir)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(streamDir, "*.jsonl")) {
                        for (Path f : files) {
                            loadStream(f).ifPresent(streams::add);
                        }
                    }
                }
                result.add(new LoadedGroup(g.path("name").asText(), g.path("creationTime").asLong(),
                        g.hasNonNull("retentionInDays") ? Optional.of(g.get("retentionInDays").asInt()) : Optional.empty(),
                        g.path("tags"), streams));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static Optional<LoadedStream> loadStream(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String headerLine = r.readLine();
            if (headerLine == null) {
                return Optional.empty();
            }
            JsonNode header;
            try {
                header = Json.parse(headerLine);
            } catch (IOException e) {
                return Optional.empty();
            }
            List<long[]> times = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                try {
                    JsonNode e = Json.parse(line);
                    times.add(new long[] {e.path("t").asLong(), e.path("i").asLong()});
                    messages.add(e.path("m").asText());
                } catch (IOException torn) {
                    break; // a line cut by a crash: everything before it is kept
                }
            }
            return Optional.of(new LoadedStream(header.path("stream").asText(), header.path("creationTime").asLong(),
                    times, messages));
        }
    }

    private static String hash(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
