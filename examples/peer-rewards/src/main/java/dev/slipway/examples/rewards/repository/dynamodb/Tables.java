package dev.slipway.examples.rewards.repository.dynamodb;

/**
 * Table and index names, derived from the {@code TBL_PREFIX} environment variable that serverless.yml
 * sets to {@code <stage>-rewards}. Keep in step with the {@code resources:} section of serverless.yml.
 */
public record Tables(String users, String rewards) {

    /** Users table GSI: partition {@code board} (always {@value #BOARD}), sort {@code points}. */
    public static final String USERS_BY_POINTS = "by-points";
    /** Rewards table GSI: partition {@code to}, sort {@code createdAt}. */
    public static final String RECEIVED_BY = "received-by";
    /** Rewards table GSI: partition {@code from}, sort {@code createdAt}. */
    public static final String GIVEN_BY = "given-by";
    /** Rewards table GSI: partition {@code feed} (always {@value #FEED}), sort {@code createdAt}. */
    public static final String FEED = "feed";

    static final String BOARD = "all";
    static final String FEED_PARTITION = "all";

    public static Tables withPrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalStateException("TBL_PREFIX is not set: it names the tables (<stage>-rewards);"
                    + " serverless.yml sets it for every function");
        }
        return new Tables(prefix + "-users", prefix + "-rewards");
    }
}
