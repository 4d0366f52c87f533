package dev.slipway.s3;

import java.time.Instant;
import java.util.Map;

/**
 * What {@link S3Service} tells about an object (HeadObject's answer).
 *
 * @param eTag quoted, as S3 returns it: {@code "<md5>"} or {@code "<md5-of-md5s>-N"} for multipart
 * @param userMetadata {@code x-amz-meta-*} without the prefix
 */
public record ObjectInfo(String bucket, String key, long size, String eTag, Instant lastModified, String contentType,
        Map<String, String> userMetadata) {}
