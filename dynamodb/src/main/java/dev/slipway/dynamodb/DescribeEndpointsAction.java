package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeEndpoints: the regional endpoint, cached for 1440 minutes as AWS answers. */
final class DescribeEndpointsAction implements Action {
    private final Tables tables;

    DescribeEndpointsAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putArray("Endpoints").addObject().put("Address", "dynamodb." + tables.region + ".amazonaws.com")
                .put("CachePeriodInMinutes", 1440);
        return out;
    }
}
