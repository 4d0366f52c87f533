package dev.slipway.s3;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Buckets and objects of one account and region, in memory and, with a data directory, on disk.
 * Every mutation is persisted before it becomes visible, so an acknowledged write survives a restart.
 */
final class ObjectStore {
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private final Optional<Disk> disk;
    private final Clock clock;
    private final String region;
    private final ConcurrentSkipListMap<String, Bucket> buckets = new ConcurrentSkipListMap<>();

    ObjectStore(Optional<Disk> disk, Clock clock, String region) {
        this.disk = disk;
        this.clock = clock;
        this.region = region;
        disk.ifPresent(d -> d.load().forEach(b -> buckets.put(b.name, b)));
    }

    String region() {
        return region;
    }

    /** S3 keeps Last-Modified to the second in headers; the millis are kept for listings, as S3 does. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static void validateBucketName(String name) {
        if (name == null || !BUCKET_NAME.matcher(name).matches() || name.contains("..")
                || IP_ADDRESS.matcher(name).matches() || name.startsWith("xn--") || name.endsWith("-s3alias")
                || name.contains(".-") || name.contains("-.")) {
            throw S3Exception.invalidBucketName(name);
        }
    }

    /** Creates a bucket; an existing one is BucketAlreadyOwnedByYou except in us-east-1 (see S3Service). */
    synchronized Bucket createBucket(String name, String locationConstraint) {
        validateBucketName(name);
        Bucket existing = buckets.get(name);
        if (existing != null) {
            if (region.equals("us-east-1")) {
                return existing;
            }
            throw S3Exception.bucketAlreadyOwnedByYou(name);
        }
        Bucket b = new Bucket(name, now(), locationConstraint);
        disk.ifPresent(d -> d.writeBucket(b));
        buckets.put(name, b);
        return b;
    }

    Bucket bucket(String name) {
        Bucket b = name == null ? null : buckets.get(name);
        if (b == null) {
            throw S3Exception.noSuchBucket(name);
        }
        return b;
    }

    Optional<Bucket> find(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    Collection<Bucket> buckets() {
        return buckets.values();
    }

    synchronized void deleteBucket(String name) {
        Bucket b = bucket(name);
        synchronized (b) {
            if (!b.objects.isEmpty()) {
                throw S3Exception.bucketNotEmpty(name);
            }
            // Uploads in progress do not keep a bucket alive on S3: they go with it.
            for (MultipartUpload u : b.uploads.values()) {
                u.parts.values().forEach(p -> discard(p.blob()));
                discardUpload(u.uploadId);
            }
            b.uploads.clear();
            disk.ifPresent(d -> d.deleteBucket(name));
            b.deleted = true;
            buckets.remove(name);
        }
    }

    /** Persists a bucket's configuration (policy, website) after the caller changed it. */
    void saveBucket(Bucket b) {
        synchronized (b) {
            checkNotDeleted(b);
            disk.ifPresent(d -> d.writeBucket(b));
        }
    }

    /** Stores bytes for an object of the bucket, durably when there is a data directory. */
    Blob newBlob(Bucket b, byte[] data) {
        return disk.<Blob>map(d -> d.writeBlob(b.name, data)).orElseGet(() -> new Blob.Memory(data));
    }

    Blob concat(Bucket b, List<Blob> parts) {
        if (disk.isPresent()) {
            return disk.get().writeBlob(b.name, parts);
        }
        long size = parts.stream().mapToLong(Blob::size).sum();
        if (size > Integer.MAX_VALUE - 16) {
            throw S3Exception.entityTooLarge(size, Integer.MAX_VALUE - 16);
        }
        byte[] all = new byte[(int) size];
        int pos = 0;
        for (Blob p : parts) {
            byte[] bytes = p.readAll();
            System.arraycopy(bytes, 0, all, pos, bytes.length);
            pos += bytes.length;
        }
        return new Blob.Memory(all);
    }

    Blob newPartBlob(String uploadId, byte[] data) {
        return disk.<Blob>map(d -> d.writeUploadPart(uploadId, data)).orElseGet(() -> new Blob.Memory(data));
    }

    void discard(Blob blob) {
        disk.ifPresent(d -> d.delete(blob));
    }

    void discardUpload(String uploadId) {
        disk.ifPresent(d -> d.deleteUpload(uploadId));
    }

    /** Makes the object visible (replacing any previous one) once its metadata is durable. */
    void put(Bucket b, StoredObject o) {
        StoredObject previous;
        synchronized (b) {
            if (b.deleted) {
                discard(o.blob());
                throw S3Exception.noSuchBucket(b.name);
            }
            disk.ifPresent(d -> d.writeObject(b.name, o));
            previous = b.objects.put(o.key(), o);
        }
        if (previous != null && previous.blob() != o.blob()) {
            discard(previous.blob());
        }
    }

    /** Deletes an object; deleting a missing key is not an error in S3. */
    Optional<StoredObject> delete(Bucket b, String key) {
        StoredObject removed;
        synchronized (b) {
            checkNotDeleted(b);
            if (!b.objects.containsKey(key)) {
                return Optional.empty();
            }
            disk.ifPresent(d -> d.deleteObject(b.name, key));
            removed = b.objects.remove(key);
        }
        if (removed != null) {
            discard(removed.blob());
        }
        return Optional.ofNullable(removed);
    }

    StoredObject object(Bucket b, String key) {
        StoredObject o = b.objects.get(key);
        if (o == null) {
            throw S3Exception.noSuchKey(key);
        }
        return o;
    }

    private static void checkNotDeleted(Bucket b) {
        if (b.deleted) {
            throw S3Exception.noSuchBucket(b.name);
        }
    }
}
