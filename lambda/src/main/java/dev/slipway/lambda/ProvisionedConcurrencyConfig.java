package dev.slipway.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Lambda's {@code GetProvisionedConcurrencyConfigResponse} / {@code PutProvisionedConcurrencyConfigResponse},
 * and with {@code functionArn} (the alias's or version's ARN) a {@code ProvisionedConcurrencyConfigListItem}.
 *
 * @param status IN_PROGRESS while the workers start, READY once all are, FAILED when one's init failed
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionedConcurrencyConfig(String functionArn, Integer requestedProvisionedConcurrentExecutions,
        Integer availableProvisionedConcurrentExecutions, Integer allocatedProvisionedConcurrentExecutions, String status,
        String statusReason, String lastModified) {}
