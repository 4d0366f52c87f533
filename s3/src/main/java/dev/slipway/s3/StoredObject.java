package dev.slipway.s3;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One object as stored: its bytes and everything S3 returns about it.
 *
 * @param headers system metadata as S3 returns it (Content-Type, Cache-Control, ...), by header name
 * @param userMetadata {@code x-amz-meta-*} without the prefix, names lower-cased as S3 returns them
 * @param checksums checksums by algorithm ({@code CRC32} -> base64), as given or computed at upload
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} (multipart), when checksums are present
 * @param partSizes sizes of the parts of a multipart object, in order; empty for a single-part object
 */
record StoredObject(String key, Blob blob, String eTag, Instant lastModified, Map<String, String> headers,
        Map<String, String> userMetadata, Map<String, String> checksums, String checksumType, List<Long> partSizes,
        String storageClass) {

    int partsCount() {
        return partSizes.size();
    }

    long size() {
        return blob.size();
    }

    String contentType() {
        return headers.getOrDefault("Content-Type", "binary/octet-stream");
    }

    ObjectInfo info(String bucket) {
        return new ObjectInfo(bucket, key, size(), eTag, lastModified, contentType(), userMetadata);
    }
}
