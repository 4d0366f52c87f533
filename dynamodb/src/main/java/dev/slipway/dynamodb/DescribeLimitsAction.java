package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeLimits: the default quotas of a new account. */
final class DescribeLimitsAction implements Action {
    @Override
    public ObjectNode handle(JsonNode in) {
        return JsonNodeFactory.instance.objectNode()
                .put("AccountMaxReadCapacityUnits", Limits.ACCOUNT_MAX_READ_UNITS)
                .put("AccountMaxWriteCapacityUnits", Limits.ACCOUNT_MAX_WRITE_UNITS)
                .put("TableMaxReadCapacityUnits", Limits.TABLE_MAX_READ_UNITS)
                .put("TableMaxWriteCapacityUnits", Limits.TABLE_MAX_WRITE_UNITS);
    }
}
