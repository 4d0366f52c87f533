package dev.slipway.examples.rewards.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller can act on. Handlers render it as
 * {@code {"error": code, "message": message, "fields": {...}}} with {@link #status()}.
 * Each subclass is one HTTP status; its factory methods hold the messages.
 */
public abstract sealed class AppException extends RuntimeException
        permits BadRequest, Forbidden, NotFound, Conflict, MethodNotAllowed {

    private final int status;
    private final String code;
    private final Map<String, String> fields;

    AppException(int status, String code, String message, Map<String, String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // keeps field order
    }

    public int status() {
        return status;
    }

    /** A stable, machine-readable name, e.g. {@code ValidationError}. */
    public String code() {
        return code;
    }

    /** Per-field messages for validation errors (the SPA shows them next to the inputs); else empty. */
    public Map<String, String> fields() {
        return fields;
    }
}
