package dev.slipway.junit;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.deploy.Target;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.service.Naming;
import dev.slipway.service.Service;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A service deployed by {@link SlipwayTest}: where it answers and how to reach its resources. */
public final class DeployedService {
    private final Service service;
    private final Target target;
    private final Map<String, String> outputs;
    private final Optional<LocalCloud> cloud;
    private final ResourceLookup resources;
    private DynamoDbClient dynamoDb;
    private LambdaClient lambda;
    private S3Client s3;
    private CloudWatchLogsClient logs;

    /** Looks up a stack resource's physical id by logical id. */
    interface ResourceLookup {
        String physicalId(String logicalId);
    }

    DeployedService(Service service, Target target, Map<String, String> outputs, Optional<LocalCloud> cloud,
            ResourceLookup resources) {
        this.service = service;
        this.target = target;
        this.outputs = Map.copyOf(outputs);
        this.cloud = cloud;
        this.resources = resources;
    }

    /** The stage this class deployed to. */
    public String stage() {
        return service.stage();
    }

    /** The service as resolved for that stage. */
    public Service service() {
        return service;
    }

    /** The local cloud's edge URL, for any AWS SDK or the AWS CLI ({@code --endpoint-url}). */
    public URI endpoint() {
        return target.endpoint().orElseThrow();
    }

    /** The REST API's base URL for this stage, without a trailing slash; e.g. {@code …/restapis/ab12/t1a2b3/_user_request_}. */
    public String apiUrl() {
        String endpoint = outputs.get("ServiceEndpoint");
        if (endpoint == null) {
            throw new IllegalStateException("the service has no REST API (no ServiceEndpoint output)");
        }
        return target.reachableUrl(endpoint).replaceAll("/$", "");
    }

    /** The stack's outputs. */
    public Map<String, String> outputs() {
        return outputs;
    }

    /** The physical id of a resource of the stack, e.g. the table name of {@code UsersTable}. */
    public String physicalId(String logicalId) {
        return resources.physicalId(logicalId);
    }

    /** The deployed (Lambda) name of a function, by its key in serverless.yml. */
    public String functionName(String key) {
        return service.function(key).orElseThrow(() -> new IllegalArgumentException(
                "no function '" + key + "' in " + service.name() + "; functions: " + service.functions().keySet()))
                .deployedName();
    }

    /** The in-process local cloud, when the extension started one (not when attached to an endpoint). */
    public Optional<LocalCloud> cloud() {
        return cloud;
    }

    /**
     * Fires the schedules of a function now, as EventBridge would (also when disabled), and returns
     * the names of the rules fired. Targets are invoked asynchronously, as on AWS.
     */
    public List<String> fireSchedules(String functionKey) {
        LocalCloud c = cloud.orElseThrow(() -> new IllegalStateException(
                "firing schedules needs the in-process cloud (not available with slipway.endpoint)"));
        functionName(functionKey);
        List<String> fired = new ArrayList<>();
        for (int i = 1; ; i++) {
            String ruleName;
            try {
                ruleName = physicalId(Naming.schedule(functionKey, i));
            } catch (RuntimeException none) {
                break;
            }
            c.events().fire(ruleName);
            fired.add(ruleName);
        }
        if (fired.isEmpty()) {
            throw new IllegalArgumentException("function '" + functionKey + "' has no schedule events");
        }
        return fired;
    }

    /** The log messages of a function since a moment, through the CloudWatch Logs API. */
    public List<String> logs(String functionKey, Instant since) {
        String group = "/aws/lambda/" + functionName(functionKey);
        List<String> messages = new ArrayList<>();
        try {
            for (FilteredLogEvent e : logs().filterLogEventsPaginator(b -> b.logGroupName(group)
                    .startTime(since.toEpochMilli())).events()) {
                messages.add(e.message());
            }
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException notYet) {
            return List.of();
        }
        return messages;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.of(AwsDefaults.REGION))
                    .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return dynamoDb;
    }

    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = LambdaClient.builder().endpointOverride(endpoint()).region(Region.of(AwsDefaults.REGION))
                    .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return lambda;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder().endpointOverride(endpoint()).region(Region.of(AwsDefaults.REGION)).forcePathStyle(true)
                    .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return s3;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = CloudWatchLogsClient.builder().endpointOverride(endpoint()).region(Region.of(AwsDefaults.REGION))
                    .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return logs;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsDefaults.ACCESS_KEY_ID,
                AwsDefaults.SECRET_ACCESS_KEY));
    }

    synchronized void closeClients() {
        for (AutoCloseable c : new AutoCloseable[] {dynamoDb, lambda, s3, logs}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing clients at the end of a class: nothing to report
            }
        }
    }
}
