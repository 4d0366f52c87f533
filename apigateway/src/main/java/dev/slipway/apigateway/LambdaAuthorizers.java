package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.FunctionInvoker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * REST API Lambda authorizers (TOKEN and REQUEST), as "Use API Gateway Lambda authorizers"
 * describes them: identity sources must all be present (else 401 without invoking), a TOKEN's
 * validation expression must match (else 401), the result (policy, principal, context) is cached
 * per authorizer and identity for the TTL and re-evaluated against each request's method ARN.
 */
final class LambdaAuthorizers {
    private final FunctionInvoker invoker;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LambdaAuthorizers(FunctionInvoker invoker, Clock clock) {
        this.invoker = invoker;
        this.clock = clock;
    }

    private record Cached(long expiresAtMillis, String principalId, JsonNode policy, JsonNode context,
            String usageIdentifierKey) {}

    /** Either an authorization to pass on (and the usage identifier key it names), or the error to answer. */
    record Decision(RestEvents.Authorization authorization, String usageIdentifierKey, HttpResponse error) {
        static Decision deny(HttpResponse error) {
            return new Decision(null, null, error);
        }
    }

    /**
     * @param requestEvent the REQUEST authorizer's event source: the proxy event (without body) of this request
     */
    Decision authorize(RestApi.Authorizer a, Call call, String methodArn, Map<String, String> stageVariables,
            java.util.function.Supplier<ObjectNode> requestEvent) {
        String requestId = call.requestId();
        List<String> identity = identityValues(a, call.request(), stageVariables);
        if (identity == null) {
            return Decision.deny(GatewayResponses.unauthorized(requestId));
        }
        if (a.type().equals("TOKEN") && a.identityValidationExpression() != null
                && !a.identityValidationExpression().isEmpty()) {
            try {
                if (!Pattern.compile(a.identityValidationExpression()).matcher(identity.get(0)).matches()) {
                    return Decision.deny(GatewayResponses.unauthorized(requestId));
                }
            } catch (PatternSyntaxException e) {
                return Decision.deny(GatewayResponses.authorizerFailure(requestId));
            }
        }
        String key = a.id() + '\u0000' + String.join("\u0000", identity);
        long now = clock.millis();
        Cached c = a.ttlSeconds() > 0 ? cache.get(key) : null;
        long latency = 0;
        if (c == null || c.expiresAtMillis() <= now) {
            ObjectNode event;
            if (a.type().equals("TOKEN")) {
                event = Json.object().put("type", "TOKEN").put("authorizationToken", identity.get(0))
                        .put("methodArn", methodArn);
            } else {
                ObjectNode full = requestEvent.get();
                event = Json.object().put("type", "REQUEST").put("methodArn", methodArn);
                full.remove("body");
                full.remove("isBase64Encoded");
                event.setAll(full);
            }
            long start = System.nanoTime();
            FunctionInvoker.Outcome outcome = invoker.invoke(a.functionArn(), Optional.empty(), Json.bytes(event));
            latency = (System.nanoTime() - start) / 1_000_000;
            if (outcome.kind() == FunctionInvoker.Kind.FUNCTION_ERROR && isUnauthorized(outcome.payload())) {
                return Decision.deny(GatewayResponses.unauthorized(requestId));
            }
            if (!outcome.ok()) {
                return Decision.deny(GatewayResponses.authorizerFailure(requestId));
            }
            c = parse(outcome.payload(), now + a.ttlSeconds() * 1000L);
            if (c == null) {
                return Decision.deny(GatewayResponses.authorizerFailure(requestId));
            }
            if (a.ttlSeconds() > 0) {
                cache.put(key, c);
            }
        }
        switch (Policies.evaluate(c.policy(), methodArn)) {
            case DENY:
                return Decision.deny(GatewayResponses.explicitDeny(requestId));
            case NONE:
                return Decision.deny(GatewayResponses.implicitDeny(requestId));
            default:
                return new Decision(new RestEvents.Authorization(c.principalId(), c.context(), latency),
                        c.usageIdentifierKey(), null);
        }
    }

    /** The identity source values in order, or null when one is missing or empty. */
    static List<String> identityValues(RestApi.Authorizer a, HttpRequest req, Map<String, String> stageVariables) {
        List<String> values = new ArrayList<>();
        for (String source : a.identitySources()) {
            String v = null;
            if (source.startsWith("method.request.header.")) {
                v = req.headers().get(source.substring("method.request.header.".length()));
            } else if (source.startsWith("method.request.querystring.")) {
                v = req.query(source.substring("method.request.querystring.".length())).orElse(null);
            } else if (source.startsWith("stageVariables.")) {
                v = stageVariables.get(source.substring("stageVariables.".length()));
            } else if (source.startsWith("context.")) {
                v = source.equals("context.httpMethod") ? req.method() : null;
            }
            if (v == null || v.isEmpty()) {
                return null;
            }
            values.add(v);
        }
        return values;
    }

    private static boolean isUnauthorized(byte[] payload) {
        try {
            return "Unauthorized".equals(Json.parse(payload).path("errorMessage").asText());
        } catch (Exception e) {
            return false;
        }
    }

    /** Parses the authorizer's answer; null when AWS would call it a configuration error. */
    private static Cached parse(byte[] payload, long expiresAt) {
        JsonNode r;
        try {
            r = Json.parse(payload);
        } catch (Exception e) {
            return null;
        }
        if (r == null || !r.isObject() || !Policies.valid(r.get("policyDocument"))) {
            return null;
        }
        JsonNode context = r.get("context");
        if (context != null && !context.isNull()) {
            if (!context.isObject()) {
                return null;
            }
            for (JsonNode v : context) {
                if (v.isContainerNode()) {
                    return null; // only strings, numbers and booleans are allowed in the context
                }
            }
        } else {
            context = null;
        }
        JsonNode key = r.get("usageIdentifierKey");
        return new Cached(expiresAt, r.path("principalId").asText(""), r.get("policyDocument"), context,
                key == null || key.isNull() ? null : key.asText());
    }
}
