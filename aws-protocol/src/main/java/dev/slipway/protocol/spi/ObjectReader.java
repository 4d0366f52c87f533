package dev.slipway.protocol.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads objects from the local cloud's S3, for services that take code or data from a bucket
 * (Lambda's {@code Code.S3Bucket}/{@code S3Key}) without depending on the s3 module.
 */
public interface ObjectReader {
    /** Opens the object's content, or empty if the bucket or key does not exist. */
    Optional<InputStream> open(String bucket, String key) throws IOException;
}
