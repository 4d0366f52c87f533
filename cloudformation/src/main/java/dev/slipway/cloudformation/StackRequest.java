package dev.slipway.cloudformation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input of CreateStack, UpdateStack and CreateChangeSet.
 *
 * @param templateBody the template, or empty with {@code templateUrl} or {@code usePreviousTemplate}
 * @param changeSetName for CreateChangeSet only, else ""
 * @param changeSetType CREATE or UPDATE, for CreateChangeSet only
 * @param onFailure ROLLBACK (default), DELETE or DO_NOTHING
 */
public record StackRequest(String stackName, Optional<String> templateBody, Optional<String> templateUrl,
        boolean usePreviousTemplate, List<Parameter> parameters, List<String> capabilities, Map<String, String> tags,
        List<String> notificationArns, String onFailure, String changeSetName, String changeSetType,
        String description) {

    public StackRequest {
        parameters = List.copyOf(parameters);
        capabilities = List.copyOf(capabilities);
        tags = Map.copyOf(tags);
        notificationArns = List.copyOf(notificationArns);
    }

    /** A request with a template body and parameters, the rest defaulted. */
    public static StackRequest of(String stackName, String templateBody, List<Parameter> parameters) {
        return new StackRequest(stackName, Optional.of(templateBody), Optional.empty(), false, parameters,
                List.of("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"), Map.of(), List.of(),
                "ROLLBACK", "", "", "");
    }

    public StackRequest withChangeSet(String name, String type) {
        return new StackRequest(stackName, templateBody, templateUrl, usePreviousTemplate, parameters, capabilities,
                tags, notificationArns, onFailure, name, type, description);
    }

    public StackRequest withCapabilities(List<String> newCapabilities) {
        return new StackRequest(stackName, templateBody, templateUrl, usePreviousTemplate, parameters,
                newCapabilities, tags, notificationArns, onFailure, changeSetName, changeSetType, description);
    }
}
