package dev.slipway.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The body of Lambda's {@code PutProvisionedConcurrencyConfig}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PutProvisionedConcurrencyConfigRequest(Integer provisionedConcurrentExecutions) {}
