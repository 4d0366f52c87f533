package dev.slipway.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A change set as recorded with its stack. */
final class ChangeSetState {
    String id = "";
    String name = "";
    String type = "";
    String status = "";
    String executionStatus = "";
    String statusReason = "";
    String description = "";
    long creationTime;
    String templateBody = "";
    Map<String, Parameters.Value> parameters = new LinkedHashMap<>();
    List<String> capabilities = new ArrayList<>();
    Map<String, String> tags = new LinkedHashMap<>();
    List<String> notificationArns = new ArrayList<>();
    List<ResourceChange> changes = new ArrayList<>();
}
