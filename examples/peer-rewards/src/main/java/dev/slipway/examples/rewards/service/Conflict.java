package dev.slipway.examples.rewards.service;

import java.time.Duration;
import java.util.Map;

/** 409: the request conflicts with the current state. */
public final class Conflict extends AppException {

    private Conflict(String code, String message, Map<String, String> fields) {
        super(409, code, message, fields);
    }

    public static Conflict usernameTaken(String username) {
        String message = "username " + username + " is already taken";
        return new Conflict("UsernameTaken", message, Map.of("username", message));
    }

    public static Conflict withdrawWindowClosed(String id, Duration window) {
        return new Conflict("WithdrawWindowClosed", "reward " + id + " can no longer be withdrawn: rewards can be"
                + " withdrawn only within " + window.toMinutes() + " minutes of giving them", Map.of());
    }
}
