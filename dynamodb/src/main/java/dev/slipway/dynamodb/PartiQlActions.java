package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ConditionalCheckFailedException;
import dev.slipway.dynamodb.error.DuplicateItemException;
import dev.slipway.dynamodb.error.DynamoDbException;
import dev.slipway.dynamodb.error.TransactionCanceledException;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.expression.PartiQl;
import dev.slipway.dynamodb.expression.Statement;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * PartiQL: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. Statements are parsed
 * by the expression package ({@link PartiQl}) into {@link Statement}s carrying the same Condition,
 * Update and Projection objects the other actions use; this class runs them on the tables.
 */
final class PartiQlActions {
    private PartiQlActions() {}

    private static Statement parse(JsonNode spec) {
        String text = Constraints.text(spec, "Statement");
        if (text == null) {
            throw ValidationException.constraints(List.of(
                    "Value null at 'statement' failed to satisfy constraint: Member must not be null"));
        }
        List<AttributeValue> parameters = new ArrayList<>();
        JsonNode p = Constraints.array(spec, "Parameters");
        if (p != null) {
            p.forEach(v -> parameters.add(AttributeJson.value(v)));
        }
        return PartiQl.parse(text, parameters);
    }

    /** The key an UPDATE/DELETE (or single-item SELECT) addresses: every key attribute in an equality. */
    private static Optional<ItemKey> key(Table table, Map<String, AttributeValue> equalities) {
        KeySchema k = table.def.keys;
        if (!equalities.containsKey(k.hashName()) || (k.rangeName().isPresent() && !equalities.containsKey(k.rangeName().get()))) {
            return Optional.empty();
        }
        return Optional.of(Keys.key(table.def, Keys.keyAttributes(k, equalities)));
    }

    private static ItemKey requireKey(Table table, Map<String, AttributeValue> equalities) {
        return key(table, equalities).orElseThrow(() ->
                ValidationException.of("Where clause does not contain a mandatory equality on all key attributes"));
    }

    /** A write planned under the table's lock: the new item (null = delete) and what RETURNING gives. */
    private record Planned(Table table, ItemKey key, Map<String, AttributeValue> newItem, boolean delete,
            Map<String, AttributeValue> returned) {}

    private static Planned plan(Tables tables, Statement s) {
        Table table = tables.forItems(s.tableName());
        if (s instanceof Statement.InsertStatement insert) {
            Keys.item(table.def, insert.item());
            ItemKey key = table.keyOf(insert.item());
            if (table.get(key) != null) {
                throw DuplicateItemException.primaryKeyExists();
            }
            return new Planned(table, key, insert.item(), false, null);
        }
        if (s instanceof Statement.UpdateStatement update) {
            ItemKey key = requireKey(table, update.keyEqualities());
            Map<String, AttributeValue> old = table.get(key);
            if (old == null || !update.where().test(old)) {
                throw ConditionalCheckFailedException.conditionFailed();
            }
            for (String attribute : update.update().touchedTopLevelAttributes()) {
                if (table.def.keys.isKeyAttribute(attribute)) {
                    throw ValidationException.invalidParameter("Cannot update attribute " + attribute
                            + ". This attribute is part of the key");
                }
            }
            Map<String, AttributeValue> updated = update.update().apply(old);
            Keys.item(table.def, updated);
            Map<String, AttributeValue> returned = update.returnValues().map(r -> switch (r) {
                case "ALL_OLD" -> old;
                case "ALL_NEW" -> updated;
                case "MODIFIED_OLD" -> update.update().updatedAttributes(old);
                default -> update.update().updatedAttributes(updated);
            }).orElse(null);
            return new Planned(table, key, updated, false, returned);
        }
        Statement.DeleteStatement delete = (Statement.DeleteStatement) s;
        ItemKey key = requireKey(table, delete.keyEqualities());
        Map<String, AttributeValue> old = table.get(key);
        if (old != null && !delete.where().test(old)) {
            throw ConditionalCheckFailedException.conditionFailed();
        }
        return new Planned(table, key, null, true, delete.returnValues().isPresent() ? old : null);
    }

