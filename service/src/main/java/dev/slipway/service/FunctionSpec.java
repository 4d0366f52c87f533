package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One function, with the provider's defaults applied.
 *
 * @param key          its key under {@code functions:}
 * @param deployedName the Lambda function name: {@code name:}, else {@code <service>-<stage>-<key>}
 * @param environment  provider environment overlaid with the function's
 * @param artifact     the jar/zip deployed for it (function package.artifact, else the service's);
 *                     absolute
 */
public record FunctionSpec(String key, String deployedName, String handler, String runtime, int memorySize,
        int timeout, Map<String, JsonNode> environment, List<Event> events, Optional<Path> artifact,
        Optional<Integer> reservedConcurrency, Optional<Integer> provisionedConcurrency, List<JsonNode> layers,
        Optional<String> description, Optional<JsonNode> role, Map<String, String> tags, boolean versionFunction,
        Optional<String> architecture, boolean disableLogs, Optional<Integer> logRetentionInDays) {

    /** HTTP events (API Gateway REST, v1). */
    public List<Event.Http> httpEvents() {
        return events.stream().filter(Event.Http.class::isInstance).map(Event.Http.class::cast).toList();
    }

    public List<Event.HttpApi> httpApiEvents() {
        return events.stream().filter(Event.HttpApi.class::isInstance).map(Event.HttpApi.class::cast).toList();
    }

    public List<Event.Schedule> scheduleEvents() {
        return events.stream().filter(Event.Schedule.class::isInstance).map(Event.Schedule.class::cast).toList();
    }
}
