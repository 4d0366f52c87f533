package dev.slipway.cloud;

import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.CloudService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code GET /_slipway/health}: the services and their state, as JSON. */
final class HealthHandler implements EdgeHandler {
    static final String PATH = "/_slipway/health";

    private final List<CloudService> services;

    HealthHandler(List<CloudService> services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "health";
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request, Chain next) {
        if (!request.rawPath().equals(PATH)) {
            return next.proceed(request);
        }
        Map<String, String> states = new LinkedHashMap<>();
        boolean allRunning = true;
        for (CloudService s : services) {
            String state = s.state();
            states.put(s.name(), state);
            allRunning &= "running".equals(state);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allRunning ? "running" : "degraded");
        body.put("services", states);
        return CompletableFuture.completedFuture(HttpResponse.json(200, Json.string(body)));
    }
}
