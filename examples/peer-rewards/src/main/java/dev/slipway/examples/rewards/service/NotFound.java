package dev.slipway.examples.rewards.service;

import java.util.Map;

/** 404: something named in the request does not exist. */
public final class NotFound extends AppException {

    private NotFound(String code, String message, Map<String, String> fields) {
        super(404, code, message, fields);
    }

    public static NotFound user(String field, String username) {
        String message = "user " + username + " is not registered";
        return new NotFound("UserNotFound", message, Map.of(field, message));
    }

    public static NotFound reward(String id) {
        return new NotFound("RewardNotFound", "reward " + id + " does not exist (or was withdrawn)", Map.of());
    }

    public static NotFound route(String method, String path) {
        return new NotFound("RouteNotFound", "no route for " + method + " " + path, Map.of());
    }
}
