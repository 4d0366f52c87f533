package dev.slipway.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Deployment packages, content-addressed: each zip is kept once (so functions survive a restart
 * when the store lives in the data directory) and unpacked once into the task root its workers
 * run in. A directory is used in place. Layers are unpacked the same way; their
 * {@code java/lib/*.jar} join the worker's class path.
 */
final class CodeStore {
    /** Stored code: Lambda's CodeSha256 (base64) and CodeSize, and where it runs from. */
    record Code(String sha256, long size, Path taskRoot, Path zip) {}

    /** How many code versions a shared cache keeps (least recently used go first). */
    static final int CACHED_VERSIONS = 16;

    private final Path root;
    private final boolean shared;

    CodeStore(Path root) {
        this(root, false);
    }

    /**
     * {@code shared}: the store outlives this process (a cache several processes use, such as the
     * CLI's): a file given by path whose size, modification time and inode match its last store is
     * neither read, hashed nor unpacked again, and only the {@link #CACHED_VERSIONS} most recently
     * used code versions are kept.
     */
    CodeStore(Path root, boolean shared) {
        this.root = root;
        this.shared = shared;
    }

    /**
     * The same bytes again (CloudFormation creates or updates a service's functions in parallel, and
     * they usually share one artifact: peer-rewards' three functions read the same 11 MB jar from S3)
     * are stored once: each store is keyed by size and CRC32C (an intrinsic, ~1 ms per 10 MB), a
     * store that finds its key running or done waits for it and takes its result if the bytes are
     * equal, byte for byte. Before, each function hashed, checked and linked the jar by itself.
     * The bytes are held softly: under memory pressure a later store simply hashes again.
     */
    private final Map<Long, CompletableFuture<Stored>> recent = new LinkedHashMap<>();
    private static final int RECENT = 2;

    private record Stored(java.lang.ref.SoftReference<byte[]> zip, Code code) {}

    Code storeZip(byte[] zip) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(zip);
        long key = crc.getValue() * 31 + zip.length;
        CompletableFuture<Stored> mine = new CompletableFuture<>();
        CompletableFuture<Stored> earlier;
        synchronized (recent) {
            earlier = recent.get(key);
            if (earlier == null) {
                recent.put(key, mine);
                if (recent.size() > RECENT) {
                    recent.remove(recent.keySet().iterator().next());
                }
            }
        }
        if (earlier != null) {
            Stored s = earlier.handle((done, failure) -> done).join();
            if (s != null && Arrays.equals(s.zip().get(), zip) && Files.isRegularFile(s.code().zip())
                    && Files.isDirectory(s.code().taskRoot())) {
                return s.code();
            }
            return store(zip);
        }
        try {
            Code code = store(zip);
            mine.complete(new Stored(new java.lang.ref.SoftReference<>(zip), code));
            return code;
        } catch (RuntimeException | Error e) {
            synchronized (recent) {
                recent.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Code store(byte[] zip) {
        byte[] digest = sha256(zip);
        String hex = HexFormat.of().formatHex(digest);
        try {
            Path zipFile = root.resolve("zips").resolve(hex + ".zip");
            if (!Files.isRegularFile(zipFile)) {
                Files.createDirectories(zipFile.getParent());
                Path tmp = Files.createTempFile(zipFile.getParent(), hex, ".tmp");
                Files.write(tmp, zip);
                Files.move(tmp, zipFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Path task = unpack(zip, zipFile, root.resolve("tasks").resolve(hex));
            return new Code(Base64.getEncoder().encodeToString(digest), zip.length, task, zipFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local jar, zip or directory (the Java API's and the CLI's way to give code). */
    Code storePath(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return new Code(directoryDigest(path), directorySize(path), path.toAbsolutePath(), null);
            }
            if (!Files.isRegularFile(path)) {
                throw InvalidParameterValueException.of("Code path " + path + " does not exist.");
            }
            if (!shared) {
                return storeZip(Files.readAllBytes(path));
            }
            Path abs = path.toAbsolutePath().normalize();
            Path memo = root.resolve("stamps").resolve(HexFormat.of().formatHex(
                    sha256(abs.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16));
            String stamp = stamp(abs);
            Code known = remembered(memo, stamp);
            if (known != null) {
                return known;
            }
            Code stored = storeZip(Files.readAllBytes(abs));
            remember(memo, stamp, stored);
            prune(stored.zip());
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What changes when a file is rewritten: size, modification time (ns where the file system keeps
     * them), inode and, where the platform has it, the status-change time, which no tool can set
     * back (a copy that preserves the modification time still changes it).
     */
    private static String stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Object ctime;
        try {
            ctime = Files.getAttribute(file, "unix:ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            ctime = "-";
        }
        return a.size() + "|" + a.lastModifiedTime().toInstant() + "|" + a.fileKey() + "|" + ctime;
    }

    /** The code stored for this stamp by an earlier store of the same path, if it is still there. */
    private Code remembered(Path memo, String stamp) {
        try {
            List<String> lines = Files.readAllLines(memo);
            if (lines.size() < 3 || !lines.get(0).equals(stamp)) {
                return null;
            }
            String hex = lines.get(1);
            Path zipFile = root.resolve("zips").resolve(hex + ".zip");
            Path task = root.resolve("tasks").resolve(hex);
            if (!Files.isRegularFile(zipFile) || !Files.isDirectory(task)) {
                return null;
            }
            // the zip's modification time is the version's last use, for pruning
            LruFiles.touch(zipFile);
            byte[] digest = HexFormat.of().parseHex(hex);
            return new Code(Base64.getEncoder().encodeToString(digest), Long.parseLong(lines.get(2)), task, zipFile);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void remember(Path memo, String stamp, Code code) {
        try {
            Files.createDirectories(memo.getParent());
            Path tmp = Files.createTempFile(memo.getParent(), memo.getFileName().toString(), ".tmp");
            String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(code.sha256()));
            Files.writeString(tmp, stamp + "\n" + hex + "\n" + code.size() + "\n");
            Files.move(tmp, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // the next store hashes again
        }
    }

    /** Keeps the {@link #CACHED_VERSIONS} most recently used code versions of a shared store. */
    private void prune(Path justStored) {
        LruFiles.touch(justStored);
        LruFiles.prune(root.resolve("zips"), ".zip", CACHED_VERSIONS, zip -> deleteTree(
                root.resolve("tasks").resolve(zip.getFileName().toString().replace(".zip", ""))));
    }

    /** Reloads stored code by its zip (after a restart). */
    Code reload(Path zip, Path dirOrNull) {
        if (dirOrNull != null) {
            return storePath(dirOrNull);
        }
        try {
            return storeZip(Files.readAllBytes(zip));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars a layer zip adds to the class path ({@code java/lib/*.jar}, name order). */
    List<Path> layerJars(Path layerZip) {
        try {
            byte[] zip = Files.readAllBytes(layerZip);
            Path dir = unpack(zip, null, root.resolve("layers").resolve(HexFormat.of().formatHex(sha256(zip))));
            Path lib = dir.resolve("java").resolve("lib");
            if (!Files.isDirectory(lib)) {
                return List.of();
            }
            try (Stream<Path> jars = Files.list(lib)) {
                return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unpacks each target once in this process: CloudFormation creates a service's functions in
     * parallel, and they usually share one artifact; unpacking it once per function (thousands of
     * entries each) made the others wait for nothing (seen: 25 s for three functions).
     */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> UNPACKING =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Path unpack(byte[] zip, Path zipFile, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            return target;
        }
        Object lock = UNPACKING.computeIfAbsent(target, t -> new Object());
        try {
            synchronized (lock) {
                return zipFile != null && isPlainJar(zipFile) ? linkJar(zipFile, target) : unpackOnce(zip, target);
            }
        } finally {
            UNPACKING.remove(target, lock);
        }
    }

    /** How many classes make a jar worth running from {@code lib/} instead of unpacking every class. */
    static final int PLAIN_JAR_CLASSES = 200;

    /**
     * A Java jar with many classes and nothing that must exist as a file to run: no {@code lib/}
     * jars, no {@code bootstrap}, no scripts. A shaded jar has thousands of class files; writing
     * each one took seconds per deployment.
     */
    private static boolean isPlainJar(Path zipFile) {
        int classes = 0;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zipFile.toFile())) {
            for (var it = z.entries(); it.hasMoreElements(); ) {
                String name = it.nextElement().getName();
                if (name.startsWith("lib/") || name.equals("bootstrap") || name.endsWith(".sh")) {
                    return false;
                }
                if (name.endsWith(".class")) {
                    classes++;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return classes >= PLAIN_JAR_CLASSES;
    }

    /**
     * The task root of a plain jar: the jar itself as {@code lib/function.jar} (where the runtime
     * client's class loader looks for jars, so classes load through the same loader as from the
     * root) plus every entry that is not a class, so resources can still be read as files from
     * {@code LAMBDA_TASK_ROOT}. Read through the central directory: class entries are not inflated.
     */
    private static Path linkJar(Path zipFile, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
        long total = 0;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zipFile.toFile())) {
            for (var it = z.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                total += Math.max(0, e.getSize());
                if (total > Limits.UNZIPPED_BYTES) {
                    throw InvalidParameterValueException.unzippedTooLarge();
                }
                if (e.isDirectory() || e.getName().endsWith(".class")) {
                    continue;
                }
                Path out = tmp.resolve(e.getName()).normalize();
                if (!out.startsWith(tmp)) {
                    throw InvalidParameterValueException.cannotUnzip();
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    copy(in, out);
                }
            }
            Path lib = Files.createDirectories(tmp.resolve("lib"));
            try {
                Files.createLink(lib.resolve("function.jar"), zipFile);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(zipFile, lib.resolve("function.jar"));
            }
        } catch (ZipException e) {
            deleteTree(tmp);
            throw InvalidParameterValueException.cannotUnzip();
        } catch (RuntimeException | IOException e) {
            deleteTree(tmp);
            throw e;
        }
        return moveInPlace(tmp, target);
    }

    /** Unpacks into {@code target} once (atomically, so concurrent hosts agree), guarding against zip-slip. */
    private static Path unpackOnce(byte[] zip, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries++;
                Path out = tmp.resolve(e.getName()).normalize();
                if (!out.startsWith(tmp)) {
                    throw InvalidParameterValueException.cannotUnzip();
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                total += copy(in, out);
                if (total > Limits.UNZIPPED_BYTES) {
                    throw InvalidParameterValueException.unzippedTooLarge();
                }
                if (e.getName().equals("bootstrap") || e.getName().endsWith(".sh")) {
                    out.toFile().setExecutable(true);
                }
            }
        } catch (ZipException e) {
            deleteTree(tmp);
            throw InvalidParameterValueException.cannotUnzip();
        } catch (RuntimeException | IOException e) {
            deleteTree(tmp);
            throw e;
        }
        if (entries == 0) {
            deleteTree(tmp);
            throw InvalidParameterValueException.cannotUnzip();
        }
        return moveInPlace(tmp, target);
    }

    /** Moves an unpacked tree to its place; when another thread or host got there first, theirs stays. */
    private static Path moveInPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteTree(tmp);
        } catch (FileSystemException e) {
            // Linux reports a rename onto a non-empty directory as a plain FileSystemException
            // (ENOTEMPTY): another thread unpacked the same content first, which is what we wanted.
            deleteTree(tmp);
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
        return target;
    }

    private static long copy(InputStream in, Path out) throws IOException {
        return Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A directory's digest from its files' names, sizes and modification times (cheap, changes on rebuild). */
    private static String directoryDigest(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            sb.append(dir.relativize(f)).append('|').append(a.size()).append('|').append(a.lastModifiedTime()).append('\n');
        }
        return Base64.getEncoder().encodeToString(sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
