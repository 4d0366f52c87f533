package dev.slipway.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Lambda's {@code ListProvisionedConcurrencyConfigsResponse}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListProvisionedConcurrencyConfigsResponse(List<ProvisionedConcurrencyConfig> provisionedConcurrencyConfigs,
        String nextMarker) {}
