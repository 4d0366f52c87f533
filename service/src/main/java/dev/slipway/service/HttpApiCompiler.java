package dev.slipway.service;

import static dev.slipway.service.Cfn.arr;
import static dev.slipway.service.Cfn.join;
import static dev.slipway.service.Cfn.properties;
import static dev.slipway.service.Cfn.ref;
import static dev.slipway.service.Cfn.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code httpApi} events → API Gateway HTTP API (v2), as the Framework's http-api plugin: the
 * Api (with CorsConfiguration when {@code provider.httpApi.cors} is set), the {@code $default}
 * auto-deployed stage, and per route a permission and an integration (once per function) and
 * the route; outputs HttpApiId and HttpApiUrl.
 */
final class HttpApiCompiler {
    private static final String API = "HttpApi";
    /** The Framework's allowedMethods, in its order. */
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD", "DELETE");
    private final CloudFormationCompiler.Run run;

    HttpApiCompiler(CloudFormationCompiler.Run run) {
        this.run = run;
    }

    void compile() {
        boolean any = run.service.functions().values().stream().anyMatch(f -> !f.httpApiEvents().isEmpty());
        if (!any) {
            return;
        }
        Provider provider = run.service.provider();
        ObjectNode settings = provider.httpApi();
        ObjectNode api = resource("AWS::ApiGatewayV2::Api");
        ObjectNode ap = properties(api);
        ap.put("Name", settings.hasNonNull("name") ? settings.get("name").asText()
                : settings.path("shouldStartNameWithService").asBoolean(false)
                ? run.service.name() + "-" + run.stage() : run.stage() + "-" + run.service.name());
        ap.put("ProtocolType", "HTTP");
        if (settings.has("disableDefaultEndpoint")) {
            ap.put("DisableExecuteApiEndpoint", settings.get("disableDefaultEndpoint").asBoolean());
        }
        if (!provider.tags().isEmpty()) {
            ObjectNode tags = ap.putObject("Tags");
            provider.tags().forEach(tags::put);
        }
        JsonNode cors = settings.get("cors");
        if (cors != null && (cors.isObject() || cors.asBoolean(false))) {
            ObjectNode cc = ap.putObject("CorsConfiguration");
            if (cors.has("allowCredentials")) {
                cc.put("AllowCredentials", cors.get("allowCredentials").asBoolean());
            }
            cc.set("AllowHeaders", cors.has("allowedHeaders") ? cors.get("allowedHeaders").deepCopy()
                    : arr(Event.Cors.DEFAULT_HEADERS.toArray()));
            if (cors.has("allowedMethods")) {
                cc.set("AllowMethods", cors.get("allowedMethods").deepCopy());
            } else {
                Set<String> methods = new LinkedHashSet<>(List.of("OPTIONS"));
                for (FunctionSpec f : run.service.functions().values()) {
                    for (Event.HttpApi h : f.httpApiEvents()) {
                        if (h.method().equals("ANY") || h.method().equals("*")) {
                            methods.addAll(METHODS);
                        } else {
                            methods.add(h.method());
                        }
                    }
                }
                cc.set("AllowMethods", arr(methods.toArray()));
            }
            cc.set("AllowOrigins", cors.has("allowedOrigins") ? cors.get("allowedOrigins").deepCopy() : arr("*"));
            if (cors.has("exposedResponseHeaders")) {
                cc.set("ExposeHeaders", cors.get("exposedResponseHeaders").deepCopy());
            }
            if (cors.has("maxAge")) {
                cc.set("MaxAge", cors.get("maxAge"));
            }
        }
        run.resources.set(API, api);

        ObjectNode stage = resource("AWS::ApiGatewayV2::Stage");
        ObjectNode sp = properties(stage);
        sp.set("ApiId", ref(API));
        sp.put("StageName", "$default");
        sp.put("AutoDeploy", true);
        sp.putObject("DefaultRouteSettings").put("DetailedMetricsEnabled", settings.path("metrics").asBoolean(false));
        if (!provider.tags().isEmpty()) {
            ObjectNode tags = sp.putObject("Tags");
            provider.tags().forEach(tags::put);
        }
        run.resources.set("HttpApiStage", stage);
        ObjectNode idOut = run.outputs.putObject("HttpApiId");
        idOut.put("Description", "Id of the HTTP API");
        idOut.set("Value", ref(API));
        ObjectNode urlOut = run.outputs.putObject("HttpApiUrl");
        urlOut.put("Description", "URL of the HTTP API");
        urlOut.set("Value", join("", "https://", ref(API), ".execute-api.", ref("AWS::Region"), ".",
                ref("AWS::URLSuffix")));

        JsonNode authorizers = settings.get("authorizers");
        if (authorizers != null && authorizers.isObject()) {
            authorizers.fields().forEachRemaining(e -> {
                JsonNode a = e.getValue();
                if (a.path("type").asText("jwt").equals("request")) {
                    return; // Lambda authorizers: not compiled (see package-info)
                }
                ObjectNode auth = resource("AWS::ApiGatewayV2::Authorizer");
                ObjectNode aup = properties(auth);
                aup.set("ApiId", ref(API));
                aup.put("Name", a.path("name").asText(e.getKey()));
                aup.set("IdentitySource", arr(a.path("identitySource").asText()));
                aup.put("AuthorizerType", "JWT");
                ObjectNode jwt = aup.putObject("JwtConfiguration");
                JsonNode audience = a.get("audience");
                jwt.set("Audience", audience == null ? Cfn.F.arrayNode()
                        : audience.isArray() ? audience.deepCopy() : arr(audience.asText()));
                jwt.set("Issuer", a.path("issuerUrl").deepCopy());
                run.resources.set("HttpApiAuthorizer" + Naming.functionName(e.getKey()), auth);
            });
        }

        Set<String> done = new HashSet<>();
        for (FunctionSpec f : run.service.functions().values()) {
            for (Event.HttpApi h : f.httpApiEvents()) {
                String integrationId = Naming.httpApiIntegration(f.key());
                if (done.add(f.key())) {
                    ObjectNode perm = resource("AWS::Lambda::Permission");
                    ObjectNode pp = properties(perm);
                    pp.set("FunctionName", run.functionArn(f.key()));
                    pp.put("Action", "lambda:InvokeFunction");
                    pp.put("Principal", "apigateway.amazonaws.com");
                    pp.set("SourceArn", join("", "arn:", ref("AWS::Partition"), ":execute-api:", ref("AWS::Region"),
                            ":", ref("AWS::AccountId"), ":", ref(API), "/*"));
                    run.resources.set(Naming.httpApiPermission(f.key()), perm);
                    ObjectNode integration = resource("AWS::ApiGatewayV2::Integration");
                    ObjectNode ip = properties(integration);
                    ip.set("ApiId", ref(API));
                    ip.put("IntegrationType", "AWS_PROXY");
                    ip.set("IntegrationUri", run.functionArn(f.key()));
                    ip.put("PayloadFormatVersion", settings.path("payload").asText("2.0"));
                    ip.put("TimeoutInMillis", 30000);
                    run.resources.set(integrationId, integration);
                }
                String routeKey = h.routeKey();
                ObjectNode route = resource("AWS::ApiGatewayV2::Route");
                ObjectNode rp = properties(route);
                rp.set("ApiId", ref(API));
                rp.put("RouteKey", routeKey.equals("*") ? "$default" : routeKey);
                rp.set("Target", join("/", "integrations", ref(integrationId)));
                JsonNode auth = h.config().path("authorizer");
                if (auth.path("type").asText().equals("aws_iam")) {
                    rp.put("AuthorizationType", "AWS_IAM");
                } else if (h.authorizer().isPresent()) {
                    rp.put("AuthorizationType", "JWT");
                    rp.set("AuthorizerId", ref("HttpApiAuthorizer" + Naming.functionName(h.authorizer().get())));
                    if (auth.has("scopes")) {
                        rp.set("AuthorizationScopes", auth.get("scopes").deepCopy());
                    }
                }
                route.put("DependsOn", integrationId);
                run.resources.set(Naming.httpApiRoute(routeKey), route);
            }
        }
    }
}
