package dev.slipway.deploy.limits;

/**
 * Lambda's limits that a deployment can cross, in one place, in bytes. Source: the Lambda quotas
 * page, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, and the
 * {@code AccountLimit} shape of GetAccountSettings (both read 2026-11-26). Lambda's "MB" is 1,024 KB.
 */
public final class LambdaLimits {
    /**
     * A .zip uploaded directly (Code.ZipFile): 50 MB. Code taken from S3 has no zipped limit of its
     * own; only {@link #UNZIPPED_BYTES} applies to it. {@code slipway deploy} always goes through S3.
     */
    public static final long ZIPPED_DIRECT_UPLOAD_BYTES = 50L * 1024 * 1024;
    /** The function's code unzipped, its layers included: 250 MB (262,144,000 bytes, as Lambda's error says). */
    public static final long UNZIPPED_BYTES = 250L * 1024 * 1024;
    /** Environment variables, measured as the JSON of the map: 4 KB. */
    public static final int ENVIRONMENT_BYTES = 4 * 1024;
    /** Code storage per region, every kept version and layer version counting: 75 GB by default (raisable). */
    public static final long CODE_STORAGE_BYTES = 75L * 1024 * 1024 * 1024;
    /** From this share of a limit on, a warning. */
    public static final double WARNING_SHARE = 0.8;

    private LambdaLimits() {}
}
