package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** UpdateTimeToLive, DescribeTimeToLive, and the sweep that deletes expired items. */
final class TimeToLiveActions {
    private TimeToLiveActions() {}

    static final class Update implements Action {
        private final Tables tables;

        Update(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            String name = c.tableName("TableName");
            JsonNode spec = Constraints.object(in, "TimeToLiveSpecification");
            c.notNull(in, "TimeToLiveSpecification", "timeToLiveSpecification");
            if (spec != null) {
                c.notNull(spec, "AttributeName", "timeToLiveSpecification.attributeName");
                c.notNull(spec, "Enabled", "timeToLiveSpecification.enabled");
            }
            c.check();
            String attribute = Constraints.text(spec, "AttributeName");
            boolean enabled = Constraints.bool(spec, "Enabled");
            if (attribute.isEmpty()) {
                throw ValidationException.of("TimeToLiveSpecification: AttributeName must be specified");
            }
            Table table = tables.forItems(name);
            table.lock.writeLock().lock();
            try {
                if (enabled && table.def.ttlEnabled) {
                    throw ValidationException.of("TimeToLive is already enabled");
                }
                if (!enabled && !table.def.ttlEnabled) {
                    throw ValidationException.of("TimeToLive is already disabled");
                }
                table.def.ttlEnabled = enabled;
                table.def.ttlAttribute = attribute;
                tables.saveDefinition(table);
            } finally {
                table.lock.writeLock().unlock();
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
            return out;
        }
    }

    static final class Describe implements Action {
        private final Tables tables;

        Describe(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            String name = c.tableName("TableName");
            c.check();
            Table table = tables.forItems(name);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ObjectNode d = out.putObject("TimeToLiveDescription");
            table.lock.readLock().lock();
            try {
                if (table.def.ttlEnabled) {
                    d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", table.def.ttlAttribute);
                } else {
                    d.put("TimeToLiveStatus", "DISABLED");
                }
            } finally {
                table.lock.readLock().unlock();
            }
            return out;
        }
    }

    /**
     * Deletes every item whose TTL attribute (a number of epoch seconds) lies in the past of the
     * engine's clock. Items whose attribute is not a number are kept, as on AWS.
     *
     * @return how many items were deleted
     */
    static int sweep(Tables tables) {
        BigDecimal now = BigDecimal.valueOf(tables.clock.instant().getEpochSecond());
        int deleted = 0;
        for (Table table : tables.all()) {
            if (!table.def.ttlEnabled) {
                continue;
            }
            table.lock.writeLock().lock();
            try {
                String attribute = table.def.ttlAttribute;
                List<ItemKey> expired = new ArrayList<>();
                for (var it = table.items.all(); it.hasNext(); ) {
                    Map.Entry<ItemKey, Map<String, AttributeValue>> e = it.next();
                    if (e.getValue().get(attribute) instanceof AttributeValue.N n && n.value().compareTo(now) < 0) {
                        expired.add(e.getKey());
                    }
                }
                expired.forEach(table::delete);
                deleted += expired.size();
            } finally {
                table.lock.writeLock().unlock();
            }
        }
        if (deleted > 0) {
            tables.storage.commit();
        }
        return deleted;
    }
}
