package dev.slipway.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Caches that several processes share (stored code, class-data archives) are kept bounded by last
 * use: a file's modification time is its last use, and the least recently used go first.
 */
final class LruFiles {
    /** A file used this recently may be starting a worker in another process: never deleted. */
    private static final long IN_USE_MILLIS = 60_000;

    private LruFiles() {}

    static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // only the pruning order suffers
        }
    }

    /**
     * Deletes the files of {@code dir} ending with {@code suffix} beyond the {@code keep} most recently
     * used, calling {@code alsoDelete} with each first (for what belongs to it). Best effort.
     */
    static void prune(Path dir, String suffix, int keep, Consumer<Path> alsoDelete) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> newestFirst = files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparingLong((Path f) -> f.toFile().lastModified()).reversed()).toList();
            long recent = System.currentTimeMillis() - IN_USE_MILLIS;
            for (Path old : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
                if (old.toFile().lastModified() > recent) {
                    continue;
                }
                alsoDelete.accept(old);
                Files.deleteIfExists(old);
            }
        } catch (IOException ignored) {
            // pruned at the next store
        }
    }
}
