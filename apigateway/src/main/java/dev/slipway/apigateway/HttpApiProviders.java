package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.spi.ResourceProvider;
import dev.slipway.protocol.spi.ResourceProvider.ResourceFailure;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** CloudFormation providers for AWS::ApiGatewayV2::*, as the Serverless Framework compiles {@code httpApi} events. */
final class HttpApiProviders {
    private final ApiStore store;
    private final Ids ids;
    private final Clock clock;
    private final String region;

    HttpApiProviders(ApiStore store, Ids ids, Clock clock, String region) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.region = region;
    }

    List<ResourceProvider> all() {
        return List.of(new ApiProvider(), new StageProvider(), new IntegrationProvider(), new RouteProvider(),
                new AuthorizerProvider());
    }

    private HttpApi api(ObjectNode p, String type) throws ResourceFailure {
        String id = Props.required(p, "ApiId", type);
        HttpApi api = store.httpApis.get(id);
        if (api == null) {
            throw new ResourceFailure("Invalid API identifier specified " + id);
        }
        return api;
    }

    /** A child resource of an HTTP API, kept in one of its maps by id. */
    private abstract class Child<T> implements ResourceProvider {
        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("ApiId");
        }

        abstract Map<String, T> map(HttpApi api);

        abstract T build(String id, ObjectNode p) throws ResourceFailure;

        @Override
        public Result create(Request r) throws Exception {
            return put(r, ids.shortId());
        }

        @Override
        public Result update(Request r) throws Exception {
            return put(r, r.physicalId().orElseThrow());
        }

        Result put(Request r, String id) throws ResourceFailure {
            HttpApi api = api(r.properties(), type());
            map(api).put(id, build(id, r.properties()));
            api.reindex();
            return new Result(id, attributes(id));
        }

        Map<String, JsonNode> attributes(String id) {
            return Map.of();
        }

        @Override
        public void delete(Request r) {
            HttpApi api = store.httpApis.get(Props.text(r.properties(), "ApiId", ""));
            if (api != null && r.physicalId().isPresent()) {
                map(api).remove(r.physicalId().get());
                api.reindex();
            }
        }
    }

    final class ApiProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGatewayV2::Api";
        }

        @Override
        public Result create(Request r) throws Exception {
            HttpApi api = new HttpApi(ids.apiId(), "", clock.instant());
            apply(api, r.properties());
            store.httpApis.put(api.id, api);
            return result(api);
        }

        @Override
        public Result update(Request r) throws Exception {
            HttpApi api = store.httpApis.get(r.physicalId().orElse(""));
            if (api == null) {
                return create(r);
            }
            apply(api, r.properties());
            return result(api);
        }

        @Override
        public void delete(Request r) {
            r.physicalId().ifPresent(store.httpApis::remove);
        }

        private void apply(HttpApi api, ObjectNode p) throws ResourceFailure {
            String protocol = Props.text(p, "ProtocolType", "HTTP").toUpperCase(Locale.ROOT);
            if (!protocol.equals("HTTP")) {
                throw new ResourceFailure("ProtocolType " + protocol + " is not supported by Slipway; only HTTP");
            }
            if (p.has("Body") || p.has("BodyS3Location")) {
                throw new ResourceFailure("AWS::ApiGatewayV2::Api Body (OpenAPI import) is not supported by Slipway");
            }
            api.name = Props.text(p, "Name", api.id);
            api.disableExecuteApiEndpoint = Props.bool(p, "DisableExecuteApiEndpoint", false);
            JsonNode c = p.get("CorsConfiguration");
            api.cors = c == null || c.isNull() ? null : new HttpApi.Cors(Props.bool(c, "AllowCredentials", false),
                    Props.strings(c, "AllowHeaders"), Props.strings(c, "AllowMethods"),
                    Props.strings(c, "AllowOrigins"), Props.strings(c, "ExposeHeaders"),
                    Props.integer(c, "MaxAge", -1));
        }

        private Result result(HttpApi api) {
            return new Result(api.id, Map.of("ApiId", TextNode.valueOf(api.id), "ApiEndpoint",
                    TextNode.valueOf("https://" + api.id + ".execute-api." + region + ".amazonaws.com")));
        }
    }

    final class StageProvider extends Child<HttpApi.Stage> {
        @Override
        public String type() {
            return "AWS::ApiGatewayV2::Stage";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("ApiId", "StageName");
        }

        @Override
        Map<String, HttpApi.Stage> map(HttpApi api) {
            return api.stages;
        }

        @Override
        public Result create(Request r) throws Exception {
            return put(r, Props.required(r.properties(), "StageName", type()));
        }

        @Override
        HttpApi.Stage build(String id, ObjectNode p) {
            return new HttpApi.Stage(id, Props.bool(p, "AutoDeploy", false),
                    Map.copyOf(Props.stringMap(p, "StageVariables")), clock.instant());
        }
    }

    final class IntegrationProvider extends Child<HttpApi.Integration> {
        @Override
        public String type() {
            return "AWS::ApiGatewayV2::Integration";
        }

        @Override
        Map<String, HttpApi.Integration> map(HttpApi api) {
            return api.integrations;
        }

        @Override
        HttpApi.Integration build(String id, ObjectNode p) throws ResourceFailure {
            String type = Props.required(p, "IntegrationType", type()).toUpperCase(Locale.ROOT);
            String arn = null;
            if (type.equals("AWS_PROXY")) {
                String uri = Props.required(p, "IntegrationUri", type());
                arn = FunctionArns.fromUri(uri).orElseThrow(() -> new ResourceFailure(
                        "Invalid IntegrationUri specified: " + uri + ". Slipway supports Lambda function ARNs"));
            }
            String version = Props.text(p, "PayloadFormatVersion", "1.0");
            if (!version.equals("1.0") && !version.equals("2.0")) {
                throw new ResourceFailure("Invalid PayloadFormatVersion: " + version + "; must be 1.0 or 2.0");
            }
            return new HttpApi.Integration(id, type, arn, version, Props.integer(p, "TimeoutInMillis", 30000));
        }

        @Override
        Map<String, JsonNode> attributes(String id) {
            return Map.of("IntegrationId", TextNode.valueOf(id));
        }
    }

    final class RouteProvider extends Child<HttpApi.Route> {
        @Override
        public String type() {
            return "AWS::ApiGatewayV2::Route";
        }

        @Override
        Map<String, HttpApi.Route> map(HttpApi api) {
            return api.routes;
        }

        @Override
        HttpApi.Route build(String id, ObjectNode p) throws ResourceFailure {
            String key = Props.required(p, "RouteKey", type()).trim();
            if (!key.equals("$default") && !key.matches("[A-Za-z]+ /.*")) {
                throw new ResourceFailure("Invalid route key: " + key
                        + ". Use $default or an HTTP method and a path, e.g. \"GET /users/{id}\"");
            }
            if (!key.equals("$default")) {
                int space = key.indexOf(' ');
                key = key.substring(0, space).toUpperCase(Locale.ROOT) + key.substring(space);
            }
            String target = Props.text(p, "Target", null);
            String integrationId = target != null && target.startsWith("integrations/")
                    ? target.substring("integrations/".length()) : null;
            return new HttpApi.Route(id, key, integrationId,
                    Props.text(p, "AuthorizationType", "NONE").toUpperCase(Locale.ROOT),
                    Props.text(p, "AuthorizerId", null), Props.strings(p, "AuthorizationScopes"));
        }
    }

    final class AuthorizerProvider extends Child<HttpApi.Authorizer> {
        @Override
        public String type() {
            return "AWS::ApiGatewayV2::Authorizer";
        }

        @Override
        Map<String, HttpApi.Authorizer> map(HttpApi api) {
            return api.authorizers;
        }

        @Override
        HttpApi.Authorizer build(String id, ObjectNode p) throws ResourceFailure {
            String type = Props.required(p, "AuthorizerType", type()).toUpperCase(Locale.ROOT);
            JsonNode jwt = p.path("JwtConfiguration");
            String functionArn = null;
            if (type.equals("REQUEST")) {
                String uri = Props.required(p, "AuthorizerUri", type());
                functionArn = FunctionArns.fromUri(uri).orElseThrow(() -> new ResourceFailure(
                        "Invalid AuthorizerUri specified: " + uri));
            } else if (type.equals("JWT") && Props.text(jwt, "Issuer", null) == null) {
                throw new ResourceFailure("JwtConfiguration.Issuer is required for a JWT authorizer");
            }
            return new HttpApi.Authorizer(id, Props.text(p, "Name", id), type, Props.strings(p, "IdentitySource"),
                    Props.text(jwt, "Issuer", null), Props.strings(jwt, "Audience"), functionArn,
                    Props.text(p, "AuthorizerPayloadFormatVersion", "2.0"),
                    Props.bool(p, "EnableSimpleResponses", false),
                    Props.integer(p, "AuthorizerResultTtlInSeconds", 0));
        }

        @Override
        Map<String, JsonNode> attributes(String id) {
            return Map.of("AuthorizerId", TextNode.valueOf(id));
        }
    }
}
