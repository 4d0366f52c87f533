package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/** With a data directory, stacks, their resources, outputs, events and change sets survive a restart. */
class PersistenceTest {
    @TempDir
    Path dataDir;

    private static final String TEMPLATE = "Parameters:\n  Secret:\n    Type: String\n    NoEcho: true\n"
            + "Resources:\n  A:\n    Type: Test::Thing\n    Properties:\n      Value: !Ref Secret\n"
            + "Outputs:\n  Out:\n    Value: !GetAtt A.Arn\n    Export:\n      Name: a-arn\n";

    @Test
    void stacksSurviveRestart_andCanBeUpdatedAndDeletedAfterwards() {
        ThingProvider things = new ThingProvider();
        String stackId;
        try (LocalCloudFormation first = new LocalCloudFormation(List.of(things), (b, k) -> Optional.empty(),
                Optional.of(dataDir))) {
            stackId = first.client.createStack(b -> b.stackName("kept").templateBody(TEMPLATE)
                    .parameters(p -> p.parameterKey("Secret").parameterValue("s1"))).stackId();
            assertThat(first.await("kept").stackStatus()).isEqualTo("CREATE_COMPLETE");
            first.client.createChangeSet(b -> b.stackName("kept").changeSetName("pending").templateBody(TEMPLATE)
                    .parameters(p -> p.parameterKey("Secret").parameterValue("s2")));
        }
        try (LocalCloudFormation second = new LocalCloudFormation(List.of(things), (b, k) -> Optional.empty(),
                Optional.of(dataDir))) {
            var stack = second.client.describeStacks(b -> b.stackName("kept")).stacks().get(0);
            assertThat(stack.stackId()).isEqualTo(stackId);
            assertThat(stack.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
            assertThat(stack.outputs().get(0).exportName()).isEqualTo("a-arn");
            assertThat(stack.parameters().get(0).parameterValue()).isEqualTo("****");
            assertThat(second.client.describeStackEvents(b -> b.stackName("kept")).stackEvents()).hasSize(5);
            assertThat(second.client.listExports().exports()).hasSize(1);
            assertThat(second.client.describeStackResources(b -> b.stackName("kept")).stackResources())
                    .extracting(StackResource::logicalResourceId).containsExactly("A");

            second.client.executeChangeSet(b -> b.stackName("kept").changeSetName("pending"));
            assertThat(second.await("kept").stackStatus()).isEqualTo("UPDATE_COMPLETE");
            assertThat(things.things.values()).extracting(p -> p.get("Value").asText()).containsExactly("s2");

            second.client.deleteStack(b -> b.stackName("kept"));
            assertThat(second.service.awaitSettled(stackId, Duration.ofSeconds(30)).stackStatus())
                    .isEqualTo("DELETE_COMPLETE");
            assertThat(things.things).isEmpty();
        }
    }
}
