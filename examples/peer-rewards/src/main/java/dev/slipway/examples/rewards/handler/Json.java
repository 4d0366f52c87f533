package dev.slipway.examples.rewards.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.slipway.examples.rewards.service.BadRequest;
import java.io.UncheckedIOException;

/** JSON in and out: times as ISO-8601 strings ({@code 2026-11-26T12:00:00Z}). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON object; anything else is a 400 that says what was wrong. */
    static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            throw BadRequest.invalidJson("the body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw BadRequest.invalidJson(e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw BadRequest.invalidJson("expected a JSON object");
        }
        return node;
    }

    /** A string field, or {@code null} when absent or null; a field of another type is a 400. */
    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw BadRequest.field(field, field + " must be a string");
        }
        return value.asText();
    }

    /** A whole-number field, or {@code null} when absent or null; {@code 2.5} or {@code "2"} is a 400. */
    static Long wholeNumber(JsonNode object, String field, String rule) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw BadRequest.field(field, field + " must be " + rule);
        }
        return value.asLong();
    }
}
