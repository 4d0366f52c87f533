package dev.slipway.dynamodb;

/**
 * DynamoDB's limits, in one place. Source: "Quotas in Amazon DynamoDB",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
 */
final class Limits {
    /** Maximum item size, bytes (names + values, UTF-8). */
    static final int MAX_ITEM_BYTES = 400 * 1024;
    /** Maximum partition key value size, bytes. */
    static final int MAX_HASH_KEY_BYTES = 2048;
    /** Maximum sort key value size, bytes. */
    static final int MAX_RANGE_KEY_BYTES = 1024;
    /** Query and Scan stop after this much data has been read, bytes. */
    static final int MAX_PAGE_BYTES = 1024 * 1024;
    /** BatchGetItem keys per request. */
    static final int MAX_BATCH_GET_KEYS = 100;
    /** BatchGetItem response size, bytes; the rest goes to UnprocessedKeys. */
    static final int MAX_BATCH_GET_BYTES = 16 * 1024 * 1024;
    /** BatchWriteItem requests per call. */
    static final int MAX_BATCH_WRITE_REQUESTS = 25;
    /** TransactWriteItems / TransactGetItems actions per call. */
    static final int MAX_TRANSACT_ITEMS = 100;
    /** Aggregate size of the items in one transaction, bytes. */
    static final int MAX_TRANSACT_BYTES = 4 * 1024 * 1024;
    /** How long a ClientRequestToken is remembered, seconds. */
    static final long IDEMPOTENCY_WINDOW_SECONDS = 600;
    /** Local secondary indexes per table. */
    static final int MAX_LSIS = 5;
    /** Global secondary indexes per table (default quota). */
    static final int MAX_GSIS = 20;
    /** Projected non-key attributes over all indexes of a table. */
    static final int MAX_PROJECTED_ATTRIBUTES = 100;
    /** Tables per account per region (default quota). */
    static final int MAX_TABLES = 2500;
    /** ListTables page size. */
    static final int MAX_LIST_TABLES = 100;
    /** Significant digits of a number. */
    static final int NUMBER_PRECISION = 38;
    /** Largest adjusted exponent of a number: magnitude up to 9.99…E+125. */
    static final int NUMBER_MAX_EXPONENT = 125;
    /** Smallest adjusted exponent of a non-zero number: magnitude down to 1E-130. */
    static final int NUMBER_MIN_EXPONENT = -130;
    /** Item size one read capacity unit covers (strongly consistent), bytes. */
    static final int READ_UNIT_BYTES = 4096;
    /** Item size one write capacity unit covers, bytes. */
    static final int WRITE_UNIT_BYTES = 1024;
    /** Tags per resource. */
    static final int MAX_TAGS = 50;
    /** Account-level limits DescribeLimits reports (defaults of a new account). */
    static final long ACCOUNT_MAX_READ_UNITS = 80_000;
    static final long ACCOUNT_MAX_WRITE_UNITS = 80_000;
    static final long TABLE_MAX_READ_UNITS = 40_000;
    static final long TABLE_MAX_WRITE_UNITS = 40_000;

    private Limits() {}
}
