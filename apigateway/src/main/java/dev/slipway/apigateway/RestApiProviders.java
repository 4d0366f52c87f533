package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.spi.ResourceProvider;
import dev.slipway.protocol.spi.ResourceProvider.ResourceFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CloudFormation providers for the AWS::ApiGateway::* types, as the Serverless Framework (v3)
 * compiles its {@code http} events and as SAM's AWS::Serverless::Api expands.
 */
final class RestApiProviders {
    private final ApiStore store;
    private final Ids ids;
    private final Clock clock;

    RestApiProviders(ApiStore store, Ids ids, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    List<ResourceProvider> all() {
        return List.of(new RestApiProvider(), new ResourceResource(), new MethodProvider(), new DeploymentProvider(),
                new StageProvider(), new AuthorizerProvider(), new ApiKeyProvider(), new UsagePlanProvider(),
                new UsagePlanKeyProvider(), new GatewayResponseProvider());
    }

    private String accountId = dev.slipway.protocol.AwsDefaults.ACCOUNT_ID;

    RestApi api(ObjectNode props, String property, String type) throws ResourceFailure {
        String id = Props.required(props, property, type);
        RestApi api = store.restApis.get(id);
        if (api == null) {
            throw new ResourceFailure("Invalid API identifier specified " + accountId + ":" + id);
        }
        return api;
    }

    /** Providers that only need create and delete; update re-applies create in place. */
    private abstract static class Simple implements ResourceProvider {
        @Override
        public Result update(Request request) throws Exception {
            delete(request);
            return create(request);
        }
    }

    final class RestApiProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGateway::RestApi";
        }

        @Override
        public Result create(Request r) throws Exception {
            ObjectNode p = r.properties();
            if (p.has("Body") || p.has("BodyS3Location")) {
                throw new ResourceFailure("AWS::ApiGateway::RestApi Body and BodyS3Location (OpenAPI import) "
                        + "are not supported by Slipway; define resources and methods instead");
            }
            RestApi api = new RestApi(ids.apiId(), ids.apiId(), clock.instant());
            apply(api, p);
            store.restApis.put(api.id, api);
            return result(api);
        }

        @Override
        public Result update(Request r) throws Exception {
            RestApi api = store.restApis.get(r.physicalId().orElse(""));
            if (api == null) {
                return create(r);
            }
            apply(api, r.properties());
            return result(api);
        }

        @Override
        public void delete(Request r) {
            r.physicalId().ifPresent(store.restApis::remove);
        }

        private void apply(RestApi api, ObjectNode p) {
            api.name = Props.text(p, "Name", api.id);
            api.description = Props.text(p, "Description", null);
            api.binaryMediaTypes = List.copyOf(Props.strings(p, "BinaryMediaTypes"));
            api.endpointTypes = List.copyOf(Props.strings(p.path("EndpointConfiguration"), "Types"));
            JsonNode policy = p.get("Policy");
            api.policy = policy == null || policy.isNull() || policy.asText().isEmpty() && !policy.isObject()
                    ? null : policy.isTextual() ? policy.asText() : policy.toString();
        }

