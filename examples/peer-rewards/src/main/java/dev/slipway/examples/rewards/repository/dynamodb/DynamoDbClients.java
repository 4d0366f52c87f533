package dev.slipway.examples.rewards.repository.dynamodb;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client from the function's environment, the same way on AWS and on the local
 * cloud: region and credentials from the variables Lambda sets, and the endpoint from
 * {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code AWS_ENDPOINT_URL} when present (the local cloud sets them;
 * on AWS they are absent and the SDK picks the regional endpoint).
 *
 * <p>The SDK (2.57) honours those two variables by itself too; reading them here makes the behaviour
 * explicit, testable without touching the process environment, and independent of SDK settings such as
 * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}.
 */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    public static DynamoDbClient fromEnvironment() {
        return create(System.getenv());
    }

    public static DynamoDbClient create(Map<String, String> env) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                // The small JDK-based client: no Apache/Netty on the classpath, a faster cold start.
                .httpClient(UrlConnectionHttpClient.builder().build());
        String endpoint = firstSet(env, "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        if (region != null) {
            builder.region(Region.of(region));
        }
        String accessKey = firstSet(env, "AWS_ACCESS_KEY_ID");
        String secretKey = firstSet(env, "AWS_SECRET_ACCESS_KEY");
        if (accessKey != null && secretKey != null) {
            String token = firstSet(env, "AWS_SESSION_TOKEN");
            AwsCredentials credentials = token == null
                    ? AwsBasicCredentials.create(accessKey, secretKey)
                    : AwsSessionCredentials.create(accessKey, secretKey, token);
            builder.credentialsProvider(StaticCredentialsProvider.create(credentials));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
