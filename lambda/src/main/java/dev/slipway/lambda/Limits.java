package dev.slipway.lambda;

/**
 * Lambda's quotas, in one place. Source: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 * (read 2026-11-26) and the Runtime Interface Emulator's {@code interop.MaxPayloadSize}.
 */
final class Limits {
    /** Synchronous invocation request payload, bytes (6 MB). */
    static final int SYNC_REQUEST_BYTES = 6 * 1024 * 1024;
    /** Asynchronous (Event) invocation request payload, bytes (1 MB since 2025). */
    static final int ASYNC_REQUEST_BYTES = 1024 * 1024;
    /** Synchronous response payload, bytes: 6 MiB + 100, as Lambda reports it (6,291,556). */
    static final int RESPONSE_BYTES = 6 * 1024 * 1024 + 100;
    /** Memory, MB. */
    static final int MIN_MEMORY_MB = 128;
    static final int MAX_MEMORY_MB = 10240;
    static final int DEFAULT_MEMORY_MB = 128;
    /** Timeout, seconds. */
    static final int MIN_TIMEOUT_S = 1;
    static final int MAX_TIMEOUT_S = 900;
    static final int DEFAULT_TIMEOUT_S = 3;
    /** Init phase limit, seconds (on-demand functions). */
    static final int INIT_TIMEOUT_S = 10;
    /** Environment variables, total bytes. */
    static final int ENVIRONMENT_BYTES = 4 * 1024;
    /** Function name, characters (name only). */
    static final int FUNCTION_NAME_CHARS = 64;
    /** Zipped deployment package uploaded directly, bytes (50 MB). */
    static final int ZIP_UPLOAD_BYTES = 50 * 1024 * 1024;
    /** Unzipped deployment package including layers, bytes (250 MB). */
    static final long UNZIPPED_BYTES = 250L * 1024 * 1024;
    /** Code storage per region for every kept version and layer, bytes (75 GB, raisable on AWS). */
    static final long TOTAL_CODE_BYTES = 75L * 1024 * 1024 * 1024;
    /** Concurrent executions per region (AWS's default quota). */
    static final int CONCURRENT_EXECUTIONS = 1000;
    /** Layers per function. */
    static final int LAYERS = 5;
    /** X-Amz-Log-Result: the last 4 KB of the invocation's log. */
    static final int LOG_TAIL_BYTES = 4096;
    /** X-Amz-Client-Context, bytes of base64. */
    static final int CLIENT_CONTEXT_BYTES = 3583;
    /** Asynchronous invocations: retries after the first attempt. */
    static final int ASYNC_RETRIES = 2;
    /** ListFunctions / ListVersionsByFunction / ListAliases page size. */
    static final int MAX_ITEMS = 50;

    private Limits() {}
}
