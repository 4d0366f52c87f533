package dev.slipway.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One request of each protocol the deployer speaks (Lambda's REST-JSON, CloudFormation's Query
 * with XML answers, S3's REST-XML with the local cloud's unsigned upload), made through clients
 * configured as {@link Target#local}'s but whose HTTP client answers in process with a canned
 * response: nothing leaves the JVM. The SDK's first request in a fresh JVM loads and initialises
 * its request pipeline (interceptors, endpoint rules, signer, marshallers, XML/JSON unmarshallers),
 * a few hundred ms of CPU in the CLI's C1 JVM that the deploy otherwise paid on its path
 * (GetAccountSettings, the first DescribeStacks, the upload); {@link Target#warmUp} runs this on a
 * second core while the service is read.
 */
final class SdkWarmUp {
    private SdkWarmUp() {}

    static void run(Target local) {
        try (LambdaClient lambda = local.lambdaClient(new Canned(r -> json(
                "{\"AccountLimit\":{\"TotalCodeSize\":80530636800,\"CodeSizeZipped\":52428800},"
                        + "\"AccountUsage\":{\"TotalCodeSize\":0,\"FunctionCount\":0}}")))) {
            lambda.getAccountSettings();
        }
        try (CloudFormationClient cfn = local.cloudFormationClient(new Canned(SdkWarmUp::cloudFormation))) {
            cfn.describeStacks(b -> b.stackName("warm-up"));
            cfn.describeStackEvents(b -> b.stackName("warm-up"));
        }
        try (S3Client s3 = local.s3Client(new Canned(r -> new Answer(200, "text/plain", "warm"
                .getBytes(StandardCharsets.UTF_8))))) {
            s3.putObject(b -> b.bucket("warm-up").key("warm-up"), RequestBody.fromBytes(new byte[64 * 1024]));
            s3.getObjectAsBytes(b -> b.bucket("warm-up").key("warm-up"));
        }
    }

    private record Answer(int status, String contentType, byte[] body) {}

    private static Answer json(String body) {
        return new Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static final String CFN_NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private static Answer cloudFormation(String requestBody) {
        String xml = requestBody.contains("Action=DescribeStackEvents")
                ? "<DescribeStackEventsResponse xmlns=\"" + CFN_NS + "\"><DescribeStackEventsResult><StackEvents><member>"
                        + "<EventId>e1</EventId><StackName>warm-up</StackName><StackId>arn:aws:cloudformation:us-east-1:"
                        + "000000000000:stack/warm-up/1</StackId><LogicalResourceId>warm-up</LogicalResourceId>"
                        + "<ResourceType>AWS::CloudFormation::Stack</ResourceType><Timestamp>2026-01-01T00:00:00.000Z"
                        + "</Timestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus><ResourceProperties>{}"
                        + "</ResourceProperties></member></StackEvents></DescribeStackEventsResult>"
                        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStackEventsResponse>"
                : "<DescribeStacksResponse xmlns=\"" + CFN_NS + "\"><DescribeStacksResult><Stacks><member>"
                        + "<StackName>warm-up</StackName><StackId>arn:aws:cloudformation:us-east-1:000000000000:stack/"
                        + "warm-up/1</StackId><CreationTime>2026-01-01T00:00:00.000Z</CreationTime>"
                        + "<StackStatus>CREATE_COMPLETE</StackStatus><Outputs><member><OutputKey>K</OutputKey>"
                        + "<OutputValue>V</OutputValue></member></Outputs><Capabilities><member>CAPABILITY_IAM</member>"
                        + "</Capabilities></member></Stacks></DescribeStacksResult>"
                        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStacksResponse>";
        return new Answer(200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** An HTTP client that reads each request's body and answers it from a function of that body. */
    private static final class Canned implements SdkHttpClient {
        private final Function<String, Answer> answer;

        Canned(Function<String, Answer> answer) {
            this.answer = answer;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    byte[] body = new byte[0];
                    if (request.contentStreamProvider().isPresent()) {
                        try (InputStream in = request.contentStreamProvider().get().newStream()) {
                            body = in.readAllBytes();
                        }
                    }
                    Answer a = answer.apply(new String(body, StandardCharsets.UTF_8));
                    SdkHttpRequest http = request.httpRequest();
                    SdkHttpResponse response = SdkHttpResponse.builder().statusCode(a.status())
                            .putHeader("Content-Type", a.contentType())
                            .putHeader("Content-Length", Integer.toString(a.body().length))
                            // the hex MD5 S3 gives: the client checks a PutObject's ETag against what it sent
                            .putHeader("ETag", "\"" + md5Hex(body.length > 0 ? body : a.body()) + "\"")
                            .putHeader("x-amz-request-id", http.method().name())
                            .build();
                    return HttpExecuteResponse.builder().response(response)
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(a.body()))).build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}

        private static String md5Hex(byte[] bytes) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
