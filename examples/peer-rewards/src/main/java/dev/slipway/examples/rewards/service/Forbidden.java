package dev.slipway.examples.rewards.service;

import java.util.Map;

/** 403: the caller may not do this. */
public final class Forbidden extends AppException {

    private Forbidden(String code, String message) {
        super(403, code, message, Map.of());
    }

    public static Forbidden notYourReward(String id, String caller) {
        return new Forbidden("NotYourReward", "reward " + id + " was not given by " + caller
                + "; only the giver can withdraw it");
    }
}
