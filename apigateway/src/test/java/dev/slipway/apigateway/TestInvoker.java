package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.FunctionInvoker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Runs handler logic in-process: function name → a Java function over the event JSON. A handler
 * that throws is a function error (errorMessage = the exception's message); names in
 * {@link #throttled} answer THROTTLED. The first call of each function is a cold start.
 */
final class TestInvoker implements FunctionInvoker {
    final Map<String, Function<JsonNode, Object>> handlers = new ConcurrentHashMap<>();
    final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    final Set<String> throttled = ConcurrentHashMap.newKeySet();
    private final Set<String> warm = ConcurrentHashMap.newKeySet();

    record Invocation(String function, JsonNode event) {}

    TestInvoker on(String name, Function<JsonNode, Object> handler) {
        handlers.put(name, handler);
        return this;
    }

    static String name(String functionOrArn) {
        int i = functionOrArn.indexOf(":function:");
        if (i < 0) {
            return functionOrArn;
        }
        String rest = functionOrArn.substring(i + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    List<JsonNode> eventsOf(String name) {
        return invocations.stream().filter(i -> i.function().equals(name)).map(Invocation::event).toList();
    }

    @Override
    public Outcome invoke(String function, Optional<String> qualifier, byte[] payload) {
        String name = name(function);
        Function<JsonNode, Object> h = handlers.get(name);
        if (h == null) {
            return new Outcome(Kind.NOT_FOUND, Json.bytes(Json.object().put("Message", "Function not found")),
                    "$LATEST", 0, false);
        }
        if (throttled.contains(name)) {
            return new Outcome(Kind.THROTTLED, new byte[0], "$LATEST", 0, false);
        }
        JsonNode event;
        try {
            event = Json.parse(payload);
        } catch (Exception e) {
            throw new AssertionError("event is not JSON", e);
        }
        invocations.add(new Invocation(name, event));
        boolean cold = warm.add(name);
        try {
            Object result = h.apply(event);
            byte[] out = result instanceof byte[] b ? b : Json.bytes(result);
            return new Outcome(Kind.SUCCESS, out, "$LATEST", 1, cold);
        } catch (RuntimeException e) {
            return new Outcome(Kind.FUNCTION_ERROR, Json.bytes(Json.object().put("errorMessage", e.getMessage())
                    .put("errorType", e.getClass().getName())), "$LATEST", 1, cold);
        }
    }

    @Override
    public void invokeAsync(String function, Optional<String> qualifier, byte[] payload) {
        invoke(function, qualifier, payload);
    }
}
