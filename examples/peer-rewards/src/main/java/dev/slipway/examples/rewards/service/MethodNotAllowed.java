package dev.slipway.examples.rewards.service;

import java.util.Map;

/** 405: the path exists, the method does not. */
public final class MethodNotAllowed extends AppException {

    private final String allow;

    private MethodNotAllowed(String method, String path, String allow) {
        super(405, "MethodNotAllowed", method + " is not allowed on " + path + "; use " + allow, Map.of());
        this.allow = allow;
    }

    public static MethodNotAllowed of(String method, String path, String allow) {
        return new MethodNotAllowed(method, path, allow);
    }

    /** The value of the {@code Allow} header, e.g. {@code GET, POST}. */
    public String allow() {
        return allow;
    }
}
