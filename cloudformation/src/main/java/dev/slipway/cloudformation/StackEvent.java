package dev.slipway.cloudformation;

import java.time.Instant;

/** One stack event, as DescribeStackEvents returns it ({@code ""} where AWS omits the member). */
public record StackEvent(String stackId, String eventId, String stackName, String logicalResourceId,
        String physicalResourceId, String resourceType, Instant timestamp, String resourceStatus,
        String resourceStatusReason, String resourceProperties) {}
