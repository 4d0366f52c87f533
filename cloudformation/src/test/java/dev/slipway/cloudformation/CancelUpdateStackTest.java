package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/** CancelUpdateStack, through the SDK: an update stops where it is and rolls back to the previous state. */
class CancelUpdateStackTest {
    private final ThingProvider things = new ThingProvider();
    private final LocalCloudFormation cfn = new LocalCloudFormation(List.of(things));

    @AfterEach
    void close() {
        cfn.close();
    }

    private static final String BEFORE = "Resources:\n  A:\n    Type: Test::Thing\n    Properties:\n      Value: v1\n";
    private static final String SLOW_UPDATE = "Resources:\n  A:\n    Type: Test::Thing\n    Properties:\n      Value: v2\n"
            + "  Handle:\n    Type: AWS::CloudFormation::WaitConditionHandle\n"
            + "  Wait:\n    Type: AWS::CloudFormation::WaitCondition\n    DependsOn: A\n"
            + "    Properties:\n      Handle: !Ref Handle\n      Timeout: '600'\n"
            + "  B:\n    Type: Test::Thing\n    DependsOn: Wait\n";

    private List<StackEvent> events(String stack) {
        return cfn.client.describeStackEvents(b -> b.stackName(stack)).stackEvents();
    }

    private void awaitEvent(String stack, String logicalId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (events(stack).stream().noneMatch(e -> e.logicalResourceId().equals(logicalId)
                && e.resourceStatusAsString().equals(status))) {
            assertThat(System.nanoTime()).as(logicalId + " " + status).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void cancelledUpdate_rollsBackToThePreviousStateAndTheNextUpdateWorks() throws Exception {
        cfn.client.createStack(b -> b.stackName("c").templateBody(BEFORE));
        cfn.await("c");
        String id = things.things.keySet().iterator().next();
        cfn.client.updateStack(b -> b.stackName("c").templateBody(SLOW_UPDATE));
        awaitEvent("c", "Wait", "CREATE_IN_PROGRESS");
        assertThat(things.thing(id).orElseThrow().get("Value").asText()).isEqualTo("v2");

        cfn.client.cancelUpdateStack(b -> b.stackName("c"));

        assertThat(cfn.await("c").stackStatus()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(things.thing(id).orElseThrow().get("Value").asText()).as("A restored").isEqualTo("v1");
        assertThat(things.calls).doesNotContain("create B");
        assertThat(events("c")).anySatisfy(e -> {
            assertThat(e.resourceStatusAsString()).isEqualTo("UPDATE_ROLLBACK_IN_PROGRESS");
            assertThat(e.resourceStatusReason()).isEqualTo("User Initiated");
        });
        assertThat(cfn.client.describeStackResources(b -> b.stackName("c")).stackResources())
                .extracting(r -> r.logicalResourceId()).containsExactly("A");

        cfn.client.updateStack(b -> b.stackName("c").templateBody(BEFORE.replace("v1", "v3")));
        assertThat(cfn.await("c").stackStatus()).isEqualTo("UPDATE_COMPLETE");
        assertThat(things.thing(id).orElseThrow().get("Value").asText()).isEqualTo("v3");
    }

    @Test
    void cancelUpdateStack_onASettledStack_isRefusedAsOnAws() {
        cfn.client.createStack(b -> b.stackName("s").templateBody(BEFORE));
        cfn.await("s");
        assertThatThrownBy(() -> cfn.client.cancelUpdateStack(b -> b.stackName("s")))
                .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("CancelUpdateStack cannot be called from current stack status");
                });
        assertThatThrownBy(() -> cfn.client.cancelUpdateStack(b -> b.stackName("missing")))
                .hasMessageContaining("Stack with id missing does not exist");
    }

    @Test
    void waitConditionWithoutSignals_failsAtItsTimeoutAndTheCreationRollsBack() {
        cfn.client.createStack(b -> b.stackName("t").templateBody("Resources:\n"
                + "  Handle:\n    Type: AWS::CloudFormation::WaitConditionHandle\n"
                + "  Wait:\n    Type: AWS::CloudFormation::WaitCondition\n"
                + "    Properties:\n      Handle: !Ref Handle\n      Timeout: '1'\n      Count: 2\n"));
        assertThat(cfn.await("t").stackStatus()).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(events("t")).anySatisfy(e -> {
            assertThat(e.logicalResourceId()).isEqualTo("Wait");
            assertThat(e.resourceStatusAsString()).isEqualTo("CREATE_FAILED");
            assertThat(e.resourceStatusReason()).isEqualTo("WaitCondition timed out. Received 0 conditions when expecting 2");
        });
    }
}
