package dev.slipway.lambda;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Lambda's {@code GetAccountSettingsResponse}: the account's limits and what it uses of them. All sizes in bytes. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record GetAccountSettingsResponse(AccountLimit accountLimit, AccountUsage accountUsage) {

    /** Lambda's {@code AccountLimit}. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record AccountLimit(long totalCodeSize, long codeSizeUnzipped, long codeSizeZipped, int concurrentExecutions,
            int unreservedConcurrentExecutions) {}

    /** Lambda's {@code AccountUsage}. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record AccountUsage(long totalCodeSize, long functionCount) {}
}
