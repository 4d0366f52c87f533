package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.GetTemplateSummaryResponse;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/** The Query protocol's shapes on the wire: XML namespace, error envelope, list members. */
class QueryWireTest {
    private final LocalCloudFormation cfn = new LocalCloudFormation(List.of(new ThingProvider()));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        cfn.close();
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cfn.server.url() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void validationError_isRenderedInTheQueryErrorEnvelope() throws Exception {
        HttpResponse<String> r = post("Action=ValidateTemplate&Version=2010-05-15&TemplateBody="
                + enc("Resources:\n  A:\n    Properties: {}\n"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(r.body()).matches("<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                + "<Error><Type>Sender</Type><Code>ValidationError</Code><Message>Template format error: Every "
                + "Resources object must contain a Type member.</Message></Error><RequestId>[-0-9a-f]{36}</RequestId>"
                + "</ErrorResponse>");
    }

    @Test
    void unknownAction_isAnErrorNamingIt() throws Exception {
        HttpResponse<String> r = post("Action=DetectStackDrift&Version=2010-05-15&StackName=x");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidAction</Code><Message>The action DetectStackDrift is not valid "
                + "for this web service.</Message>");
    }

    @Test
    void missingRequiredMember_isAValidationError() throws Exception {
        HttpResponse<String> r = post("Action=DescribeStackEvents&Version=2010-05-15");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Message>1 validation error detected: Value null at 'stackName' failed to "
                + "satisfy constraint: Member must not be null</Message>");
    }

    @Test
    void createStack_answersWithTheStackIdInTheResultWrapper() throws Exception {
        HttpResponse<String> r = post("Action=CreateStack&Version=2010-05-15&StackName=w&TemplateBody="
                + enc("Resources:\n  A:\n    Type: Test::Thing\n") + "&Tags.member.1.Key=team&Tags.member.1.Value=x");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).matches("<CreateStackResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                + "<CreateStackResult><StackId>arn:aws:cloudformation:us-east-1:000000000000:stack/w/[-0-9a-f]{36}"
                + "</StackId></CreateStackResult><ResponseMetadata><RequestId>[-0-9a-f]{36}</RequestId>"
                + "</ResponseMetadata></CreateStackResponse>");
        cfn.await("w");
        assertThat(cfn.client.describeStacks(b -> b.stackName("w")).stacks().get(0).tags())
                .singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=x"));
    }

    @Test
    void getTemplateSummary_andListStacks_throughTheSdk() {
        GetTemplateSummaryResponse summary = cfn.client.getTemplateSummary(b -> b.templateBody(
                "Parameters:\n  P:\n    Type: Number\n    AllowedValues: [1, 2]\nResources:\n  A:\n    Type: Test::Thing\n"));
        assertThat(summary.resourceTypes()).containsExactly("Test::Thing");
        assertThat(summary.parameters().get(0).parameterType()).isEqualTo("Number");
        assertThat(summary.parameters().get(0).parameterConstraints().allowedValues()).containsExactly("1", "2");

        cfn.client.createStack(b -> b.stackName("l").templateBody("Resources:\n  A:\n    Type: Test::Thing\n"));
        cfn.await("l");
        assertThat(cfn.client.listStacks(b -> b.stackStatusFilters(StackStatus.CREATE_COMPLETE)).stackSummaries())
                .extracting(s -> s.stackName()).containsExactly("l");
        assertThat(cfn.client.listStacks(b -> b.stackStatusFilters(StackStatus.DELETE_COMPLETE)).stackSummaries())
                .isEmpty();
        assertThat(cfn.client.describeStacks().stacks()).hasSize(1);
    }
}
