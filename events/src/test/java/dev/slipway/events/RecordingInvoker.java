package dev.slipway.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.FunctionInvoker;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records asynchronous invocations, as a target function would receive them. */
class RecordingInvoker implements FunctionInvoker {
    record Call(String function, JsonNode payload) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public Outcome invoke(String function, Optional<String> qualifier, byte[] payload) {
        invokeAsync(function, qualifier, payload);
        return new Outcome(Kind.SUCCESS, "null".getBytes(), "$LATEST", 0, false);
    }

    @Override
    public void invokeAsync(String function, Optional<String> qualifier, byte[] payload) {
        try {
            calls.add(new Call(function, Json.parse(payload)));
        } catch (Exception e) {
            calls.add(new Call(function, Json.MAPPER.getNodeFactory().textNode(new String(payload))));
        }
    }

    List<JsonNode> payloadsFor(String function) {
        return calls.stream().filter(c -> c.function().equals(function)).map(Call::payload).toList();
    }
}
