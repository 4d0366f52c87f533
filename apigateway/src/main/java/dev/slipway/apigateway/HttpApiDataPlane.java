package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.FunctionInvoker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Serves a request to an HTTP API: CORS preflights answered from the API's CorsConfiguration,
 * route keys (most specific first, then {@code $default}), JWT and Lambda REQUEST authorizers,
 * and the Lambda proxy integration in payload format 2.0 or 1.0.
 */
final class HttpApiDataPlane {
    private final FunctionInvoker invoker;
    private final JwtVerifier jwt;
    private final Executor executor;
    private final String region;
    private final String accountId;
    private final Consumer<RequestLog> listener;
    private final java.time.Clock clock;
    /** Lambda authorizer answers by authorizer and identity, kept for AuthorizerResultTtlInSeconds. */
    private final Map<String, CachedAuth> authCache = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedAuth(long expiresAtMillis, JsonNode result) {}

    HttpApiDataPlane(FunctionInvoker invoker, JwtVerifier jwt, Executor executor, String region, String accountId,
            Consumer<RequestLog> listener, java.time.Clock clock) {
        this.clock = clock;
        this.invoker = invoker;
        this.jwt = jwt;
        this.executor = executor;
        this.region = region;
        this.accountId = accountId;
        this.listener = listener;
    }

    CompletionStage<HttpResponse> serve(HttpApi api, Call call) {
        long start = System.nanoTime();
        String requestId = call.requestId();
        var req = call.request();
        if (req.body().length > Limits.MAX_PAYLOAD_BYTES) {
            return done(call, start, GatewayResponses.httpTooLarge(requestId));
        }
        HttpApi.Cors cors = api.cors;
        String origin = req.headers().get("Origin");
        if (cors != null && req.method().equals("OPTIONS") && origin != null
                && req.headers().contains("Access-Control-Request-Method")) {
            return done(call, start, preflight(cors, origin, requestId));
        }
        PathTrie.Match<HttpApi.Route> match = api.match(call.path(), req.method());
        if (match == null) {
            return done(call, start, withCors(GatewayResponses.httpNotFound(requestId), cors, origin));
        }
        HttpApi.Route route = match.value();
        HttpApi.Integration integration = route.integrationId() == null ? null
                : api.integrations.get(route.integrationId());
        HttpApi.Stage stage = api.stages.get(call.stage());
        Map<String, String> stageVariables = stage == null ? Map.of() : stage.variables();
        if (route.authorizationType().equals("JWT")) {
            HttpApi.Authorizer a = api.authorizers.get(route.authorizerId());
            String token = a == null || a.identitySources().isEmpty() ? req.headers().get("Authorization")
                    : identity(a.identitySources().get(0), call);
            // Off the event loop: verifying may fetch the issuer's keys over HTTP, possibly from this very server.
            return CompletableFuture.supplyAsync(() -> a == null ? null : jwt.verify(token, a.issuer(), a.audience()),
                    executor).thenCompose(claims -> {
                        if (claims == null) {
                            return done(call, start, withCors(GatewayResponses.httpUnauthorized(requestId), cors,
                                    origin));
                        }
                        List<String> scopes = scopes(claims);
                        if (!route.authorizationScopes().isEmpty()
                                && route.authorizationScopes().stream().noneMatch(scopes::contains)) {
                            return done(call, start, withCors(GatewayResponses.httpForbidden(requestId), cors, origin));
                        }
                        return integrate(call, start, match, integration, stageVariables, jwtContext(claims, scopes),
                                cors, origin);
                    });
        }
        if (route.authorizationType().equals("CUSTOM")) {
            HttpApi.Authorizer a = api.authorizers.get(route.authorizerId());
            return CompletableFuture.supplyAsync(() -> lambdaAuthorize(a, api, call, match, stageVariables), executor)
                    .thenCompose(auth -> auth == null
                            ? done(call, start, withCors(GatewayResponses.httpForbidden(requestId), cors, origin))
                            : auth.has("unauthorized")
                                    ? done(call, start, withCors(GatewayResponses.httpUnauthorized(requestId), cors,
                                            origin))
                                    : integrate(call, start, match, integration, stageVariables, auth, cors, origin));
        }
        return integrate(call, start, match, integration, stageVariables, null, cors, origin);
    }

