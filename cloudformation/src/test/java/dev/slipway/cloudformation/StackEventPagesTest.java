package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * DescribeStackEvents answers a page of at most 100 events, newest first, and a NextToken for the
 * older ones, as AWS does, so a deployer following a long-lived stack reads only its newest page.
 */
class StackEventPagesTest {
    private final ThingProvider things = new ThingProvider();
    private final LocalCloudFormation cfn = new LocalCloudFormation(List.of(things), (b, k) -> Optional.empty(),
            Optional.empty(), Duration.ofSeconds(10));

    @AfterEach
    void close() {
        cfn.close();
    }

    /** A stack with 60 resources: more than 180 events. */
    private void createBigStack(String name) {
        StringBuilder t = new StringBuilder("Resources:\n");
        for (int i = 0; i < 60; i++) {
            t.append("  R").append(i).append(":\n    Type: Test::Thing\n");
        }
        cfn.client.createStack(b -> b.stackName(name).templateBody(t.toString()));
        cfn.client.waiter().waitUntilStackCreateComplete(b -> b.stackName(name));
    }

    @Test
    void aStackWithMoreThan100Events_isPagedNewestFirst_andThePagesJoinWithoutGapsOrRepeats() {
        createBigStack("big");
        DescribeStackEventsResponse first = cfn.client.describeStackEvents(b -> b.stackName("big"));
        assertThat(first.stackEvents()).hasSize(100);
        assertThat(first.nextToken()).isNotBlank();
        assertThat(first.stackEvents().get(0).resourceStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(first.stackEvents().get(0).logicalResourceId()).isEqualTo("big");

        List<StackEvent> all = cfn.client.describeStackEventsPaginator(b -> b.stackName("big")).stackEvents()
                .stream().toList();
        assertThat(all.size()).isGreaterThan(180);
        assertThat(new HashSet<>(all.stream().map(StackEvent::eventId).toList())).hasSize(all.size());
        assertThat(all.subList(0, 100)).isEqualTo(first.stackEvents());
        StackEvent oldest = all.get(all.size() - 1);
        assertThat(oldest.resourceStatusAsString()).isEqualTo("CREATE_IN_PROGRESS");
        assertThat(oldest.logicalResourceId()).isEqualTo("big");
    }

    @Test
    void eventsAddedBetweenTwoPages_doNotShiftTheNextPage() {
        createBigStack("moving");
        int before = (int) cfn.client.describeStackEventsPaginator(b -> b.stackName("moving")).stackEvents()
                .stream().count();
        DescribeStackEventsResponse first = cfn.client.describeStackEvents(b -> b.stackName("moving"));
        cfn.client.deleteStack(b -> b.stackName("moving"));
        cfn.client.waiter().waitUntilStackDeleteComplete(b -> b.stackName("moving"));
        String stackId = first.stackEvents().get(0).stackId();

        DescribeStackEventsResponse second = cfn.client.describeStackEvents(b -> b.stackName(stackId)
                .nextToken(first.nextToken()));
        assertThat(second.stackEvents()).hasSize(Math.min(100, before - 100));
        assertThat(second.stackEvents()).noneMatch(e -> first.stackEvents().stream()
                .anyMatch(f -> f.eventId().equals(e.eventId())));
    }

    @Test
    void aTokenThisServiceDidNotHandOut_isAValidationError() {
        createBigStack("t");
        assertThatThrownBy(() -> cfn.client.describeStackEvents(b -> b.stackName("t").nextToken("bogus")))
                .isInstanceOf(CloudFormationException.class).hasMessageContaining("Invalid NextToken");
    }
}
