package dev.slipway.cloudformation;

import java.time.Instant;

/** A stack resource as DescribeStackResource(s) and ListStackResources return it. */
public record StackResourceDescription(String stackName, String stackId, String logicalResourceId,
        String physicalResourceId, String resourceType, Instant lastUpdated, String resourceStatus,
        String resourceStatusReason, String metadata) {}
