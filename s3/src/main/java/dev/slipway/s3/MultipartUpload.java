package dev.slipway.s3;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A multipart upload in progress: what CreateMultipartUpload said, and the parts so far. */
final class MultipartUpload {
    record Part(int number, Blob blob, String eTag, Instant lastModified, Map<String, String> checksums) {}

    final String uploadId;
    final String key;
    final Instant initiated;
    final Map<String, String> headers;
    final Map<String, String> userMetadata;
    final String checksumAlgorithm;
    final String storageClass;
    final ConcurrentSkipListMap<Integer, Part> parts = new ConcurrentSkipListMap<>();

    MultipartUpload(String uploadId, String key, Instant initiated, Map<String, String> headers,
            Map<String, String> userMetadata, String checksumAlgorithm, String storageClass) {
        this.uploadId = uploadId;
        this.key = key;
        this.initiated = initiated;
        this.headers = headers;
        this.userMetadata = userMetadata;
        this.checksumAlgorithm = checksumAlgorithm;
        this.storageClass = storageClass;
    }
}
