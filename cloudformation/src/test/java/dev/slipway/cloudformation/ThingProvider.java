package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test resource type that records every call and keeps its "things" in memory.
 * Properties that steer it: {@code Fail} (create fails with that reason), {@code FailUpdate}
 * (update fails), {@code Rendezvous} (waits, up to 10 s, until that many things are being created
 * at once; {@link #overlapObserved} says whether they were), {@code Gate} (blocks until {@link #open}).
 * Changing {@code Name} requires replacement.
 */
final class ThingProvider implements ResourceProvider {
    final String type;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, ObjectNode> things = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> rendezvous = new ConcurrentHashMap<>();
    final AtomicInteger counter = new AtomicInteger();
    volatile boolean overlapObserved;
    final CountDownLatch gate = new CountDownLatch(1);

    ThingProvider(String type) {
        this.type = type;
    }

    ThingProvider() {
        this("Test::Thing");
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("Name");
    }

    @Override
    public Result create(Request request) throws Exception {
        ObjectNode p = request.properties();
        calls.add("create " + request.logicalId());
        if (p.has("Rendezvous")) {
            CountDownLatch latch = rendezvous.computeIfAbsent(request.stackName(),
                    k -> new CountDownLatch(p.get("Rendezvous").asInt()));
            latch.countDown();
            overlapObserved = latch.await(10, TimeUnit.SECONDS);
        }
        if (p.has("Gate")) {
            gate.await(10, TimeUnit.SECONDS);
        }
        if (p.has("Fail")) {
            throw new ResourceFailure(p.get("Fail").asText());
        }
        String id = p.has("Name") ? p.get("Name").asText() : request.stackName() + "-" + request.logicalId() + "-"
                + counter.incrementAndGet();
        things.put(id, p.deepCopy());
        return new Result(id, attributes(id, p));
    }

    private static Map<String, JsonNode> attributes(String id, ObjectNode p) {
        return Map.of("Arn", TextNode.valueOf("arn:aws:test:us-east-1:000000000000:thing/" + id),
                "Echo", p.path("Value").isMissingNode() ? TextNode.valueOf("") : p.get("Value"),
                "Nested.Attr", TextNode.valueOf("nested-" + id));
    }

    @Override
    public Result update(Request request) throws Exception {
        String id = request.physicalId().orElseThrow();
        calls.add("update " + request.logicalId());
        if (request.properties().has("FailUpdate")) {
            things.put(id, request.properties().deepCopy()); // a half-applied update, as real services do
            throw new ResourceFailure(request.properties().get("FailUpdate").asText());
        }
        things.put(id, request.properties().deepCopy());
        return new Result(id, attributes(id, request.properties()));
    }

    @Override
    public void delete(Request request) {
        calls.add("delete " + request.logicalId());
        request.physicalId().ifPresent(things::remove);
    }

    void open() {
        gate.countDown();
    }

    Optional<ObjectNode> thing(String physicalId) {
        return Optional.ofNullable(things.get(physicalId));
    }
}
