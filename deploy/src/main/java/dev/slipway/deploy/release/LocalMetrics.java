package dev.slipway.deploy.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.deploy.DeployException;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads the local cloud's invocation metrics of one function version through its local-only
 * endpoint {@code GET /_slipway/lambda/metrics/FUNCTION?Version=N&After=SEQ} (AWS has no such
 * API; there the gates read CloudWatch alarms).
 */
final class LocalMetrics {
    /**
     * @param invocations total invocations of the version (also the number of the latest)
     * @param errors total function errors
     * @param windowInvocations invocations numbered above the asked {@code after}
     */
    record Reading(long invocations, long errors, long windowInvocations, double p50Millis, double p90Millis,
            double p99Millis) {}

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalMetrics(URI endpoint) {
        this.endpoint = endpoint;
    }

    Reading read(String function, String version, long after) {
        URI uri = URI.create(endpoint.toString().replaceAll("/$", "") + "/_slipway/lambda/metrics/"
                + URLEncoder.encode(function, StandardCharsets.UTF_8) + "?Version="
                + URLEncoder.encode(version, StandardCharsets.UTF_8) + "&After=" + after);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = Json.parse(r.body());
            if (r.statusCode() != 200) {
                throw new DeployException("The local cloud did not give the metrics of " + function + ":" + version
                        + ": " + body.path("message").asText(r.statusCode() + ""),
                        "is the local cloud at " + endpoint + " a Slipway local cloud of this version?");
            }
            return new Reading(body.path("invocations").asLong(), body.path("errors").asLong(),
                    body.path("windowInvocations").asLong(), body.path("p50Millis").asDouble(),
                    body.path("p90Millis").asDouble(), body.path("p99Millis").asDouble());
        } catch (IOException e) {
            throw new DeployException("Reading the metrics of " + function + ":" + version + " from " + endpoint
                    + " failed: " + e.getMessage(), "is the local cloud still running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while reading metrics", "run the deploy again");
        }
    }
}
