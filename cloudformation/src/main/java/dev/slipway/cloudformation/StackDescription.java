package dev.slipway.cloudformation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A stack as DescribeStacks and ListStacks return it; NoEcho parameter values are masked. */
public record StackDescription(String stackId, String stackName, String description, List<Parameter> parameters,
        Instant creationTime, Optional<Instant> lastUpdatedTime, Optional<Instant> deletionTime, String stackStatus,
        String stackStatusReason, boolean disableRollback, List<String> notificationArns, List<String> capabilities,
        List<Output> outputs, Map<String, String> tags, String changeSetId) {}
