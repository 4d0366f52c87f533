package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ConditionalCheckFailedException;
import dev.slipway.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of writes and reads against the engine and against a model (a sorted map per
 * partition, numbers compared numerically); every answer must agree.
 */
class ReferenceModelPropertyTest {

    sealed interface Op permits Put, Delete, Get, Add, QueryOp, Count {}

    record Put(String pk, int sk, int v, boolean onlyIfAbsent) implements Op {}

    record Delete(String pk, int sk) implements Op {}

    record Get(String pk, int sk) implements Op {}

    record Add(String pk, int sk, int delta) implements Op {}

    record QueryOp(String pk, int from, boolean forward, int limit) implements Op {}

    record Count() implements Op {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> pk = Arbitraries.of("a", "b", "c");
        Arbitrary<Integer> sk = Arbitraries.integers().between(-3, 12);
        Arbitrary<Integer> v = Arbitraries.integers().between(-1000, 1000);
        Arbitrary<Op> op = Arbitraries.oneOf(
                Combinators.combine(pk, sk, v, Arbitraries.of(true, false)).as(Put::new),
                Combinators.combine(pk, sk).as(Delete::new),
                Combinators.combine(pk, sk).as(Get::new),
                Combinators.combine(pk, sk, v).as(Add::new),
                Combinators.combine(pk, sk, Arbitraries.of(true, false), Arbitraries.integers().between(1, 5)).as(QueryOp::new),
                Arbitraries.just(new Count()));
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 60)
    void engineAgreesWithModel(@ForAll("operations") List<Op> ops) {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().ttlSweepInterval(java.time.Duration.ZERO).build()) {
            engine.execute("CreateTable", json("{\"TableName\":\"ttt\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\","
                    + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}"));
            TreeMap<String, TreeMap<Integer, Integer>> model = new TreeMap<>();
            for (Op op : ops) {
                apply(engine, model, op);
            }
        }
    }

    private static void apply(DynamoDbEngine engine, TreeMap<String, TreeMap<Integer, Integer>> model, Op op) {
        if (op instanceof Put p) {
            TreeMap<Integer, Integer> part = model.computeIfAbsent(p.pk(), k -> new TreeMap<>());
            ObjectNode r = request(p.pk(), p.sk(), "Item");
            ((ObjectNode) r.get("Item")).putObject("v").put("N", Integer.toString(p.v()));
            if (p.onlyIfAbsent()) {
                r.put("ConditionExpression", "attribute_not_exists(pk)");
            }
            boolean exists = part.containsKey(p.sk());
            try {
                engine.execute("PutItem", r);
                assertThat(p.onlyIfAbsent() && exists).as("conditional put over an existing item succeeded").isFalse();
                part.put(p.sk(), p.v());
            } catch (ConditionalCheckFailedException e) {
                assertThat(p.onlyIfAbsent() && exists).as("conditional put failed on a missing item").isTrue();
            }
        } else if (op instanceof Delete d) {
            ObjectNode r = request(d.pk(), d.sk(), "Key").put("ReturnValues", "ALL_OLD");
            JsonNode old = engine.execute("DeleteItem", r).get("Attributes");
            Integer expected = model.computeIfAbsent(d.pk(), k -> new TreeMap<>()).remove(d.sk());
            assertThat(old == null ? null : old.path("v").path("N").asInt()).isEqualTo(expected);
        } else if (op instanceof Get g) {
            JsonNode item = engine.execute("GetItem", request(g.pk(), g.sk(), "Key")).get("Item");
            Integer expected = model.computeIfAbsent(g.pk(), k -> new TreeMap<>()).get(g.sk());
            assertThat(item == null ? null : item.path("v").path("N").asInt()).isEqualTo(expected);
        } else if (op instanceof Add a) {
            ObjectNode r = request(a.pk(), a.sk(), "Key").put("UpdateExpression", "ADD v :d").put("ReturnValues", "ALL_NEW");
            r.putObject("ExpressionAttributeValues").putObject(":d").put("N", Integer.toString(a.delta()));
            JsonNode item = engine.execute("UpdateItem", r).get("Attributes");
            int updated = model.computeIfAbsent(a.pk(), k -> new TreeMap<>()).merge(a.sk(), a.delta(), Integer::sum);
            assertThat(item.path("v").path("N").asInt()).isEqualTo(updated);
        } else if (op instanceof QueryOp q) {
            ObjectNode r = Json.MAPPER.createObjectNode().put("TableName", "ttt")
                    .put("KeyConditionExpression", "pk = :p AND sk >= :s").put("ScanIndexForward", q.forward())
                    .put("Limit", q.limit());
            ObjectNode values = r.putObject("ExpressionAttributeValues");
            values.putObject(":p").put("S", q.pk());
            values.putObject(":s").put("N", Integer.toString(q.from()));
            List<Integer> got = new ArrayList<>();
            engine.execute("Query", r).get("Items").forEach(i -> got.add(i.path("sk").path("N").asInt()));
            NavigableMap<Integer, Integer> slice = model.computeIfAbsent(q.pk(), k -> new TreeMap<>()).tailMap(q.from(), true);
            List<Integer> expected = new ArrayList<>(q.forward() ? slice.keySet() : slice.descendingKeySet());
            assertThat(got).isEqualTo(expected.subList(0, Math.min(q.limit(), expected.size())));
        } else {
            int count = engine.execute("Scan", Json.MAPPER.createObjectNode().put("TableName", "ttt").put("Select", "COUNT"))
                    .get("Count").asInt();
            assertThat(count).isEqualTo(model.values().stream().mapToInt(TreeMap::size).sum());
        }
    }

    private static ObjectNode request(String pk, int sk, String member) {
        ObjectNode r = Json.MAPPER.createObjectNode().put("TableName", "ttt");
        ObjectNode key = r.putObject(member);
        key.putObject("pk").put("S", pk);
        key.putObject("sk").put("N", Integer.toString(sk));
        return r;
    }

    private static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
