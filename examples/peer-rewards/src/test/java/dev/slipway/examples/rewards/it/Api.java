package dev.slipway.examples.rewards.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** The peer-rewards API over HTTP, as the SPA calls it. */
final class Api {

    record Response(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SLOW_MILLIS = 5_000;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(String base) {
        this.base = base;
    }

    Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    Response send(String method, String pathAndQuery, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Origin", "http://localhost:3000")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() >= 500 || millis > SLOW_MILLIS) {
                // Evidence for the local cloud's maintainers (a 502/504 or a stalled warm worker), not an assertion.
                System.err.printf("[peer-rewards api] %s %s %s -> %d in %d ms: %s%n", Instant.now(), method, pathAndQuery,
                        response.statusCode(), millis, response.body());
            }
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + base + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A username no other test has used: {@code base} plus 6 random characters (tests share a stage). */
    static String uniqueUsername(String base) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var name = new StringBuilder(base).append('-');
        for (int i = 0; i < 6; i++) {
            name.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    Response register(String username) {
        return post("/users", "{\"username\":\"" + username + "\"}");
    }

    Response give(String from, String to, int points, String message) {
        return post("/rewards", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"points\":" + points
                + ",\"message\":" + JSON.valueToTree(message) + "}");
    }
}
