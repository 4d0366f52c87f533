package dev.slipway.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda's {@code CodeSha256} of an artifact (base64 SHA-256 of its bytes), which the compiler puts
 * in each version's logical id and properties. Hashing an 11 MB jar costs ~0.3 s in the CLI's
 * C1-only JVM, so a hash is remembered, in memory and in {@code <service>/.slipway/code-sha256},
 * against the file's identity: path, size, modification and status-change times (nanoseconds) and
 * inode. A rewritten file changes its times (and a copy that keeps the modification time still
 * changes the status-change time, which no one can set back), so it is hashed again.
 *
 * <p>A hash is only remembered when the file's times are more than {@link #SETTLED_MILLIS} older
 * than the moment hashing started and its identity did not move while it was read: a file written
 * twice within one tick of the file system's clock (a few ms) keeps the same times, and would
 * otherwise keep a stale hash ("racily clean", as git calls it).
 *
 * <p>{@link #prefetch} starts hashing a service's artifacts on a background thread, so that the
 * deploy command's round trips before the compile overlap it; {@link #prefetchRemembered} starts
 * it even before the service is read, for the artifacts this service folder had hashed before.
 *
 * <p>Where coreutils' {@code sha256sum} is on the PATH the bytes are hashed by it: the CLI's JVM
 * runs C1 only (half the start-up), and C1 has no SHA-256 intrinsic, so hashing the 11 MB
 * peer-rewards jar in Java cost 150–300 ms of CPU against 20–40 ms for the process (SHA-NI). The
 * result is the same digest; any failure of the process falls back to Java.
 */
public final class CodeSha256 {
    /** How much older than "now" a file's times must be for its hash to be remembered. */
    static final long SETTLED_MILLIS = 2_000;
    static final String CACHE_FILE = "code-sha256";

    static final Map<Path, CompletableFuture<Known>> RUNNING = new ConcurrentHashMap<>();

    private CodeSha256() {}

    /** A hash and the identity of the file it was taken from. */
    record Known(String sha256, String identity) {}

    /** Starts hashing every artifact of the service in the background (nothing waits for it). */
    public static void prefetch(Service service) {
        for (FunctionSpec f : service.functions().values()) {
            f.artifact().ifPresent(a -> RUNNING.computeIfAbsent(key(a), p -> CompletableFuture.supplyAsync(
                    () -> compute(service.serviceDir(), p), CodeSha256::daemon)));
        }
    }

    /**
     * Starts hashing, in the background, every artifact that {@code serviceDir}'s cache remembers
     * (the paths of the last deploy): called before the service is read, so that a rebuilt jar is
     * hashed while serverless.yml is parsed. A remembered path whose file is unchanged costs one
     * {@code stat}; {@link #prefetch} and {@link #of} reuse what runs here.
     */
    public static void prefetchRemembered(Path serviceDir) {
        Path dir = key(serviceDir);
        for (String identity : read(dir.resolve(".slipway").resolve(CACHE_FILE)).keySet()) {
            int bar = identity.indexOf('|');
            if (bar <= 0) {
                continue;
            }
            Path file = key(Path.of(identity.substring(0, bar)));
            if (Files.isRegularFile(file)) {
                RUNNING.computeIfAbsent(file, p -> CompletableFuture.supplyAsync(() -> compute(dir, p), CodeSha256::daemon));
            }
        }
    }

    /**
     * The base64 SHA-256 of the file, as Lambda reports it; of no bytes when the file cannot be
     * read (the compiler's validation reports a missing artifact).
     */
    static String of(Path serviceDir, Path file) {
        Path p = key(file);
        CompletableFuture<Known> running = RUNNING.get(p);
        if (running != null) {
            Known k = running.exceptionally(failure -> new Known("", "")).join();
            String now = identity(p);
            if (now != null && now.equals(k.identity())) {
                return k.sha256();
            }
        }
        Known k = compute(serviceDir, p);
        RUNNING.put(p, CompletableFuture.completedFuture(k));
        return k.sha256();
    }

    private static Known compute(Path serviceDir, Path file) {
        long started = System.currentTimeMillis();
        String before = identity(file);
        if (before == null) {
            return new Known(CloudFormationCompiler.sha256Base64(new byte[0]), "");
        }
        Path cache = serviceDir.resolve(".slipway").resolve(CACHE_FILE);
        Map<String, String> remembered = read(cache);
        String hit = remembered.get(before);
        if (hit != null) {
            return new Known(hit, before);
        }
        String sha;
        try {
            sha = sha256(file);
        } catch (IOException e) {
            return new Known(CloudFormationCompiler.sha256Base64(new byte[0]), "");
        }
        String after = identity(file);
        if (before.equals(after) && settled(file, started)) {
            remember(cache, file, before, sha);
        }
        return new Known(sha, before.equals(after) ? before : "");
    }

    /** Path, size, mtime and ctime in ns, inode; null when the file cannot be read. */
    static String identity(Path file) {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
            return file + "|" + unix.get("size") + "|" + nanos(unix.get("lastModifiedTime")) + "|"
                    + nanos(unix.get("ctime")) + "|" + unix.get("ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return file + "|" + a.size() + "|" + nanos(a.lastModifiedTime()) + "|" + nanos(a.creationTime())
                        + "|" + a.fileKey();
            } catch (IOException io) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean settled(Path file, long startedMillis) {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:lastModifiedTime,ctime");
            long newest = Math.max(millis(unix.get("lastModifiedTime")), millis(unix.get("ctime")));
            return newest < startedMillis - SETTLED_MILLIS;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return false; // without a status-change time, a copy that keeps mtime could not be told apart
        }
    }

    private static long nanos(Object fileTime) {
        return ((java.nio.file.attribute.FileTime) fileTime).to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static long millis(Object fileTime) {
        return ((java.nio.file.attribute.FileTime) fileTime).toMillis();
    }

    static String sha256(Path file) throws IOException {
        String nativeSha = NATIVE_SHA256 == null ? null : nativeSha256(file);
        return nativeSha != null ? nativeSha : javaSha256(file);
    }

    /** coreutils' sha256sum on the PATH, or null (not on macOS or Windows: Java hashes there). */
    private static final Path NATIVE_SHA256 = onPath("sha256sum");

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null || System.getenv("SLIPWAY_JAVA_SHA256") != null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The file's hash by {@code sha256sum} reading it as its standard input; null when that fails. */
    static String nativeSha256(Path file) {
        try {
            Process p = new ProcessBuilder(NATIVE_SHA256.toString())
                    .redirectInput(file.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(256);
            }
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String line = new String(out, StandardCharsets.US_ASCII);
            // "<64 hex digits>  -"
            if (p.exitValue() != 0 || line.length() < 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
                return null;
            }
            return Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(line.substring(0, 64)));
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String javaSha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** identity → hash; lines "sha256 identity". An unreadable or damaged file is an empty cache. */
    private static Map<String, String> read(Path cache) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space == 44 && line.length() > space + 1) {
                    out.put(line.substring(space + 1), line.substring(0, space));
                }
            }
        } catch (IOException e) {
            // no cache yet
        }
        return out;
    }

    /** Adds one entry, re-reading the file under the lock so that concurrent prefetches keep each other's. */
    private static synchronized void remember(Path cache, Path file, String identity, String sha) {
        Map<String, String> entries = read(cache);
        entries.entrySet().removeIf(e -> e.getKey().startsWith(file + "|")); // one entry per path
        entries.put(identity, sha);
        write(cache, entries);
    }

    private static void write(Path cache, Map<String, String> entries) {
        try {
            Files.createDirectories(cache.getParent());
            List<String> lines = new ArrayList<>();
            entries.forEach((identity, sha) -> lines.add(sha + " " + identity));
            Path tmp = Files.createTempFile(cache.getParent(), CACHE_FILE, ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a read-only service directory: the hash is simply not remembered
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "slipway-code-sha256");
        t.setDaemon(true);
        t.start();
    }
}
