package dev.slipway.deploy;

import dev.slipway.protocol.AwsDefaults;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Where a deployment goes: the local cloud (an endpoint on loopback, local credentials) or AWS
 * (the user's credentials and region, optionally through another endpoint such as moto_server).
 * The deployer is the same for both; only the clients built here differ (DESIGN.md decision 5).
 *
 * @param kind local or aws
 * @param endpoint the endpoint override; empty means AWS's own endpoints
 * @param region the region
 * @param credentials how requests are signed
 */
public record Target(Kind kind, Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
    public enum Kind { LOCAL, AWS }

    public static final String DEFAULT_LOCAL_ENDPOINT = "http://127.0.0.1:4566";

    public static Target local(URI endpoint) {
        return new Target(Kind.LOCAL, Optional.of(endpoint), AwsDefaults.REGION, StaticCredentialsProvider.create(
                AwsBasicCredentials.create(AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)));
    }

    public static Target aws(String region, Optional<URI> endpoint) {
        return new Target(Kind.AWS, endpoint, region, DefaultCredentialsProvider.builder().build());
    }

    public boolean isLocal() {
        return kind == Kind.LOCAL;
    }

    /** How long to wait between polls of a stack's status. */
    Duration pollInterval() {
        return isLocal() || endpoint.isPresent() ? Duration.ofMillis(100) : Duration.ofSeconds(2);
    }

    /**
     * How long to wait between polls of a stack's events while it changes. Each poll of the local
     * cloud answers a page of up to 100 events (with their resource properties), which the SDK's
     * XML unmarshaller in the CLI's C1 JVM parsed every 100 ms, competing with the stack's own work
     * for the CPU; the status (one small DescribeStacks) is still read every 100 ms.
     */
    Duration eventPollInterval() {
        return isLocal() ? Duration.ofMillis(500) : pollInterval();
    }

    private static volatile java.util.concurrent.CompletableFuture<Void> warming =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    /**
     * Builds (and closes) a Lambda, CloudFormation and S3 client on a background thread, so that the
     * SDK's classes are loaded and initialised while the caller does other work (a CLI's first SDK
     * client costs a few hundred ms of class loading; {@code slipway deploy} starts this before it
     * reads the service). The clients this class builds afterwards wait until that is done, so no two
     * clients are ever built at once. The same thread then makes one request of each kind in process
     * ({@link SdkWarmUp}); nothing waits for that part: a real request made meanwhile shares the
     * classes it has initialised. Failures are ignored: the real clients report them.
     */
    public static void warmUp() {
        java.util.concurrent.CompletableFuture<Void> clientsBuilt = new java.util.concurrent.CompletableFuture<>();
        warming = clientsBuilt;
        Thread thread = new Thread(() -> {
            Target t = local(URI.create(DEFAULT_LOCAL_ENDPOINT));
            try (LambdaClient l = t.lambdaClient(); CloudFormationClient c = t.cloudFormationClient();
                    S3Client s = t.s3Client()) {
                Trace.mark("sdk warmed up");
            } catch (RuntimeException | LinkageError e) {
                // the real clients will say what is wrong
            } finally {
                clientsBuilt.complete(null);
            }
            try {
                SdkWarmUp.run(t);
                Trace.mark("sdk requests warmed up");
            } catch (RuntimeException | LinkageError e) {
                Trace.mark("sdk request warm-up failed: " + e);
            }
        }, "slipway-sdk-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void awaitWarmUp() {
        warming.handle((done, failure) -> null).join();
    }

    public CloudFormationClient cloudFormation() {
        awaitWarmUp();
        return cloudFormationClient();
    }

    private CloudFormationClient cloudFormationClient() {
        return cloudFormationClient(http());
    }

    CloudFormationClient cloudFormationClient(software.amazon.awssdk.http.SdkHttpClient http) {
        var b = CloudFormationClient.builder().httpClient(http).region(Region.of(region)).credentialsProvider(credentials);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    public S3Client s3() {
        awaitWarmUp();
        return s3Client();
    }

    private S3Client s3Client() {
        return s3Client(http());
    }

    S3Client s3Client(software.amazon.awssdk.http.SdkHttpClient http) {
        var b = S3Client.builder().httpClient(http).region(Region.of(region)).credentialsProvider(credentials)
                .forcePathStyle(endpoint.isPresent());
        endpoint.ifPresent(b::endpointOverride);
        if (isLocal()) {
            b.putAuthScheme(UnsignedPayloadSigner.scheme()); // loopback: no SHA-256 of the artifacts for SigV4
        }
        return b.build();
    }

    public LambdaClient lambda() {
        awaitWarmUp();
        return lambdaClient();
    }

    private LambdaClient lambdaClient() {
        return lambdaClient(http());
    }

    LambdaClient lambdaClient(software.amazon.awssdk.http.SdkHttpClient http) {
        var b = LambdaClient.builder().httpClient(http).region(Region.of(region)).credentialsProvider(credentials);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    public StsClient sts() {
        awaitWarmUp();
        var b = StsClient.builder().httpClient(http()).region(Region.of(region)).credentialsProvider(credentials);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    public CloudWatchLogsClient logs() {
        awaitWarmUp();
        var b = CloudWatchLogsClient.builder().httpClient(http()).region(Region.of(region)).credentialsProvider(credentials);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    private static software.amazon.awssdk.http.SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofMinutes(2))
                .build();
    }

    /** The URL of an S3 object as CloudFormation's TemplateURL wants it. */
    String objectUrl(String bucket, String key) {
        return endpoint.map(e -> e.toString().replaceAll("/$", "") + "/" + bucket + "/" + key)
                .orElse("https://s3." + region + ".amazonaws.com/" + bucket + "/" + key);
    }

    @Override
    public String toString() {
        return isLocal() ? "the local cloud at " + endpoint.get() : "AWS " + region + endpoint.map(e -> " via " + e).orElse("");
    }

    private static final java.util.regex.Pattern EXECUTE_API =
            java.util.regex.Pattern.compile("https://([a-z0-9]+)\\.execute-api\\.[^/]+/([^/]+)(.*)");

    /**
     * A URL from the stack's outputs as a client can reach it: on the local cloud, the execute-api
     * URL AWS would give ({@code https://ID.execute-api.REGION.amazonaws.com/STAGE/…}) becomes the
     * edge port's path form {@code http://127.0.0.1:4566/restapis/ID/STAGE/_user_request_/…}.
     */
    public String reachableUrl(String url) {
        java.util.regex.Matcher m = EXECUTE_API.matcher(url);
        if (!isLocal() || !m.matches()) {
            return url;
        }
        String edge = endpoint.orElseThrow().toString().replaceAll("/$", "");
        return edge + "/restapis/" + m.group(1) + "/" + m.group(2) + "/_user_request_" + m.group(3);
    }
}
