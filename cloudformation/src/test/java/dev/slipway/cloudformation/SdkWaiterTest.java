package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/** The SDK's waiters and paginators, as a deployer uses them, against the default describe wait. */
class SdkWaiterTest {
    private final ThingProvider things = new ThingProvider();
    private final LocalCloudFormation cfn = new LocalCloudFormation(List.of(things), (b, k) -> Optional.empty(),
            Optional.empty(), Duration.ofSeconds(10));

    @AfterEach
    void close() {
        cfn.close();
    }

    @Test
    void stackCreateCompleteWaiter_succeedsAtItsFirstPoll() {
        cfn.client.createStack(b -> b.stackName("w").templateBody("Resources:\n  A:\n    Type: Test::Thing\n"
                + "  B:\n    Type: Test::Thing\n    DependsOn: A\n"));
        WaiterResponse<DescribeStacksResponse> r = cfn.client.waiter().waitUntilStackCreateComplete(
                b -> b.stackName("w"));
        assertThat(r.attemptsExecuted()).isEqualTo(1);
        assertThat(r.matched().response().orElseThrow().stacks().get(0).stackStatusAsString())
                .isEqualTo("CREATE_COMPLETE");
        List<StackEvent> events = cfn.client.describeStackEventsPaginator(b -> b.stackName("w")).stackEvents()
                .stream().toList();
        assertThat(events).hasSize(8);
    }

    @Test
    void stackCreateCompleteWaiter_failsOnRollback() {
        cfn.client.createStack(b -> b.stackName("f").templateBody("Resources:\n  A:\n    Type: Test::Thing\n"
                + "    Properties:\n      Fail: nope\n"));
        assertThatThrownBy(() -> cfn.client.waiter().waitUntilStackCreateComplete(b -> b.stackName("f")))
                .hasMessageContaining("Stacks[].StackStatus=ROLLBACK_COMPLETE");
        assertThat(cfn.client.describeStacks(b -> b.stackName("f")).stacks().get(0).stackStatusAsString())
                .isEqualTo("ROLLBACK_COMPLETE");
    }
}
