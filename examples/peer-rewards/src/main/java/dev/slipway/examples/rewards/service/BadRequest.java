package dev.slipway.examples.rewards.service;

import java.util.Map;

/** 400: the request is malformed or breaks a rule. */
public final class BadRequest extends AppException {

    private BadRequest(String code, String message, Map<String, String> fields) {
        super(400, code, message, fields);
    }

    /** One or more fields are invalid; the message lists them all, in field order. */
    public static BadRequest validation(Map<String, String> fields) {
        return new BadRequest("ValidationError", String.join("; ", fields.values()), fields);
    }

    public static BadRequest field(String field, String message) {
        return validation(Map.of(field, message));
    }

    public static BadRequest invalidJson(String detail) {
        return new BadRequest("InvalidJson", "the request body is not valid JSON: " + detail, Map.of());
    }

    public static BadRequest invalidNextToken() {
        return field("next", "next is not a token returned by this list; start again without it");
    }
}
