package dev.slipway.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The data directory: every bucket in {@code buckets/<name>/} with {@code bucket.json}, object
 * contents in {@code blobs/<uuid>} and one JSON metadata sidecar per key in {@code meta/<sha256(key)>.json}.
 *
 * <p>Every file is written to {@code tmp/}, fsynced, renamed into place and its directory fsynced,
 * so a crash leaves either the old or the new version. The order makes the metadata sidecar the
 * commit point of a PutObject: its blob is durable before the sidecar names it; blobs no sidecar
 * names (a crash between the two) are deleted at the next start.
 */
final class Disk {
    private final Path buckets;
    private final Path tmp;
    private final Path uploads;

    Disk(Path root) {
        this.buckets = root.resolve("buckets");
        this.tmp = root.resolve("tmp");
        this.uploads = root.resolve("uploads");
        try {
            Files.createDirectories(buckets);
            deleteRecursively(tmp);
            deleteRecursively(uploads);
            Files.createDirectories(tmp);
            Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use S3 data directory " + root, e);
        }
    }

    // ---- blobs

    Blob.File writeBlob(String bucket, byte[] data) {
        return writeBlob(buckets.resolve(bucket).resolve("blobs"), List.of(new Blob.Memory(data)));
    }

    Blob.File writeBlob(String bucket, List<Blob> parts) {
        return writeBlob(buckets.resolve(bucket).resolve("blobs"), parts);
    }

    Blob.File writeUploadPart(String uploadId, byte[] data) {
        return writeBlob(uploads.resolve(uploadId), List.of(new Blob.Memory(data)));
    }

    private Blob.File writeBlob(Path dir, List<Blob> parts) {
        try {
            Files.createDirectories(dir);
            Path temp = tmp.resolve(UUID.randomUUID().toString());
            long size = 0;
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                for (Blob part : parts) {
                    try (InputStream in = part.open()) {
                        size += in.transferTo(out);
                    }
                }
                out.flush();
                ch.force(true);
            }
            Path target = dir.resolve(UUID.randomUUID().toString());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(dir);
            return new Blob.File(target, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Blob blob) {
        if (blob instanceof Blob.File f) {
            try {
                Files.deleteIfExists(f.path());
            } catch (IOException e) {
                // An orphaned blob is removed at the next start.
            }
        }
    }

    void deleteUpload(String uploadId) {
        try {
            deleteRecursively(uploads.resolve(uploadId));
        } catch (IOException e) {
            // Cleared at the next start.
        }
    }

    // ---- metadata

    void writeObject(String bucket, StoredObject o) {
        ObjectNode n = Json.object();
        n.put("key", o.key());
        n.put("blob", ((Blob.File) o.blob()).path().getFileName().toString());
        n.put("eTag", o.eTag());
        n.put("lastModified", o.lastModified().toEpochMilli());
        n.set("headers", Json.MAPPER.valueToTree(o.headers()));
        n.set("userMetadata", Json.MAPPER.valueToTree(o.userMetadata()));
        n.set("checksums", Json.MAPPER.valueToTree(o.checksums()));
        if (o.checksumType() != null) {
            n.put("checksumType", o.checksumType());
        }
        n.set("partSizes", Json.MAPPER.valueToTree(o.partSizes()));
        n.put("storageClass", o.storageClass());
        writeAtomically(buckets.resolve(bucket).resolve("meta"), metaName(o.key()), Json.bytes(n));
    }

    void deleteObject(String bucket, String key) {
        Path dir = buckets.resolve(bucket).resolve("meta");
        try {
            Files.deleteIfExists(dir.resolve(metaName(key)));
            fsyncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeBucket(Bucket b) {
        ObjectNode n = Json.object();
        n.put("name", b.name);
        n.put("created", b.created.toEpochMilli());
        n.put("locationConstraint", b.locationConstraint);
        b.policy.ifPresent(p -> n.put("policy", p));
        b.website.ifPresent(w -> {
            ObjectNode ws = n.putObject("website");
            w.indexDocumentSuffix().ifPresent(v -> ws.put("index", v));
            w.errorDocumentKey().ifPresent(v -> ws.put("error", v));
            w.redirectAllRequestsToHost().ifPresent(v -> ws.put("redirectHost", v));
            w.redirectProtocol().ifPresent(v -> ws.put("redirectProtocol", v));
        });
        writeAtomically(buckets.resolve(b.name), "bucket.json", Json.bytes(n));
    }

    void deleteBucket(String name) {
        try {
            Files.deleteIfExists(buckets.resolve(name).resolve("bucket.json"));
            fsyncDirectory(buckets.resolve(name));
            deleteRecursively(buckets.resolve(name));
            fsyncDirectory(buckets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every bucket and object back, and removes what a crash left half-written. */
    List<Bucket> load() {
        List<Bucket> result = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(buckets)) {
            for (Path dir : dirs) {
                Path bucketFile = dir.resolve("bucket.json");
                if (!Files.exists(bucketFile)) {
                    deleteRecursively(dir);
                    continue;
                }
                result.add(loadBucket(dir, Json.parse(Files.readAllBytes(bucketFile))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private Bucket loadBucket(Path dir, JsonNode n) throws IOException {
        Bucket b = new Bucket(n.path("name").asText(), Instant.ofEpochMilli(n.path("created").asLong()),
                n.path("locationConstraint").asText(""));
        if (n.hasNonNull("policy")) {
            b.policy = Optional.of(n.get("policy").asText());
        }
        JsonNode ws = n.path("website");
        if (ws.isObject()) {
            b.website = Optional.of(new WebsiteConfiguration(opt(ws, "index"), opt(ws, "error"),
                    opt(ws, "redirectHost"), opt(ws, "redirectProtocol")));
        }
        Path blobs = dir.resolve("blobs");
        Set<String> referenced = new HashSet<>();
        Path meta = dir.resolve("meta");
        if (Files.isDirectory(meta)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(meta, "*.json")) {
                for (Path file : files) {
                    JsonNode o = Json.parse(Files.readAllBytes(file));
                    Path blob = blobs.resolve(o.path("blob").asText());
                    if (!Files.exists(blob)) {
                        continue;
                    }
                    referenced.add(blob.getFileName().toString());
                    b.objects.put(o.path("key").asText(), new StoredObject(o.path("key").asText(),
                            new Blob.File(blob, Files.size(blob)), o.path("eTag").asText(),
                            Instant.ofEpochMilli(o.path("lastModified").asLong()), map(o.path("headers")),
                            map(o.path("userMetadata")), map(o.path("checksums")),
                            o.hasNonNull("checksumType") ? o.get("checksumType").asText() : null,
                            partSizes(o.path("partSizes")), o.path("storageClass").asText("STANDARD")));
                }
            }
        }
        if (Files.isDirectory(blobs)) {
            try (Stream<Path> files = Files.list(blobs)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!referenced.contains(f.getFileName().toString())) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
        return b;
    }

    private static List<Long> partSizes(JsonNode n) {
        List<Long> sizes = new ArrayList<>();
        n.forEach(s -> sizes.add(s.asLong()));
        return List.copyOf(sizes);
    }

    private static Optional<String> opt(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static String metaName(String key) {
        return Checksums.sha256Hex(key.getBytes(StandardCharsets.UTF_8)) + ".json";
    }

    private void writeAtomically(Path dir, String name, byte[] data) {
        try {
            Files.createDirectories(dir);
            Path temp = tmp.resolve(UUID.randomUUID().toString());
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(data));
                ch.force(true);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems do not allow opening a directory; the rename is still atomic there.
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
