package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.IdempotentParameterMismatchException;
import dev.slipway.dynamodb.error.TransactionCanceledException;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TransactWriteItems: up to 100 ConditionCheck/Put/Update/Delete actions, all or nothing. Every
 * table involved is write-locked (in name order, so transactions cannot deadlock) while all
 * conditions are evaluated and all new items computed; only if every action passes are the
 * writes applied. A ClientRequestToken makes a retry within 10 minutes answer as the first call.
 */
final class TransactWriteItemsAction implements Action {
    private final Tables tables;
    private final Map<String, Previous> tokens = new ConcurrentHashMap<>();

    private record Previous(JsonNode request, ObjectNode response, Instant at) {}

    /** One action of the transaction, checked against its table. */
    private record Step(String kind, JsonNode spec, Table table, ItemKey key, Map<String, AttributeValue> keyAttributes,
            Map<String, AttributeValue> item, Expressions.Compiled expressions) {}

    TransactWriteItemsAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        JsonNode items = Constraints.array(in, "TransactItems");
        c.notNull(in, "TransactItems", "transactItems");
        c.length(items, () -> CreateTableAction.render(items), "transactItems", 1, Limits.MAX_TRANSACT_ITEMS);
        c.enumValue("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        c.enumValue("ReturnItemCollectionMetrics", "SIZE", "NONE");
        String token = Constraints.text(in, "ClientRequestToken");
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            c.violation(Constraints.quote(token), "clientRequestToken", token.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 36");
        }
        c.check();
        if (token != null) {
            Instant now = tables.clock.instant();
            tokens.values().removeIf(p -> p.at().plusSeconds(Limits.IDEMPOTENCY_WINDOW_SECONDS).isBefore(now));
            Previous previous = tokens.get(token);
            if (previous != null) {
                if (!previous.request().equals(in)) {
                    throw IdempotentParameterMismatchException.differentRequest();
                }
                return previous.response().deepCopy();
            }
        }
        List<Step> steps = plan(items);
        ObjectNode out = execute(in, steps);
        if (token != null) {
            tokens.put(token, new Previous(in.deepCopy(), out.deepCopy(), tables.clock.instant()));
        }
        return out;
    }

    private List<Step> plan(JsonNode items) {
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        for (JsonNode entry : items) {
            String kind = null;
            JsonNode spec = null;
            for (String k : List.of("ConditionCheck", "Put", "Delete", "Update")) {
                if (entry.hasNonNull(k)) {
                    if (kind != null) {
                        throw ValidationException.of("TransactItems can only contain one of Check, Put, Update or Delete");
                    }
                    kind = k;
                    spec = entry.get(k);
                }
            }
            if (kind == null) {
                throw ValidationException.of("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            Constraints sc = new Constraints(spec);
            String name = sc.tableName(spec, "TableName", "transactItems.member." + Constraints.path(kind) + ".tableName", true);
            sc.check();
            if (kind.equals("ConditionCheck") && !spec.hasNonNull("ConditionExpression")) {
                throw ValidationException.constraints(List.of("Value null at 'transactItems.1.member.conditionCheck."
                        + "conditionExpression' failed to satisfy constraint: Member must not be null"));
            }
            Expressions.Compiled expressions = tables.expressions.compile(spec, null);
            Table table = tables.forItems(name);
            Map<String, AttributeValue> item = null;
            Map<String, AttributeValue> keyAttributes;
            ItemKey key;
            if (kind.equals("Put")) {
                item = AttributeJson.item(Constraints.object(spec, "Item"));
                if (item == null) {
                    throw ValidationException.constraints(List.of("Value null at 'transactItems.1.member.put.item' failed "
                            + "to satisfy constraint: Member must not be null"));
                }
                Keys.item(table.def, item);
                key = table.keyOf(item);
                keyAttributes = Keys.keyAttributes(table.def.keys, item);
                bytes += Values.itemSize(item);
            } else {
                keyAttributes = AttributeJson.item(Constraints.object(spec, "Key"));
                key = Keys.key(table.def, keyAttributes);
            }
            if (!seen.add(name + "\u0000" + AttributeJson.encodeItem(keyAttributes))) {
                throw ValidationException.of("Transaction request cannot include multiple operations on one item");
            }
            steps.add(new Step(kind, spec, table, key, keyAttributes, item, expressions));
        }
        if (bytes > Limits.MAX_TRANSACT_BYTES) {
            throw ValidationException.of("Transaction request cannot be larger than 4 MB");
        }
        return steps;
    }

    private ObjectNode execute(JsonNode in, List<Step> steps) {
        TreeSet<Table> locked = new TreeSet<>(Comparator.comparing(t -> t.def.name));
        steps.forEach(s -> locked.add(s.table()));
        locked.forEach(t -> t.lock.writeLock().lock());
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        try {
            List<TransactionCanceledException.Reason> reasons = new ArrayList<>();
            List<Map<String, AttributeValue>> results = new ArrayList<>();
            boolean failed = false;
            for (Step s : steps) {
                Map<String, AttributeValue> old = s.table().get(s.key());
                Map<String, AttributeValue> result = null;
                TransactionCanceledException.Reason reason = TransactionCanceledException.Reason.none();
                try {
                    if (!s.expressions().condition(old == null ? Map.of() : old)) {
                        boolean withItem = old != null
                                && "ALL_OLD".equals(Constraints.text(s.spec(), "ReturnValuesOnConditionCheckFailure"));
                        reason = new TransactionCanceledException.Reason("ConditionalCheckFailed",
                                Optional.of("The conditional request failed"), withItem ? Optional.of(old) : Optional.empty());
                    } else if (s.kind().equals("Put")) {
                        result = s.item();
                    } else if (s.kind().equals("Update")) {
                        result = UpdateItemAction.apply(s.table().def, s.expressions(), s.keyAttributes(), old);
                    }
                } catch (ValidationException e) {
                    reason = new TransactionCanceledException.Reason("ValidationError", Optional.of(e.getMessage()),
                            Optional.empty());
                }
                failed |= !reason.code().equals("None");
                reasons.add(reason);
                results.add(result);
            }
            if (failed) {
                throw TransactionCanceledException.cancelled(reasons);
            }
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                Capacity cap = capacity.computeIfAbsent(s.table().def.name, Capacity::new);
                Map<String, AttributeValue> old;
                switch (s.kind()) {
                    case "Put", "Update" -> old = s.table().put(results.get(i));
                    case "Delete" -> old = s.table().delete(s.key());
                    default -> old = s.table().get(s.key());
                }
                if (s.kind().equals("ConditionCheck")) {
                    cap.addTable(2 * Capacity.readUnits(old == null ? 0 : Values.itemSize(old), true));
                } else {
                    Capacity single = new Capacity(s.table().def.name).addWrite(s.table().def, s.key(), old,
                            s.kind().equals("Delete") ? null : results.get(i));
                    cap.addTable(2 * single.total());
                }
            }
        } finally {
            locked.descendingSet().forEach(t -> t.lock.writeLock().unlock());
        }
        tables.storage.commit();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String mode = Constraints.text(in, "ReturnConsumedCapacity");
        if (mode != null && !mode.equals("NONE")) {
            ArrayNode consumed = out.putArray("ConsumedCapacity");
            capacity.values().forEach(cc -> consumed.add(cc.toJson(mode)));
        }
        return out;
    }
}
