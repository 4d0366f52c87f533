package dev.slipway.service;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of the configuration was written: a property path such as
 * {@code functions.users.events.0.http.path} mapped to file, line and column (1-based). Paths
 * that were not written (defaults, values from other files) fall back to their closest ancestor.
 */
final class Locations {
    record Position(Path file, int line, int column) {}

    private final Path mainFile;
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();

    Locations(Path mainFile) {
        this.mainFile = mainFile;
    }

    Path mainFile() {
        return mainFile;
    }

    void putValue(String path, Position p) {
        values.putIfAbsent(path, p);
    }

    void putKey(String path, Position p) {
        keys.putIfAbsent(path, p);
    }

    /** Where the value at {@code path} starts (or its closest written ancestor). */
    Position value(String path) {
        return find(values, path);
    }

    /** Where the key of {@code path} is written (for unknown-key problems), else its value. */
    Position key(String path) {
        Position p = keys.get(path);
        return p != null ? p : value(path);
    }

    private Position find(Map<String, Position> map, String path) {
        String p = path;
        while (true) {
            Position found = map.get(p);
            if (found != null) {
                return found;
            }
            Position asKey = keys.get(p);
            if (asKey != null) {
                return asKey;
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return p.isEmpty() ? new Position(mainFile, 0, 0) : find(map, "");
            }
            p = p.substring(0, dot);
        }
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String child(String path, int index) {
        return child(path, Integer.toString(index));
    }
}
