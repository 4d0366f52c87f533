package dev.slipway.lambda;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** Lambda's {@code UpdateFunctionConfigurationRequest}; absent members (null) keep their value. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateFunctionConfigurationRequest(String role, String handler, String description, Integer timeout, Integer memorySize, Environment environment, String runtime, List<String> layers, String revisionId) {}
