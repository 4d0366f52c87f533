package dev.slipway.s3;

/**
 * S3's limits, in one place.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html">Multipart upload limits</a>
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html">Object key names</a>
 */
final class Limits {
    /** A key is at most 1,024 bytes of UTF-8. */
    static final int MAX_KEY_BYTES = 1024;
    /** A single PUT uploads at most 5 GiB. */
    static final long MAX_PUT_BYTES = 5L * 1024 * 1024 * 1024;
    /** Every part but the last of a multipart upload is at least 5 MiB. */
    static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    /** Part numbers run from 1 to 10,000. */
    static final int MAX_PART_NUMBER = 10_000;
    /** List actions return at most 1,000 keys per page; DeleteObjects takes at most 1,000 keys. */
    static final int MAX_KEYS = 1000;
    /** User-defined metadata is at most 2 KB (names and values, UTF-8). */
    static final int MAX_USER_METADATA_BYTES = 2048;
    /** A bucket policy is at most 20 KB. */
    static final int MAX_POLICY_BYTES = 20 * 1024;

    private Limits() {}
}
