package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/** Every intrinsic function, condition, mapping and parameter form, through CreateStack on the SDK. */
class IntrinsicFunctionsTest {
    private final ThingProvider things = new ThingProvider();
    private final LocalCloudFormation cfn = new LocalCloudFormation(List.of(things));

    @AfterEach
    void close() {
        cfn.close();
    }

    private ObjectNode propertiesOf(String stack, String logicalId) {
        StackResource r = cfn.client.describeStackResources(b -> b.stackName(stack)).stackResources().stream()
                .filter(x -> x.logicalResourceId().equals(logicalId)).findFirst().orElseThrow();
        return things.thing(r.physicalResourceId()).orElseThrow();
    }

    private String physicalId(String stack, String logicalId) {
        return cfn.client.describeStackResource(b -> b.stackName(stack).logicalResourceId(logicalId))
                .stackResourceDetail().physicalResourceId();
    }

    @Test
    void createStack_withYamlShortForms_resolvesEveryIntrinsicAndPseudoParameter() {
        String stackId = cfn.client.createStack(b -> b.stackName("intrinsics")
                .templateBody(LocalCloudFormation.template("intrinsics.yaml"))
                .notificationARNs("arn:aws:sns:us-east-1:000000000000:topic")).stackId();
        assertThat(cfn.await("intrinsics").stackStatus()).isEqualTo("CREATE_COMPLETE");

        ObjectNode p = propertiesOf("intrinsics", "Everything");
        String base = "intrinsics-Base-1";
        assertThat(p.get("Value").asText()).isEqualTo(base);
        assertThat(p.get("Arn").asText()).isEqualTo("arn:aws:test:us-east-1:000000000000:thing/" + base);
        assertThat(p.get("ArnLong")).isEqualTo(p.get("Arn"));
        assertThat(p.get("Nested").asText()).isEqualTo("nested-" + base);
        assertThat(p.get("Joined").asText()).isEqualTo("app-dev-us-east-1");
        assertThat(p.get("JoinedList").asText()).isEqualTo("a,b,c");
        assertThat(p.get("Sub").asText()).isEqualTo("app-intrinsics-" + base + "-base-${Literal}");
        assertThat(p.get("SubMap").asText()).isEqualTo("app.amazonaws.com:443");
        assertThat(p.get("Selected").asText()).isEqualTo("c");
        assertThat(p.get("SplitThenSelect").asText()).isEqualTo("b");
        assertThat(p.get("IfProd").asText()).isEqualTo("small");
        assertThat(p.has("NoValue")).isFalse();
        assertThat(p.get("ListWithNoValue").toString()).isEqualTo("[\"one\",\"three\"]");
        assertThat(p.get("Memory").asInt()).isEqualTo(128);
        assertThat(p.get("Label").asText()).isEqualTo("development");
        assertThat(p.get("Zone").asText()).isEqualTo("us-east-1a");
        assertThat(p.get("ZoneCount").asText()).isEqualTo("eu-west-1a,eu-west-1b,eu-west-1c");
        assertThat(p.get("Encoded").asText()).isEqualTo("aGVsbG8=");
        assertThat(p.get("Cidrs").toString()).isEqualTo("[\"10.0.0.0/24\",\"10.0.1.0/24\"]");
        assertThat(p.get("Account").asText()).isEqualTo("000000000000");
        assertThat(p.get("Partition").asText()).isEqualTo("aws");
        assertThat(p.get("StackId").asText()).isEqualTo(stackId);
        assertThat(p.get("Notifications").toString()).isEqualTo("[\"arn:aws:sns:us-east-1:000000000000:topic\"]");
        assertThat(p.get("Size").asText()).isEqualTo("3");
        assertThat(p.get("Secret").asText()).isEqualTo("hunter2");
        assertThat(p.get("Handle").asText()).startsWith("https://cloudformation-waitcondition-us-east-1");
        assertThat(p.get("DevAndBig").asText()).isEqualTo("yes-dev-and-big");
        assertThat(p.get("ProdOrBig").asText()).isEqualTo("not-prod-or-big");

        Stack stack = cfn.client.describeStacks(b -> b.stackName("intrinsics")).stacks().get(0);
        Map<String, String> outputs = stack.outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
        assertThat(outputs).containsOnlyKeys("BaseArn", "ZonesOut");
        assertThat(outputs.get("ZonesOut")).isEqualTo("a|b|c");
        assertThat(stack.outputs().stream().filter(o -> o.outputKey().equals("BaseArn")).findFirst().orElseThrow()
                .exportName()).isEqualTo("intrinsics-BaseArn");
        assertThat(stack.parameters().stream().filter(x -> x.parameterKey().equals("Secret")).findFirst()
                .orElseThrow().parameterValue()).isEqualTo("****");
        assertThat(stack.description()).isEqualTo("Every intrinsic function, condition, mapping and parameter form");
        assertThat(cfn.client.describeStackResources(b -> b.stackName("intrinsics")).stackResources())
                .extracting(StackResource::logicalResourceId).containsExactlyInAnyOrder("Base", "Waiter", "Everything");
    }

