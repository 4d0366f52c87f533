package dev.slipway.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloud.fixture.EchoHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The assembled local cloud through the AWS SDK v2 and plain HTTP: each request reaches its
 * service through the one edge port, and the services are wired to each other (CloudFormation
 * creates tables and functions; API Gateway invokes a real worker JVM; Lambda reads code from S3).
 */
class LocalCloudTest {
    static LocalCloud cloud;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("any", "thing"));

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static URI edge() {
        return URI.create(cloud.url());
    }

    @Test
    void health_listsEveryServiceAsRunning() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(edge().resolve("/_slipway/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"running\"")
                .contains("\"dynamodb\":\"running\"", "\"lambda\":\"running\"", "\"s3\":\"running\"",
                        "\"cloudformation\":\"running\"", "\"apigateway\":\"running\"", "\"events\":\"running\"",
                        "\"logs\":\"running\"");
    }

    @Test
    void unknownTarget_isAnsweredWithWhatIsNotServed() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(edge())
                .header("X-Amz-Target", "AmazonSQS.SendMessage")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("UnknownServiceException")
                .contains("does not serve X-Amz-Target AmazonSQS.SendMessage");
    }

    @Test
    void dynamoDbAndS3_answerOnTheEdgePort() {
        try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(edge()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
             S3Client s3 = S3Client.builder().endpointOverride(edge()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            ddb.createTable(b -> b.tableName("edge-t").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
            assertThat(ddb.listTables().tableNames()).contains("edge-t");
            s3.createBucket(b -> b.bucket("edge-b"));
            s3.putObject(b -> b.bucket("edge-b").key("k"), RequestBody.fromString("v"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("edge-b").key("k")).asUtf8String()).isEqualTo("v");
        }
    }

    @Test
    void aStack_createsATable_aFunctionFromS3_andAnApiThatInvokesIt(@TempDir Path dir) throws Exception {
        Path jar = handlerJar(dir);
        try (S3Client s3 = S3Client.builder().endpointOverride(edge()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
             CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(edge()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
             DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(edge()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.createBucket(b -> b.bucket("code"));
            s3.putObject(b -> b.bucket("code").key("echo.jar"), RequestBody.fromFile(jar));
            String template = Files.readString(Path.of("src/test/resources/echo-stack.json"));
            cfn.createStack(b -> b.stackName("echo").templateBody(template).capabilities(
                    software.amazon.awssdk.services.cloudformation.model.Capability.CAPABILITY_IAM));
            Stack stack = awaitSettled(cfn, "echo");
            assertThat(stack.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");

            assertThat(ddb.describeTable(b -> b.tableName("echo-items")).table().tableStatusAsString()).isEqualTo("ACTIVE");
            String apiId = stack.outputs().stream().filter(o -> o.outputKey().equals("ApiId")).findFirst().orElseThrow()
                    .outputValue();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    edge().resolve("/restapis/" + apiId + "/test/_user_request_/echo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"method\":\"GET\",\"path\":\"/echo\",\"function\":\"echo-fn\"}");
        }
    }

    private static Stack awaitSettled(CloudFormationClient cfn, String name) throws InterruptedException {
        while (true) {
            Stack s = cfn.describeStacks(b -> b.stackName(name)).stacks().get(0);
            if (!s.stackStatusAsString().endsWith("IN_PROGRESS")) {
                return s;
            }
            Thread.sleep(100);
        }
    }

    /** A Lambda artifact: the fixture handler's class at the root of a zip, as Lambda lays out a jar. */
    private static Path handlerJar(Path dir) throws IOException {
        String entry = EchoHandler.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("echo.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            try (var in = EchoHandler.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        return jar;
    }
}
