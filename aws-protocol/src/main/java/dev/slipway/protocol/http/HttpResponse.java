package dev.slipway.protocol.http;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP response. Build with {@link #status(int)} and the fluent setters; a response is not
 * shared between threads once returned.
 */
public final class HttpResponse {
    private final int status;
    private final Headers headers = new Headers();
    private byte[] body = new byte[0];

    private HttpResponse(int status) {
        this.status = status;
    }

    public static HttpResponse status(int status) {
        return new HttpResponse(status);
    }

    public static HttpResponse json(int status, String json) {
        return status(status).header("Content-Type", "application/json").body(json);
    }

    public static HttpResponse json(int status, byte[] json) {
        return status(status).header("Content-Type", "application/json").body(json);
    }

    public HttpResponse header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public HttpResponse body(byte[] bytes) {
        this.body = bytes == null ? new byte[0] : bytes;
        return this;
    }

    public HttpResponse body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