    private static void apply(Planned p) {
        if (p.delete()) {
            p.table().delete(p.key());
        } else {
            p.table().put(p.newItem());
        }
    }

    private static List<Map<String, AttributeValue>> select(Tables tables, Statement.SelectStatement s, Integer limit,
            ItemKey[] last) {
        Table table = tables.forItems(s.tableName());
        Reads.Target target = Reads.target(table, s.indexName().orElse(null));
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        table.lock.readLock().lock();
        try {
            AttributeValue hash = s.keyEqualities().get(target.keys().hashName());
            ItemKey lo = hash == null ? null : ItemKey.partitionStart(hash);
            ItemKey hi = hash == null ? null : ItemKey.partitionEnd(hash);
            boolean loInclusive = true;
            boolean hiInclusive = true;
            if (last[0] != null) {
                if (s.descending()) {
                    hi = last[0];
                    hiInclusive = false;
                } else {
                    lo = last[0];
                    loInclusive = false;
                }
            }
            var data = target.data().range(lo, loInclusive, hi, hiInclusive, s.descending());
            int read = 0;
            last[0] = null;
            while (data.hasNext()) {
                Map.Entry<ItemKey, Map<String, AttributeValue>> e = data.next();
                if (limit != null && read == limit) {
                    break;
                }
                read++;
                if (s.where().test(e.getValue())) {
                    out.add(s.projection().map(p -> p.apply(e.getValue())).orElse(e.getValue()));
                }
                if (limit != null && read == limit) {
                    last[0] = e.getKey();
                }
            }
        } finally {
            table.lock.readLock().unlock();
        }
        return out;
    }

    static final class ExecuteStatement implements Action {
        private final Tables tables;

        ExecuteStatement(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            c.notNull(in, "Statement", "statement");
            Integer limit = c.integer("Limit", 1, null);
            c.check();
            Statement s = parse(in);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode items = out.putArray("Items");
            if (s instanceof Statement.SelectStatement select) {
                ItemKey[] last = {decodeToken(in)};
                select(tables, select, limit, last).forEach(i -> items.add(AttributeJson.encodeItem(i)));
                if (last[0] != null) {
                    out.put("NextToken", encodeToken(last[0]));
                }
                return out;
            }
            Table table = tables.forItems(s.tableName());
            Planned planned;
            table.lock.writeLock().lock();
            try {
                planned = plan(tables, s);
                apply(planned);
            } finally {
                table.lock.writeLock().unlock();
            }
            tables.storage.commit();
            if (planned.returned() != null && !planned.returned().isEmpty()) {
                items.add(AttributeJson.encodeItem(planned.returned()));
            }
            return out;
        }

        // NextToken carries the last key read; items are kept by this engine, so the key is enough.
        private final Map<String, ItemKey> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        private String encodeToken(ItemKey key) {
            String token = Base64.getUrlEncoder().encodeToString(java.util.UUID.randomUUID().toString().getBytes());
            tokens.put(token, key);
            return token;
        }

        private ItemKey decodeToken(JsonNode in) {
            String token = Constraints.text(in, "NextToken");
            if (token == null) {
                return null;
            }
            ItemKey key = tokens.remove(token);
            if (key == null) {
                throw ValidationException.of("Given NextToken is not valid");
            }
            return key;
        }
    }

    static final class BatchExecuteStatement implements Action {
        private final Tables tables;

        BatchExecuteStatement(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            JsonNode statements = Constraints.array(in, "Statements");
            c.notNull(in, "Statements", "statements");
            c.length(statements, () -> CreateTableAction.render(statements), "statements", 1, 25);
            c.check();
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode responses = out.putArray("Responses");
            boolean wrote = false;
            for (JsonNode spec : statements) {
                ObjectNode r = responses.addObject();
                try {
                    Statement s = parse(spec);
                    r.put("TableName", s.tableName());
                    Table table = tables.forItems(s.tableName());
                    if (s instanceof Statement.SelectStatement select) {
                        ItemKey key = requireKey(table, select.keyEqualities());
                        table.lock.readLock().lock();
                        try {
                            Map<String, AttributeValue> item = table.get(key);
                            if (item != null && select.where().test(item)) {
                                r.set("Item", AttributeJson.encodeItem(select.projection().map(p -> p.apply(item)).orElse(item)));
                            }
                        } finally {
                            table.lock.readLock().unlock();
                        }
                    } else {
                        table.lock.writeLock().lock();
                        try {
                            apply(plan(tables, s));
                            wrote = true;
                        } finally {
                            table.lock.writeLock().unlock();
                        }
                    }
                } catch (DynamoDbException e) {
                    r.putObject("Error").put("Code", code(e)).put("Message", e.getMessage());
                }
            }
            if (wrote) {
                tables.storage.commit();
            }
            return out;
        }

