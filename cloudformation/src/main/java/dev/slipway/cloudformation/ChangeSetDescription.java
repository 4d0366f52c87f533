package dev.slipway.cloudformation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A change set as DescribeChangeSet and ListChangeSets return it. */
public record ChangeSetDescription(String changeSetId, String changeSetName, String stackId, String stackName,
        String description, List<Parameter> parameters, Instant creationTime, String executionStatus, String status,
        String statusReason, List<String> capabilities, Map<String, String> tags, List<ResourceChange> changes) {}
