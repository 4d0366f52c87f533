package dev.slipway.cloudformation;

import java.util.List;

/** What ValidateTemplate and GetTemplateSummary return. */
public record TemplateSummary(List<ParameterDeclaration> parameters, String description, List<String> capabilities,
        String capabilitiesReason, List<String> resourceTypes, String version) {

    /** A declared parameter; {@code defaultValue} is "" when none. */
    public record ParameterDeclaration(String parameterKey, String defaultValue, String parameterType, boolean noEcho,
            String description, List<String> allowedValues) {}
}
