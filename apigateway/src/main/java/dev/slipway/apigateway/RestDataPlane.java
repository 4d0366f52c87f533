package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.FunctionInvoker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a request to a REST API stage: route, API key, Lambda authorizer, then the integration
 * (AWS_PROXY through the {@link FunctionInvoker}, or MOCK as the Serverless Framework's CORS
 * preflight methods use), with API Gateway's own error answers.
 */
final class RestDataPlane {
    private static final Pattern ORIGIN_MATCH = Pattern.compile("\\$origin\\.matches\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");

    private final ApiStore store;
    private final FunctionInvoker invoker;
    private final LambdaAuthorizers authorizers;
    private final Executor executor;
    private final Duration defaultTimeout;
    private final String region;
    private final String accountId;
    private final Consumer<RequestLog> listener;

    RestDataPlane(ApiStore store, FunctionInvoker invoker, LambdaAuthorizers authorizers, Executor executor,
            Duration defaultTimeout, String region, String accountId, Consumer<RequestLog> listener) {
        this.store = store;
        this.invoker = invoker;
        this.authorizers = authorizers;
        this.executor = executor;
        this.defaultTimeout = defaultTimeout;
        this.region = region;
        this.accountId = accountId;
        this.listener = listener;
    }

    /** The stage's route for this decoded path and method, or null (also used to choose between APIs on one port). */
    static PathTrie.Match<RestApi.Route> match(RestApi api, String stage, String path, String method) {
        PathTrie<RestApi.Route> routes = api.stageRoutes(stage).orElse(null);
        return routes == null ? null : routes.match(path, method);
    }

    CompletionStage<HttpResponse> serve(RestApi api, Call call) {
        return serve(api, call, match(api, call.stage(), call.path(), call.request().method()));
    }

    /** Serves a call whose route was matched already ({@link #match}; null when none). */
    CompletionStage<HttpResponse> serve(RestApi api, Call call, PathTrie.Match<RestApi.Route> match) {
        long start = System.nanoTime();
        String requestId = call.requestId();
        String method = call.request().method();
        if (call.request().body().length > Limits.MAX_PAYLOAD_BYTES) {
            return done(api, call, start, "", GatewayResponses.tooLarge(requestId));
        }
        RestApi.Stage stage = api.stages.get(call.stage());
        if (match == null) {
            return done(api, call, start, "", GatewayResponses.missingAuthenticationToken(requestId));
        }
        RestApi.Method m = match.value().method();
        RestApi.Integration integration = m.integration();
        Map<String, String> stageVariables = stage == null ? Map.of() : stage.variables();
        String apiKey = null;
        String apiKeyId = null;
        if (m.apiKeyRequired()) {
            apiKey = call.request().headers().get("x-api-key");
            if (!store.keyAllowed(apiKey, api.id, call.stage())) {
                return done(api, call, start, "", GatewayResponses.invalidApiKey(requestId));
            }
            apiKeyId = keyId(apiKey);
        }
        String functionArn = integration != null && integration.functionArn() != null ? integration.functionArn() : "";
        String keyUsed = apiKey;
        String keyIdUsed = apiKeyId;
        RestEvents.Input base = new RestEvents.Input(call, accountId, match.value().resourcePath(),
                match.value().resourceId(), match.pathParameters(), stageVariables, stage == null ? null
                : stage.deploymentId(), api.binaryMediaTypes, null, keyUsed, keyIdUsed, false);
        if ("AWS_IAM".equals(m.authorizationType()) && !call.request().headers().contains("Authorization")) {
            // An unsigned call to an IAM-authorized method; signatures themselves are not checked locally.
            return done(api, call, start, "", GatewayResponses.missingAuthenticationToken(requestId));
        }
        if ("COGNITO_USER_POOLS".equals(m.authorizationType()) && !cognitoTokenPresent(api, m, call)) {
            return done(api, call, start, "", GatewayResponses.unauthorized(requestId));
        }
        if ("CUSTOM".equals(m.authorizationType()) && m.authorizerId() != null) {
            RestApi.Authorizer a = api.authorizers.get(m.authorizerId());
            if (a == null) {
                return done(api, call, start, "", GatewayResponses.authorizerFailure(requestId));
            }
            String methodArn = "arn:aws:execute-api:" + region + ":" + accountId + ":" + api.id + "/" + call.stage()
                    + "/" + method + call.path();
            return CompletableFuture.supplyAsync(() -> authorizers.authorize(a, call, methodArn, stageVariables,
                    () -> (ObjectNode) parse(RestEvents.build(base))), executor)
                    .thenCompose(d -> {
                        if (d.error() != null) {
                            return done(api, call, start, "", d.error());
                        }
                        RestEvents.Input withAuth = new RestEvents.Input(call, accountId, base.resourcePath(),
                                base.resourceId(), base.pathParameters(), stageVariables, base.deploymentId(),
                                base.binaryMediaTypes(), d.authorization(), keyUsed, keyIdUsed, false);
                        return integrate(api, call, start, integration, withAuth, functionArn);
                    });
        }
        return integrate(api, call, start, integration, base, functionArn);
    }

