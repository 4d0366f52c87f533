package dev.slipway.s3;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One bucket's state. Mutations of its objects happen under the bucket's monitor (so a write and
 * its persistence are one step for readers); reads go straight to the concurrent maps.
 */
final class Bucket {
    final String name;
    final Instant created;
    /** The LocationConstraint given at creation; empty for us-east-1. */
    final String locationConstraint;
    final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    final ConcurrentHashMap<String, MultipartUpload> uploads = new ConcurrentHashMap<>();
    volatile Optional<String> policy = Optional.empty();
    volatile Optional<WebsiteConfiguration> website = Optional.empty();
    /** Set under the monitor when the bucket is deleted, so a write racing the delete fails. */
    boolean deleted;

    Bucket(String name, Instant created, String locationConstraint) {
        this.name = name;
        this.created = created;
        this.locationConstraint = locationConstraint;
    }
}