    @Test
    void createStack_withParameterOverrides_switchesConditionsAndMappings() {
        cfn.client.createStack(b -> b.stackName("prod").templateBody(LocalCloudFormation.template("intrinsics.yaml"))
                .parameters(p -> p.parameterKey("Stage").parameterValue("prod"),
                        p -> p.parameterKey("Size").parameterValue("9")));
        assertThat(cfn.await("prod").stackStatus()).isEqualTo("CREATE_COMPLETE");
        ObjectNode p = propertiesOf("prod", "Everything");
        assertThat(p.get("IfProd").asText()).isEqualTo("big");
        assertThat(p.get("NoValue").asText()).isEqualTo("present");
        assertThat(p.get("ListWithNoValue").toString()).isEqualTo("[\"one\",\"two\",\"three\"]");
        assertThat(p.get("Memory").asInt()).isEqualTo(1024);
        assertThat(p.get("DevAndBig").asText()).isEqualTo("no");
        assertThat(p.get("ProdOrBig").asText()).isEqualTo("yes");
        assertThat(cfn.client.describeStacks(b -> b.stackName("prod")).stacks().get(0).outputs())
                .extracting(Output::outputKey).contains("OnlyInProd");
    }

    @Test
    void fnIfChoosingNoValue_forAllProperties_leavesTheResourceWithoutProperties() {
        cfn.client.createStack(b -> b.stackName("noprops").templateBody("Conditions:\n  No: !Equals [a, b]\n"
                + "Resources:\n  A:\n    Type: Test::Thing\n    Properties: !If [No, {Value: x}, !Ref AWS::NoValue]\n"));
        assertThat(cfn.await("noprops").stackStatus()).isEqualTo("CREATE_COMPLETE");
        assertThat(propertiesOf("noprops", "A").toString()).isEqualTo("{}");
    }

    @Test
    void createStack_withJsonLongForms_resolvesAndKeepsIamStyleConditionKeys() {
        cfn.client.createStack(b -> b.stackName("json").templateBody(LocalCloudFormation.template("intrinsics.json"))
                .capabilities(Capability.CAPABILITY_IAM));
        assertThat(cfn.await("json").stackStatus()).isEqualTo("CREATE_COMPLETE");
        ObjectNode p = propertiesOf("json", "User");
        String only = physicalId("json", "Only");
        String base = physicalId("json", "Base");
        assertThat(p.get("Value").asText()).isEqualTo(only + "/arn:aws:test:us-east-1:000000000000:thing/" + base);
        assertThat(p.get("Condition").toString()).isEqualTo("{\"StringEquals\":{\"aws:SourceAccount\":\"000000000000\"}}");
        assertThat(p.get("Pick").asText()).isEqualTo("x");
    }
}