    private CompletionStage<HttpResponse> integrate(RestApi api, Call call, long start, RestApi.Integration integration,
            RestEvents.Input input, String functionArn) {
        String requestId = call.requestId();
        if (integration == null) {
            return done(api, call, start, "", GatewayResponses.internalError(requestId));
        }
        if (integration.type().equals("MOCK")) {
            return done(api, call, start, "", mock(integration, call));
        }
        if (!integration.type().equals("AWS_PROXY")) {
            return done(api, call, start, "", HttpResponse.json(500, "{\"message\": \"Slipway supports AWS_PROXY and "
                    + "MOCK integrations; this method's integration is " + integration.type() + "\"}"));
        }
        byte[] event = RestEvents.build(input);
        Duration timeout = integration.timeoutMillis() > 0 ? Duration.ofMillis(integration.timeoutMillis())
                : defaultTimeout;
        // no thread waits for the function: the Lambda service completes the stage when the worker answers
        return Timeouts.orTimeout(invoker.submit(functionArn, Optional.empty(), event, executor).toCompletableFuture(),
                        timeout.toMillis())
                .handle((outcome, error) -> {
                    HttpResponse response;
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        response = GatewayResponses.customise(api, cause instanceof TimeoutException
                                ? GatewayResponses.timeout(requestId) : GatewayResponses.internalError(requestId));
                        log(call, start, functionArn, response.status(), false, false);
                        return response;
                    }
                    response = switch (outcome.kind()) {
                        case SUCCESS -> {
                            HttpResponse r = ProxyResponses.rest(outcome.payload());
                            yield r == null ? GatewayResponses.customise(api, GatewayResponses.internalError(requestId)) : r;
                        }
                        case THROTTLED -> GatewayResponses.customise(api, GatewayResponses.throttled(requestId));
                        default -> GatewayResponses.customise(api, GatewayResponses.internalError(requestId));
                    };
                    response.headers().set("x-amzn-RequestId", requestId);
                    log(call, start, functionArn, response.status(), outcome.kind() != FunctionInvoker.Kind.NOT_FOUND
                            && outcome.kind() != FunctionInvoker.Kind.THROTTLED, outcome.coldStart());
                    return response;
                });
    }

    /**
     * A MOCK integration answers with its default integration response: the status, the
     * {@code method.response.header.*} parameters (static {@code 'value'}s), and the Serverless
     * Framework's origin template, which sets Access-Control-Allow-Origin to the request's Origin
     * when it matches one of the configured origins.
     */
    private static HttpResponse mock(RestApi.Integration integration, Call call) {
        RestApi.IntegrationResponse ir = integration.integrationResponses().stream()
                .filter(r -> r.selectionPattern() == null || r.selectionPattern().isEmpty()).findFirst()
                .orElse(null);
        if (ir == null) {
            return HttpResponse.json(200, "").header("x-amzn-RequestId", call.requestId());
        }
        int status;
        try {
            status = Integer.parseInt(ir.statusCode());
        } catch (NumberFormatException e) {
            status = 200;
        }
        HttpResponse r = HttpResponse.status(status).header("Content-Type", "application/json");
        for (Map.Entry<String, String> p : ir.responseParameters().entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            if (name.startsWith("method.response.header.") && value.length() >= 2 && value.startsWith("'")
                    && value.endsWith("'")) {
                r.header(name.substring("method.response.header.".length()), value.substring(1, value.length() - 1));
            }
        }
        String template = ir.responseTemplates().getOrDefault("application/json", "");
        String origin = call.request().headers().get("Origin");
        if (template.contains("responseOverride.header.Access-Control-Allow-Origin") && origin != null) {
            Matcher m = ORIGIN_MATCH.matcher(template);
            while (m.find()) {
                if (origin.matches(m.group(1).replace("\\\\", "\\"))) {
                    r.headers().set("Access-Control-Allow-Origin", origin);
                    break;
                }
            }
        } else if (!template.contains("#") && !template.contains("$")) {
            r.body(template);
        }
        r.header("x-amzn-RequestId", call.requestId());
        return r;
    }

    /** Cognito tokens are not verified locally; the identity source must still be present, as on AWS. */
    private static boolean cognitoTokenPresent(RestApi api, RestApi.Method m, Call call) {
        RestApi.Authorizer a = m.authorizerId() == null ? null : api.authorizers.get(m.authorizerId());
        String header = a == null || a.identitySources().isEmpty() ? "Authorization"
                : a.identitySources().get(0).replaceFirst("^method\\.request\\.header\\.", "");
        String v = call.request().headers().get(header);
        return v != null && !v.isEmpty();
    }

    private String keyId(String value) {
        return store.apiKeys.values().stream().filter(k -> k.value().equals(value)).map(ApiStore.ApiKey::id)
                .findFirst().orElse(null);
    }

    private CompletionStage<HttpResponse> done(RestApi api, Call call, long start, String function,
            HttpResponse response) {
        HttpResponse r = GatewayResponses.customise(api, response);
        log(call, start, function, r.status(), false, false);
        return CompletableFuture.completedFuture(r);
    }

    private void log(Call call, long start, String function, int status, boolean invoked, boolean cold) {
        listener.accept(new RequestLog(call.request().method(), call.requestPath(), function, status,
                (System.nanoTime() - start) / 1e6, invoked, cold));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(byte[] bytes) {
        try {
            return Json.parse(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