    private CompletionStage<HttpResponse> integrate(Call call, long start, PathTrie.Match<HttpApi.Route> match,
            HttpApi.Integration integration, Map<String, String> stageVariables, JsonNode authorizer,
            HttpApi.Cors cors, String origin) {
        String requestId = call.requestId();
        if (integration == null || integration.functionArn() == null) {
            return done(call, start, withCors(GatewayResponses.httpInternalError(requestId), cors, origin));
        }
        boolean v2 = integration.payloadFormatVersion().equals("2.0");
        byte[] event;
        if (v2) {
            event = HttpApiEvents.build(new HttpApiEvents.Input(call, accountId, match.value().routeKey(),
                    match.pathParameters(), stageVariables, authorizer));
        } else {
            String resource = match.value().routeKey().equals("$default") ? "$default"
                    : match.value().routeKey().substring(match.value().routeKey().indexOf(' ') + 1);
            RestEvents.Authorization auth = authorizer != null && authorizer.has("lambda")
                    ? new RestEvents.Authorization("", authorizer.get("lambda"), 0) : null;
            event = RestEvents.build(new RestEvents.Input(call, accountId, resource, null,
                    match.pathParameters(), stageVariables, null, List.of(), auth, null, null, true));
        }
        long timeout = Math.min(integration.timeoutMillis() > 0 ? integration.timeoutMillis() : 30000,
                Limits.HTTP_API_MAX_TIMEOUT.toMillis());
        String fn = integration.functionArn();
        // no thread waits for the function: the Lambda service completes the stage when the worker answers
        return Timeouts.orTimeout(invoker.submit(fn, Optional.empty(), event, executor).toCompletableFuture(), timeout)
                .handle((outcome, error) -> {
                    HttpResponse response;
                    boolean invoked = false;
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        response = cause instanceof TimeoutException ? GatewayResponses.httpTimeout(requestId)
                                : GatewayResponses.httpInternalError(requestId);
                    } else {
                        invoked = outcome.kind() == FunctionInvoker.Kind.SUCCESS
                                || outcome.kind() == FunctionInvoker.Kind.FUNCTION_ERROR;
                        response = switch (outcome.kind()) {
                            case SUCCESS -> {
                                HttpResponse r = v2 ? ProxyResponses.httpApi(outcome.payload())
                                        : ProxyResponses.rest(outcome.payload());
                                yield r == null ? GatewayResponses.httpInternalError(requestId) : r;
                            }
                            case THROTTLED -> GatewayResponses.httpThrottled(requestId);
                            default -> GatewayResponses.httpInternalError(requestId);
                        };
                        response.headers().set("apigw-requestid", requestId);
                    }
                    withCors(response, cors, origin);
                    listener.accept(new RequestLog(call.request().method(), call.requestPath(), fn, response.status(),
                            (System.nanoTime() - start) / 1e6, invoked, invoked && outcome.coldStart()));
                    return response;
                });
    }

    /**
     * Invokes a REQUEST Lambda authorizer (payload 2.0 or 1.0). Returns the requestContext.authorizer
     * object, {@code {"unauthorized":true}} for a missing identity source or an "Unauthorized" error,
     * or null for a denial.
     */
    private JsonNode lambdaAuthorize(HttpApi.Authorizer a, HttpApi api, Call call,
            PathTrie.Match<HttpApi.Route> match, Map<String, String> stageVariables) {
        if (a == null || a.functionArn() == null) {
            return null;
        }
        ArrayNode identity = Json.MAPPER.createArrayNode();
        for (String source : a.identitySources()) {
            String v = identity(source, call);
            if (v == null || v.isEmpty()) {
                return Json.object().put("unauthorized", true);
            }
            identity.add(v);
        }
        String cacheKey = a.ttlSeconds() > 0 && identity.size() > 0 ? a.id() + '\u0000' + identity : null;
        long now = clock.millis();
        CachedAuth cached = cacheKey == null ? null : authCache.get(cacheKey);
        if (cached != null && cached.expiresAtMillis() > now) {
            return cached.result();
        }
        JsonNode result = invokeAuthorizer(a, api, call, match, stageVariables, identity);
        if (cacheKey != null && (result == null || !result.has("unauthorized"))) {
            authCache.put(cacheKey, new CachedAuth(now + a.ttlSeconds() * 1000L, result));
        }
        return result;
    }

    private JsonNode invokeAuthorizer(HttpApi.Authorizer a, HttpApi api, Call call,
            PathTrie.Match<HttpApi.Route> match, Map<String, String> stageVariables, ArrayNode identity) {
        String routeArn = "arn:aws:execute-api:" + region + ":" + accountId + ":" + api.id + "/" + call.stage() + "/"
                + call.request().method() + call.path();
        ObjectNode event;
        try {
            event = (ObjectNode) Json.parse(HttpApiEvents.build(new HttpApiEvents.Input(call, accountId,
                    match.value().routeKey(), match.pathParameters(), stageVariables, null)));
        } catch (java.io.IOException e) {
            return null;
        }
        event.remove("body");
        event.remove("isBase64Encoded");
        ObjectNode full = Json.object().put("version", "2.0").put("type", "REQUEST").put("routeArn", routeArn);
        full.set("identitySource", identity);
        full.setAll(event);
        full.put("version", "2.0");
        FunctionInvoker.Outcome outcome = invoker.invoke(a.functionArn(), Optional.empty(), Json.bytes(full));
        if (!outcome.ok()) {
            return outcome.kind() == FunctionInvoker.Kind.FUNCTION_ERROR
                    && new String(outcome.payload()).contains("\"Unauthorized\"")
                    ? Json.object().put("unauthorized", true) : null;
        }
        try {
            JsonNode r = Json.parse(outcome.payload());
            JsonNode context = r.path("context").isObject() ? r.get("context") : Json.object();
            boolean allowed = a.simpleResponses() ? r.path("isAuthorized").asBoolean(false)
                    : Policies.valid(r.get("policyDocument"))
                            && Policies.evaluate(r.get("policyDocument"), routeArn) == Policies.Effect.ALLOW;
            if (!allowed) {
                return null;
            }
            ObjectNode auth = Json.object();
            auth.set("lambda", context);
            return auth;
        } catch (Exception e) {
            return null;
        }
    }

    private static String identity(String source, Call call) {
        if (source.startsWith("$request.header.")) {
            return call.request().headers().get(source.substring("$request.header.".length()));
        }
        if (source.startsWith("$request.querystring.")) {
            return call.request().query(source.substring("$request.querystring.".length())).orElse(null);
        }
        return null;
    }

    private static HttpResponse preflight(HttpApi.Cors cors, String origin, String requestId) {
        HttpResponse r = HttpResponse.status(204).header("apigw-requestid", requestId);
        if (!originAllowed(cors, origin)) {
            return r;
        }
        r.header("access-control-allow-origin", cors.allowOrigins().contains("*") && !cors.allowCredentials()
                ? "*" : origin);
        if (!cors.allowMethods().isEmpty()) {
            r.header("access-control-allow-methods", String.join(",", cors.allowMethods()));
        }
        if (!cors.allowHeaders().isEmpty()) {
            r.header("access-control-allow-headers", String.join(",", cors.allowHeaders()));
        }
        if (cors.allowCredentials()) {
            r.header("access-control-allow-credentials", "true");
        }
        if (cors.maxAge() >= 0) {
            r.header("access-control-max-age", Integer.toString(cors.maxAge()));
        }
        return r;
    }

    /** Adds the CORS headers API Gateway adds to every answer of an API with a CorsConfiguration. */
    private static HttpResponse withCors(HttpResponse r, HttpApi.Cors cors, String origin) {
        if (cors == null || origin == null || !originAllowed(cors, origin)) {
            return r;
        }
        r.headers().set("access-control-allow-origin", cors.allowOrigins().contains("*") && !cors.allowCredentials()
                ? "*" : origin);
        if (cors.allowCredentials()) {
            r.headers().set("access-control-allow-credentials", "true");
        }
        if (!cors.exposeHeaders().isEmpty()) {
            r.headers().set("access-control-expose-headers", String.join(",", cors.exposeHeaders()));
        }
        return r;
    }

    private static boolean originAllowed(HttpApi.Cors cors, String origin) {
        return cors.allowOrigins().contains("*") || cors.allowOrigins().contains(origin);
    }

    private static List<String> scopes(JsonNode claims) {
        JsonNode s = claims.has("scope") ? claims.get("scope") : claims.get("scp");
        if (s == null || s.isNull()) {
            return List.of();
        }
        if (s.isArray()) {
            List<String> out = new java.util.ArrayList<>();
            s.forEach(v -> out.add(v.asText()));
            return out;
        }
        return List.of(s.asText().trim().split("\\s+"));
    }

    /** requestContext.authorizer of a JWT route: {@code {"jwt": {"claims": {…}, "scopes": […] or null}}}. */
    private static JsonNode jwtContext(ObjectNode claims, List<String> scopes) {
        ObjectNode auth = Json.object();
        ObjectNode j = auth.putObject("jwt");
        ObjectNode c = j.putObject("claims");
        claims.fields().forEachRemaining(e -> c.put(e.getKey(), claimText(e.getValue())));
        if (scopes.isEmpty()) {
            j.putNull("scopes");
        } else {
            ArrayNode s = j.putArray("scopes");
            scopes.forEach(s::add);
        }
        return auth;
    }

    /** JWT claims reach the function as strings; arrays as {@code [a b]}, as AWS renders them. */
    private static String claimText(JsonNode v) {
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            v.forEach(e -> sb.append(sb.length() > 1 ? " " : "").append(e.asText()));
            return sb.append(']').toString();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private CompletionStage<HttpResponse> done(Call call, long start, HttpResponse response) {
        listener.accept(new RequestLog(call.request().method(), call.requestPath(), "", response.status(),
                (System.nanoTime() - start) / 1e6, false, false));
        return CompletableFuture.completedFuture(response);
    }
}
