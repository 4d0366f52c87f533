package dev.slipway.deploy.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.Target;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * CloudWatch's DescribeAlarms over its JSON 1.0 protocol, signed with SigV4. The SDK's CloudWatch
 * client speaks only Smithy RPC v2 CBOR, which AWS serves but other emulators (moto_server) do not
 * yet; JSON 1.0 is one of the protocols CloudWatch documents (botocore's model lists
 * smithy-rpc-v2-cbor, json and query), so the same call works on AWS and on emulators.
 */
final class CloudWatchAlarms {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** @param state OK, ALARM or INSUFFICIENT_DATA; @param reason CloudWatch's StateReason */
    record Alarm(String name, String state, String reason) {}

    private final Target target;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    CloudWatchAlarms(Target target) {
        this.target = target;
        this.endpoint = target.endpoint().map(e -> URI.create(e.toString().replaceAll("/$", "") + "/"))
                .orElse(URI.create("https://monitoring." + target.region() + ".amazonaws.com/"));
    }

    /** The named alarms (metric and composite) that exist, at most 100 names per call as DescribeAlarms allows. */
    List<Alarm> describe(List<String> names) {
        List<Alarm> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 100) {
            String token = null;
            do {
                ObjectNode body = Json.object();
                body.putArray("AlarmNames").addAll(names.subList(i, Math.min(names.size(), i + 100)).stream()
                        .map(Json.MAPPER.getNodeFactory()::textNode).toList());
                body.putArray("AlarmTypes").add("MetricAlarm").add("CompositeAlarm");
                if (token != null) {
                    body.put("NextToken", token);
                }
                JsonNode page = call("DescribeAlarms", body);
                for (String kind : List.of("MetricAlarms", "CompositeAlarms")) {
                    for (JsonNode a : page.path(kind)) {
                        out.add(new Alarm(a.path("AlarmName").asText(), a.path("StateValue").asText(),
                                a.path("StateReason").asText("")));
                    }
                }
                token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
            } while (token != null);
        }
        return out;
    }

    private JsonNode call(String action, ObjectNode body) {
        String json = Json.string(body);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "GraniteServiceVersion20100801." + action)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(target.credentials().resolveCredentials())
                .request(request).payload(ContentStreamProvider.fromUtf8String(json))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "monitoring")
                .putProperty(AwsV4HttpSigner.REGION_NAME, target.region()));
        HttpRequest.Builder send = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        signed.request().headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> send.header(name, v));
            }
        });
        try {
            HttpResponse<String> r = http.send(send.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = r.body().isBlank() ? Json.object() : Json.parse(r.body());
            if (r.statusCode() != 200) {
                String type = answer.path("__type").asText("HTTP " + r.statusCode());
                throw new DeployException("CloudWatch " + action + " failed: " + type.replaceAll(".*#", "") + ": "
                        + answer.path("message").asText(answer.path("Message").asText("")),
                        "check the alarm names, your credentials and cloudwatch:DescribeAlarms permission");
            }
            return answer;
        } catch (IOException e) {
            throw new DeployException("CloudWatch " + action + " at " + endpoint + " failed: " + e.getMessage(),
                    "check your network and region", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while reading CloudWatch alarms", "run the deploy again");
        }
    }
}