        private Result result(RestApi api) {
            return new Result(api.id, Map.of("RootResourceId", TextNode.valueOf(api.rootResourceId),
                    "RestApiId", TextNode.valueOf(api.id)));
        }
    }

    final class ResourceResource extends Simple {
        @Override
        public String type() {
            return "AWS::ApiGateway::Resource";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("ParentId", "PathPart", "RestApiId");
        }

        @Override
        public Result create(Request r) throws Exception {
            RestApi api = api(r.properties(), "RestApiId", type());
            String parentId = Props.required(r.properties(), "ParentId", type());
            String pathPart = Props.required(r.properties(), "PathPart", type());
            if (!api.resources.containsKey(parentId)) {
                throw new ResourceFailure("Invalid Resource identifier specified");
            }
            for (RestApi.Resource sibling : api.resources.values()) {
                if (parentId.equals(sibling.parentId) && pathPart.equals(sibling.pathPart)) {
                    throw new ResourceFailure("Another resource with the same parent already has this name: " + pathPart);
                }
            }
            RestApi.Resource res = new RestApi.Resource(ids.shortId(), parentId, pathPart);
            api.resources.put(res.id, res);
            return new Result(res.id, Map.of("ResourceId", TextNode.valueOf(res.id)));
        }

        @Override
        public Result update(Request r) throws Exception {
            return new Result(r.physicalId().orElseThrow(), Map.of("ResourceId", TextNode.valueOf(r.physicalId().get())));
        }

        @Override
        public void delete(Request r) {
            RestApi api = store.restApis.get(Props.text(r.properties(), "RestApiId", ""));
            if (api != null) {
                r.physicalId().ifPresent(id -> removeTree(api, id));
            }
        }

        private void removeTree(RestApi api, String id) {
            for (RestApi.Resource child : new ArrayList<>(api.resources.values())) {
                if (id.equals(child.parentId)) {
                    removeTree(api, child.id);
                }
            }
            api.resources.remove(id);
        }
    }

    final class MethodProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGateway::Method";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("RestApiId", "ResourceId", "HttpMethod");
        }

        @Override
        public Result create(Request r) throws Exception {
            ObjectNode p = r.properties();
            RestApi api = api(p, "RestApiId", type());
            String resourceId = Props.required(p, "ResourceId", type());
            RestApi.Resource res = api.resources.get(resourceId);
            if (res == null) {
                throw new ResourceFailure("Invalid Resource identifier specified");
            }
            String httpMethod = Props.required(p, "HttpMethod", type()).toUpperCase(Locale.ROOT);
            String authType = Props.text(p, "AuthorizationType", "NONE").toUpperCase(Locale.ROOT);
            String authorizerId = Props.text(p, "AuthorizerId", null);
            if ((authType.equals("CUSTOM") || authType.equals("COGNITO_USER_POOLS"))
                    && (authorizerId == null || !api.authorizers.containsKey(authorizerId))) {
                throw new ResourceFailure("Invalid authorizer ID specified. Setting the authorization type to CUSTOM "
                        + "or COGNITO_USER_POOLS requires a valid authorizer.");
            }
            RestApi.Method m = new RestApi.Method(httpMethod, authType, authorizerId,
                    Props.bool(p, "ApiKeyRequired", false), Props.stringMap(p, "RequestParameters"),
                    integration(p.path("Integration")), methodResponseCodes(p.path("MethodResponses")));
            res.methods.put(httpMethod, m);
            return new Result(api.id + "|" + resourceId + "|" + httpMethod, Map.of());
        }

        @Override
        public Result update(Request r) throws Exception {
            return create(r);
        }

        @Override
        public void delete(Request r) {
            RestApi api = store.restApis.get(Props.text(r.properties(), "RestApiId", ""));
            if (api == null) {
                return;
            }
            RestApi.Resource res = api.resources.get(Props.text(r.properties(), "ResourceId", ""));
            if (res != null) {
                res.methods.remove(Props.text(r.properties(), "HttpMethod", "").toUpperCase(Locale.ROOT));
            }
        }

        private RestApi.Integration integration(JsonNode i) throws ResourceFailure {
            if (i.isMissingNode() || i.isNull()) {
                return null;
            }
            String type = Props.text(i, "Type", "").toUpperCase(Locale.ROOT);
            String uri = Props.text(i, "Uri", null);
            String functionArn = null;
            if (type.equals("AWS_PROXY")) {
                functionArn = FunctionArns.fromUri(uri).orElseThrow(() -> new ResourceFailure(
                        "AWS ARN for integration must contain path or action"));
            }
            List<RestApi.IntegrationResponse> responses = new ArrayList<>();
            for (JsonNode ir : i.path("IntegrationResponses")) {
                responses.add(new RestApi.IntegrationResponse(Props.text(ir, "StatusCode", "200"),
                        Props.text(ir, "SelectionPattern", null), Props.stringMap(ir, "ResponseParameters"),
                        Props.stringMap(ir, "ResponseTemplates")));
            }
            return new RestApi.Integration(type, uri, functionArn, Props.stringMap(i, "RequestTemplates"),
                    List.copyOf(responses), Props.integer(i, "TimeoutInMillis", 0));
        }

        private List<String> methodResponseCodes(JsonNode responses) {
            List<String> codes = new ArrayList<>();
            responses.forEach(mr -> codes.add(Props.text(mr, "StatusCode", "200")));
            return codes;
        }
    }

    final class DeploymentProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGateway::Deployment";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("RestApiId", "DeploymentCanarySettings");
        }

        @Override
        public Result create(Request r) throws Exception {
            ObjectNode p = r.properties();
            RestApi api = api(p, "RestApiId", type());
            boolean hasMethod = api.resources.values().stream().anyMatch(res -> !res.methods.isEmpty());
            if (!hasMethod) {
                throw new ResourceFailure("The REST API doesn't contain any methods");
            }
            RestApi.Deployment d = new RestApi.Deployment(ids.shortId(), Props.text(p, "Description", null),
                    clock.instant(), api.snapshotRoutes());
            api.deployments.put(d.id(), d);
            String stageName = Props.text(p, "StageName", null);
            if (stageName != null && !stageName.isEmpty()) {
                JsonNode sd = p.path("StageDescription");
                RestApi.Stage old = api.stages.get(stageName);
                api.stages.put(stageName, new RestApi.Stage(stageName, d.id(), Props.text(sd, "Description", null),
                        Map.copyOf(Props.stringMap(sd, "Variables")),
                        old == null ? clock.instant() : old.createdDate(), clock.instant()));
            }
            return new Result(d.id(), Map.of("DeploymentId", TextNode.valueOf(d.id())));
        }

        @Override
        public Result update(Request r) throws Exception {
            RestApi api = api(r.properties(), "RestApiId", type());
            String id = r.physicalId().orElseThrow();
            String stageName = Props.text(r.properties(), "StageName", null);
            if (stageName != null && !stageName.isEmpty() && api.deployments.containsKey(id)) {
                RestApi.Stage old = api.stages.get(stageName);
                api.stages.put(stageName, new RestApi.Stage(stageName, id, old == null ? null : old.description(),
                        old == null ? Map.of() : old.variables(), old == null ? clock.instant() : old.createdDate(),
                        clock.instant()));
            }
            return new Result(id, Map.of("DeploymentId", TextNode.valueOf(id)));
        }

        @Override
        public void delete(Request r) {
            RestApi api = store.restApis.get(Props.text(r.properties(), "RestApiId", ""));
            if (api == null || r.physicalId().isEmpty()) {
                return;
            }
            String id = r.physicalId().get();
            api.stages.values().removeIf(s -> s.deploymentId().equals(id));
            api.deployments.remove(id);
        }
    }

    final class StageProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGateway::Stage";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("RestApiId", "StageName");
        }

        @Override
        public Result create(Request r) throws Exception {
            ObjectNode p = r.properties();
            RestApi api = api(p, "RestApiId", type());
            String name = Props.required(p, "StageName", type());
            String deploymentId = Props.required(p, "DeploymentId", type());
            if (!api.deployments.containsKey(deploymentId)) {
                throw new ResourceFailure("Invalid deployment identifier specified");
            }
            RestApi.Stage old = api.stages.get(name);
            if (old != null && r.physicalId().isEmpty() && !old.deploymentId().equals(deploymentId)) {
                // A Deployment with StageName created it in the same stack: AWS reports a conflict.
                throw new ResourceFailure("Stage already exists");
            }
            api.stages.put(name, new RestApi.Stage(name, deploymentId, Props.text(p, "Description", null),
                    Map.copyOf(Props.stringMap(p, "Variables")), old == null ? clock.instant() : old.createdDate(),
                    clock.instant()));
            return new Result(name, Map.of());
        }

        @Override
        public Result update(Request r) throws Exception {
            ObjectNode p = r.properties();
            RestApi api = api(p, "RestApiId", type());
            String name = Props.required(p, "StageName", type());
            RestApi.Stage old = api.stages.get(name);
            api.stages.put(name, new RestApi.Stage(name, Props.required(p, "DeploymentId", type()),
                    Props.text(p, "Description", null), Map.copyOf(Props.stringMap(p, "Variables")),
                    old == null ? clock.instant() : old.createdDate(), clock.instant()));
            return new Result(name, Map.of());
        }

        @Override
        public void delete(Request r) {
            RestApi api = store.restApis.get(Props.text(r.properties(), "RestApiId", ""));
            if (api != null) {
                r.physicalId().ifPresent(api.stages::remove);
            }
        }
    }

    final class AuthorizerProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGateway::Authorizer";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("RestApiId");
        }

        @Override
        public Result create(Request r) throws Exception {
            return put(r, ids.shortId());
        }

        @Override
        public Result update(Request r) throws Exception {
            return put(r, r.physicalId().orElseThrow());
        }

        private Result put(Request r, String id) throws ResourceFailure {
            ObjectNode p = r.properties();
            RestApi api = api(p, "RestApiId", type());
            String type = Props.required(p, "Type", type()).toUpperCase(Locale.ROOT);
            String uri = Props.text(p, "AuthorizerUri", null);
            String functionArn = null;
            if (type.equals("TOKEN") || type.equals("REQUEST")) {
                functionArn = FunctionArns.fromUri(uri).orElseThrow(() -> new ResourceFailure(
                        "Invalid Authorizer URI: " + uri + ". Authorizer URI should be a valid API Gateway ARN "
                                + "that represents a Lambda function invocation."));
            }
            int ttl = Props.integer(p, "AuthorizerResultTtlInSeconds", 300);
            if (ttl < 0 || ttl > Limits.MAX_AUTHORIZER_TTL_SECONDS) {
                throw new ResourceFailure("Invalid authorizer TTL: must be between 0 and 3600 seconds");
            }
            List<String> sources = Props.strings(p, "IdentitySource");
            if (type.equals("TOKEN") && sources.size() != 1) {
                throw new ResourceFailure("Invalid identity source: a TOKEN authorizer takes one "
                        + "method.request.header.<name>");
            }
            api.authorizers.put(id, new RestApi.Authorizer(id, Props.text(p, "Name", id), type, uri, functionArn,
                    List.copyOf(sources), ttl, Props.text(p, "IdentityValidationExpression", null)));
            return new Result(id, Map.of("AuthorizerId", TextNode.valueOf(id)));
        }

        @Override
        public void delete(Request r) {
            RestApi api = store.restApis.get(Props.text(r.properties(), "RestApiId", ""));
            if (api != null) {
                r.physicalId().ifPresent(api.authorizers::remove);
            }
        }
    }

    final class ApiKeyProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGateway::ApiKey";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("GenerateDistinctId", "Name", "Value");
        }

        @Override
        public Result create(Request r) {
            return put(r, ids.shortId() + ids.shortId().substring(0, 4));
        }

        @Override
        public Result update(Request r) {
            return put(r, r.physicalId().orElseThrow());
        }

        private Result put(Request r, String id) {
            ObjectNode p = r.properties();
            ApiStore.ApiKey old = store.apiKeys.get(id);
            String value = Props.text(p, "Value", old == null ? ids.apiKeyValue() : old.value());
            List<String> stageKeys = new ArrayList<>();
            for (JsonNode sk : p.path("StageKeys")) {
                stageKeys.add(Props.text(sk, "RestApiId", "") + "/" + Props.text(sk, "StageName", ""));
            }
            store.apiKeys.put(id, new ApiStore.ApiKey(id, Props.text(p, "Name", id), value,
                    Props.bool(p, "Enabled", false), List.copyOf(stageKeys)));
            return new Result(id, Map.of("APIKeyId", TextNode.valueOf(id)));
        }

        @Override
        public void delete(Request r) {
            r.physicalId().ifPresent(store.apiKeys::remove);
        }
    }

    final class UsagePlanProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGateway::UsagePlan";
        }

        @Override
        public Result create(Request r) {
            return put(r, ids.shortId());
        }

        @Override
        public Result update(Request r) {
            return put(r, r.physicalId().orElseThrow());
        }

        private Result put(Request r, String id) {
            List<String> stages = new ArrayList<>();
            for (JsonNode s : r.properties().path("ApiStages")) {
                stages.add(Props.text(s, "ApiId", "") + "/" + Props.text(s, "Stage", ""));
            }
            ApiStore.UsagePlan old = store.usagePlans.get(id);
            Set<String> keys = old == null ? java.util.concurrent.ConcurrentHashMap.newKeySet() : old.keyIds();
            store.usagePlans.put(id, new ApiStore.UsagePlan(id, Props.text(r.properties(), "UsagePlanName", id),
                    List.copyOf(stages), keys));
            return new Result(id, Map.of("Id", TextNode.valueOf(id)));
        }

        @Override
        public void delete(Request r) {
            r.physicalId().ifPresent(store.usagePlans::remove);
        }
    }

    /** AWS::ApiGateway::GatewayResponse, which the Framework adds for CORS headers on 4XX/5XX answers. */
    final class GatewayResponseProvider implements ResourceProvider {
        @Override
        public String type() {
            return "AWS::ApiGateway::GatewayResponse";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("ResponseType", "RestApiId");
        }

        @Override
        public Result create(Request r) throws Exception {
            return put(r, ids.shortId());
        }

        @Override
        public Result update(Request r) throws Exception {
            return put(r, r.physicalId().orElseThrow());
        }

        private Result put(Request r, String id) throws ResourceFailure {
            ObjectNode p = r.properties();
            RestApi api = api(p, "RestApiId", type());
            String responseType = Props.required(p, "ResponseType", type()).toUpperCase(Locale.ROOT);
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> e : Props.stringMap(p, "ResponseParameters").entrySet()) {
                String v = e.getValue();
                if (e.getKey().startsWith("gatewayresponse.header.") && v.length() >= 2 && v.startsWith("'")
                        && v.endsWith("'")) {
                    headers.put(e.getKey().substring("gatewayresponse.header.".length()), v.substring(1, v.length() - 1));
                }
            }
            api.gatewayResponses.put(responseType, new RestApi.GatewayResponse(id, responseType,
                    Props.text(p, "StatusCode", null), Map.copyOf(headers)));
            return new Result(id, Map.of());
        }

        @Override
        public void delete(Request r) {
            RestApi api = store.restApis.get(Props.text(r.properties(), "RestApiId", ""));
            if (api != null) {
                api.gatewayResponses.values().removeIf(g -> r.physicalId().map(g.id()::equals).orElse(false));
            }
        }
    }

    final class UsagePlanKeyProvider extends Simple {
        @Override
        public String type() {
            return "AWS::ApiGateway::UsagePlanKey";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("KeyId", "KeyType", "UsagePlanId");
        }

        @Override
        public Result create(Request r) throws Exception {
            String keyId = Props.required(r.properties(), "KeyId", type());
            String planId = Props.required(r.properties(), "UsagePlanId", type());
            ApiStore.UsagePlan plan = store.usagePlans.get(planId);
            if (plan == null) {
                throw new ResourceFailure("Invalid Usage Plan ID specified");
            }
            if (!store.apiKeys.containsKey(keyId)) {
                throw new ResourceFailure("Invalid API Key identifier specified");
            }
            plan.keyIds().add(keyId);
            return new Result(keyId, Map.of("Id", TextNode.valueOf(keyId)));
        }

        @Override
        public void delete(Request r) {
            ApiStore.UsagePlan plan = store.usagePlans.get(Props.text(r.properties(), "UsagePlanId", ""));
            if (plan != null) {
                plan.keyIds().remove(Props.text(r.properties(), "KeyId", ""));
            }
        }
    }
}
