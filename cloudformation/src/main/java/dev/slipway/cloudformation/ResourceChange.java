package dev.slipway.cloudformation;

import java.util.List;

/**
 * One change of a change set.
 *
 * @param action Add, Modify or Remove
 * @param replacement True, False or Conditional for Modify; "" otherwise
 * @param scope the changed parts, e.g. Properties
 */
public record ResourceChange(String action, String logicalResourceId, String physicalResourceId,
        String resourceType, String replacement, List<String> scope, List<Detail> details) {

    /** A changed property: RequiresRecreation Never/Conditionally/Always, Evaluation Static/Dynamic. */
    public record Detail(String attribute, String name, String requiresRecreation, String evaluation,
            String changeSource, String causingEntity) {}
}