        private static String code(DynamoDbException e) {
            return switch (e.errorCode()) {
                case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
                case "DuplicateItemException" -> "DuplicateItem";
                case "ResourceNotFoundException" -> "ResourceNotFound";
                default -> "ValidationError";
            };
        }
    }

    static final class ExecuteTransaction implements Action {
        private final Tables tables;

        ExecuteTransaction(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            JsonNode statements = Constraints.array(in, "TransactStatements");
            c.notNull(in, "TransactStatements", "transactStatements");
            c.length(statements, () -> CreateTableAction.render(statements), "transactStatements", 1, Limits.MAX_TRANSACT_ITEMS);
            c.check();
            List<Statement> parsed = new ArrayList<>();
            statements.forEach(s -> parsed.add(parse(s)));
            boolean reads = parsed.stream().allMatch(s -> s instanceof Statement.SelectStatement);
            if (!reads && parsed.stream().anyMatch(s -> s instanceof Statement.SelectStatement)) {
                throw ValidationException.of("Transaction must contain either only read or only write statements");
            }
            TreeSet<Table> locked = new TreeSet<>(Comparator.comparing(t -> t.def.name));
            parsed.forEach(s -> locked.add(tables.forItems(s.tableName())));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (reads) {
                ArrayNode responses = out.putArray("Responses");
                locked.forEach(t -> t.lock.readLock().lock());
                try {
                    for (Statement s : parsed) {
                        Statement.SelectStatement select = (Statement.SelectStatement) s;
                        Table table = tables.forItems(s.tableName());
                        Map<String, AttributeValue> item = table.get(requireKey(table, select.keyEqualities()));
                        ObjectNode r = responses.addObject();
                        if (item != null && select.where().test(item)) {
                            r.set("Item", AttributeJson.encodeItem(select.projection().map(p -> p.apply(item)).orElse(item)));
                        }
                    }
                } finally {
                    locked.descendingSet().forEach(t -> t.lock.readLock().unlock());
                }
                return out;
            }
            locked.forEach(t -> t.lock.writeLock().lock());
            try {
                List<Planned> plans = new ArrayList<>();
                List<TransactionCanceledException.Reason> reasons = new ArrayList<>();
                boolean failed = false;
                Map<String, Boolean> seen = new LinkedHashMap<>();
                for (Statement s : parsed) {
                    try {
                        Planned p = plan(tables, s);
                        if (seen.put(s.tableName() + "\u0000" + p.key(), true) != null) {
                            throw ValidationException.of("Transaction request cannot include multiple operations on one item");
                        }
                        plans.add(p);
                        reasons.add(TransactionCanceledException.Reason.none());
                    } catch (ConditionalCheckFailedException e) {
                        failed = true;
                        reasons.add(new TransactionCanceledException.Reason("ConditionalCheckFailed",
                                Optional.of(e.getMessage()), Optional.empty()));
                    } catch (DuplicateItemException e) {
                        failed = true;
                        reasons.add(new TransactionCanceledException.Reason("DuplicateItem",
                                Optional.of(e.getMessage()), Optional.empty()));
                    }
                }
                if (failed) {
                    throw TransactionCanceledException.cancelled(reasons);
                }
                plans.forEach(PartiQlActions::apply);
            } finally {
                locked.descendingSet().forEach(t -> t.lock.writeLock().unlock());
            }
            tables.storage.commit();
            return out;
        }
    }
}
