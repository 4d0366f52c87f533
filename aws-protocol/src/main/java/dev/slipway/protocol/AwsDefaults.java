package dev.slipway.protocol;

/**
 * The identity of the local cloud: the account, region and credentials it answers for.
 * Credentials are only valid there, so a handler's SDK calls never reach a real account by
 * accident (issue 2: isolation from real AWS).
 */
public final class AwsDefaults {
    public static final String ACCOUNT_ID = "000000000000";
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "slipway-local";
    public static final String SECRET_ACCESS_KEY = "slipway-local-secret";
    public static final String SESSION_TOKEN = "slipway-local-session";

    private AwsDefaults() {}
}
