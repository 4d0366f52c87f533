package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ResourceNotFoundException;
import dev.slipway.dynamodb.error.ValidationException;

/** TagResource, UntagResource and ListTagsOfResource: three small actions on a table's tags. */
final class TagActions {
    private TagActions() {}

    static void checkTags(JsonNode tags) {
        if (tags.size() > Limits.MAX_TAGS) {
            throw ValidationException.of("One or more parameter values were invalid: The number of tags exceeds the limit of "
                    + Limits.MAX_TAGS);
        }
        for (JsonNode t : tags) {
            String key = Constraints.text(t, "Key");
            if (key == null || key.isEmpty() || key.length() > 128 || key.startsWith("aws:")) {
                throw ValidationException.of("One or more parameter values were invalid: Invalid tag key " + key);
            }
            String value = Constraints.text(t, "Value");
            if (value == null || value.length() > 256) {
                throw ValidationException.of("One or more parameter values were invalid: Invalid tag value " + value);
            }
        }
    }

    private static String arn(Constraints c) {
        String arn = Constraints.text(c.input(), "ResourceArn");
        if (arn == null) {
            c.violation("null", "resourceArn", "Member must not be null");
        } else if (arn.isEmpty() || arn.length() > 1283) {
            c.violation(Constraints.quote(arn), "resourceArn",
                    "Member must have length " + (arn.isEmpty() ? "greater than or equal to 1" : "less than or equal to 1283"));
        }
        return arn;
    }

    private static Table table(Tables tables, String arn) {
        if (!arn.startsWith("arn:aws:dynamodb:")) {
            throw ValidationException.of("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        return tables.byArn(arn).orElseThrow(() -> ResourceNotFoundException.resourceArn(arn));
    }

    static final class Tag implements Action {
        private final Tables tables;

        Tag(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            String arn = arn(c);
            JsonNode tags = Constraints.array(in, "Tags");
            c.notNull(in, "Tags", "tags");
            c.check();
            checkTags(tags);
            Table table = table(tables, arn);
            table.lock.writeLock().lock();
            try {
                tags.forEach(t -> table.def.tags.put(t.get("Key").asText(), t.get("Value").asText()));
                tables.saveDefinition(table);
            } finally {
                table.lock.writeLock().unlock();
            }
            return JsonNodeFactory.instance.objectNode();
        }
    }

    static final class Untag implements Action {
        private final Tables tables;

        Untag(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            String arn = arn(c);
            JsonNode keys = Constraints.array(in, "TagKeys");
            c.notNull(in, "TagKeys", "tagKeys");
            c.check();
            Table table = table(tables, arn);
            table.lock.writeLock().lock();
            try {
                keys.forEach(k -> table.def.tags.remove(k.asText()));
                tables.saveDefinition(table);
            } finally {
                table.lock.writeLock().unlock();
            }
            return JsonNodeFactory.instance.objectNode();
        }
    }

    static final class List implements Action {
        private final Tables tables;

        List(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            String arn = arn(c);
            c.check();
            Table table = table(tables, arn);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode a = out.putArray("Tags");
            table.lock.readLock().lock();
            try {
                table.def.tags.forEach((k, v) -> a.addObject().put("Key", k).put("Value", v));
            } finally {
                table.lock.readLock().unlock();
            }
            return out;
        }
    }
}
