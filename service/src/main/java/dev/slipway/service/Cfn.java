package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for CloudFormation JSON. */
final class Cfn {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Cfn() {}

    static ObjectNode obj() {
        return F.objectNode();
    }

    static ArrayNode arr(Object... items) {
        ArrayNode a = F.arrayNode();
        for (Object o : items) {
            if (o instanceof JsonNode n) {
                a.add(n);
            } else {
                a.add(String.valueOf(o));
            }
        }
        return a;
    }

    static ObjectNode ref(String logicalId) {
        return obj().put("Ref", logicalId);
    }

    static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode o = obj();
        o.set("Fn::GetAtt", arr(logicalId, attribute));
        return o;
    }

    static ObjectNode join(String delimiter, Object... parts) {
        ObjectNode o = obj();
        o.set("Fn::Join", arr(delimiter, arr(parts)));
        return o;
    }

    static ObjectNode sub(String template) {
        return obj().put("Fn::Sub", template);
    }

    static ObjectNode resource(String type) {
        return obj().put("Type", type);
    }

    static ObjectNode properties(ObjectNode resource) {
        JsonNode p = resource.get("Properties");
        return p instanceof ObjectNode o ? o : resource.putObject("Properties");
    }
}
