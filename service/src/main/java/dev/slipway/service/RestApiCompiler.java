package dev.slipway.service;

import static dev.slipway.service.Cfn.arr;
import static dev.slipway.service.Cfn.getAtt;
import static dev.slipway.service.Cfn.join;
import static dev.slipway.service.Cfn.obj;
import static dev.slipway.service.Cfn.properties;
import static dev.slipway.service.Cfn.ref;
import static dev.slipway.service.Cfn.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code http} events → API Gateway REST API, as the Framework's api-gateway plugin: RestApi,
 * one Resource per path segment (tree order), CORS preflight MOCK methods first, then one
 * AWS_PROXY method per event, the Deployment (named by timestamp) depending on all methods, one
 * invoke permission per function, and the ServiceEndpoint output.
 */
final class RestApiCompiler {
    private static final String API = "ApiGatewayRestApi";
    private final CloudFormationCompiler.Run run;

    RestApiCompiler(CloudFormationCompiler.Run run) {
        this.run = run;
    }

    private record Route(FunctionSpec function, Event.Http event) {}

    /** A node of the path tree (the Framework's getResourcePaths). */
    private static final class Node {
        final String path;
        final String pathPart;
        final Node parent;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String path, String pathPart, Node parent) {
            this.path = path;
            this.pathPart = pathPart;
            this.parent = parent;
        }
    }

    void compile() {
        List<Route> routes = new ArrayList<>();
        for (FunctionSpec f : run.service.functions().values()) {
            for (Event.Http h : f.httpEvents()) {
                routes.add(new Route(f, h));
            }
        }
        if (routes.isEmpty()) {
            return;
        }
        ObjectNode resources = run.resources;
        Provider provider = run.service.provider();
        ObjectNode api = resource("AWS::ApiGateway::RestApi");
        ObjectNode ap = properties(api);
        ap.put("Name", provider.apiName().orElse(provider.apiGateway().path("shouldStartNameWithService")
                .asBoolean(false) ? run.service.name() + "-" + run.stage() : run.stage() + "-" + run.service.name()));
        JsonNode binary = provider.apiGateway().get("binaryMediaTypes");
        if (binary != null && binary.isArray()) {
            ap.set("BinaryMediaTypes", binary.deepCopy());
        }
        JsonNode compression = provider.apiGateway().get("minimumCompressionSize");
        if (compression != null && compression.isNumber()) {
            ap.set("MinimumCompressionSize", compression);
        }
        ap.putObject("EndpointConfiguration").set("Types", arr(provider.endpointType().toUpperCase()));
        ap.put("Policy", "");
        resources.set(API, api);

        // Resource tree, in the Framework's order: trees by first appearance, depth first.
        Map<String, Node> roots = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r.event.path().isEmpty()) {
                continue;
            }
            Map<String, Node> level = roots;
            Node parent = null;
            String current = "";
            for (String part : r.event.path().split("/")) {
                current = current.isEmpty() ? part : current + "/" + part;
                Node n = level.get(current);
                if (n == null) {
                    n = new Node(current, part, parent);
                    level.put(current, n);
                }
                parent = n;
                level = n.children;
            }
        }
        for (Node n : roots.values()) {
            addResources(n);
        }

        List<String> methodIds = new ArrayList<>();
        // CORS preflight, merged per path as the Framework does (later events' values first).
        Map<String, Event.Cors> preflight = new LinkedHashMap<>();
        Map<String, List<String>> preflightMethods = new LinkedHashMap<>();
        Map<String, Set<String>> preflightHeaders = new LinkedHashMap<>();
        Map<String, Set<String>> preflightOrigins = new LinkedHashMap<>();
        Map<String, Boolean> preflightCredentials = new LinkedHashMap<>();
        for (Route r : routes) {
            r.event.cors().ifPresent(c -> {
                String p = r.event.path();
                preflight.put(p, c);
                preflightMethods.put(p, union(c.methods(), preflightMethods.getOrDefault(p, List.of())));
                preflightHeaders.put(p, new LinkedHashSet<>(union(c.headers(),
                        new ArrayList<>(preflightHeaders.getOrDefault(p, Set.of())))));
                preflightOrigins.put(p, new LinkedHashSet<>(union(c.origins(),
                        new ArrayList<>(preflightOrigins.getOrDefault(p, Set.of())))));
                preflightCredentials.merge(p, c.allowCredentials(), Boolean::logicalOr);
            });
        }
        for (Map.Entry<String, Event.Cors> e : preflight.entrySet()) {
            String path = e.getKey();
            Event.Cors c = e.getValue();
            List<String> origins = new ArrayList<>(preflightOrigins.get(path));
            String origin = c.origin();
            if (origin.contains(",")) {
                origins = List.of(origin.split("\\s*,\\s*"));
            }
            if (!origins.isEmpty()) {
                origin = origins.get(0);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Access-Control-Allow-Origin", "'" + origin + "'");
            headers.put("Access-Control-Allow-Headers", "'" + String.join(",", preflightHeaders.get(path)) + "'");
            String methods = "'" + String.join(",", preflightMethods.get(path)) + "'";
            if (preflightMethods.get(path).contains("ANY")) {
                methods = methods.replaceFirst("ANY", "DELETE,GET,HEAD,PATCH,POST,PUT");
            }
            headers.put("Access-Control-Allow-Methods", methods);
            if (preflightCredentials.get(path)) {
                headers.put("Access-Control-Allow-Credentials", "'true'");
            }
            c.maxAge().filter(m -> m > 0).ifPresent(m -> headers.put("Access-Control-Max-Age", "'" + m + "'"));
            c.cacheControl().ifPresent(cc -> headers.put("Cache-Control", "'" + cc + "'"));

            String id = Naming.method(Naming.path(path), "options");
            methodIds.add(id);
            ObjectNode m = resource("AWS::ApiGateway::Method");
            ObjectNode mp = properties(m);
            mp.put("AuthorizationType", "NONE");
            mp.put("HttpMethod", "OPTIONS");
            ObjectNode methodResponse = obj().put("StatusCode", "200");
            ObjectNode mrp = methodResponse.putObject("ResponseParameters");
            headers.keySet().forEach(h -> mrp.put("method.response.header." + h, true));
            methodResponse.putObject("ResponseModels");
            mp.set("MethodResponses", arr(methodResponse));
            mp.putObject("RequestParameters");
            ObjectNode integration = mp.putObject("Integration").put("Type", "MOCK");
            integration.putObject("RequestTemplates").put("application/json", "{statusCode:200}");
            integration.put("ContentHandling", "CONVERT_TO_TEXT");
            ObjectNode ir = obj().put("StatusCode", "200");
            ObjectNode irp = ir.putObject("ResponseParameters");
            headers.forEach((h, v) -> irp.put("method.response.header." + h, v));
            ir.putObject("ResponseTemplates").put("application/json", origins.isEmpty() ? "" : originTemplate(origins));
            integration.set("IntegrationResponses", arr(ir));
            mp.set("ResourceId", resourceId(path));
            mp.set("RestApiId", ref(API));
            resources.set(id, m);
        }

        Set<String> permitted = new LinkedHashSet<>();
        Map<String, Authorizer> authorizers = new LinkedHashMap<>();
        for (Route r : routes) {
            Event.Http h = r.event;
            String id = Naming.method(Naming.path(h.path()), h.method());
            methodIds.add(id);
            ObjectNode m = resource("AWS::ApiGateway::Method");
            ObjectNode mp = properties(m);
            mp.put("HttpMethod", h.method());
            ObjectNode params = mp.putObject("RequestParameters");
            h.requestQueryStrings().forEach((k, v) -> params.put("method.request.querystring." + k, v));
            h.requestHeaders().forEach((k, v) -> params.put("method.request.header." + k, v));
            h.requestPaths().forEach((k, v) -> params.put("method.request.path." + k, v));
            mp.set("ResourceId", resourceId(h.path()));
            mp.set("RestApiId", ref(API));
            mp.put("ApiKeyRequired", h.isPrivate());
            Authorizer auth = h.authorizer().map(a -> authorizer(a, run.service)).orElse(null);
            mp.put("AuthorizationType", auth == null ? "NONE" : auth.authorizationType());
            if (auth != null && auth.logicalId() != null) {
                mp.set("AuthorizerId", ref(auth.logicalId()));
                if (auth.scopes() != null) {
                    mp.set("AuthorizationScopes", auth.scopes().deepCopy());
                }
                authorizers.put(auth.logicalId(), auth);
            }
            ObjectNode integration = mp.putObject("Integration");
            integration.put("IntegrationHttpMethod", "POST");
            integration.put("Type", "AWS_PROXY");
            integration.set("Uri", join("", "arn:", ref("AWS::Partition"), ":apigateway:", ref("AWS::Region"),
                    ":lambda:path/2015-03-31/functions/", run.functionArn(r.function.key()), "/invocations"));
            mp.putArray("MethodResponses");
            // The Framework _.merge()s the authorizer's DependsOn over the permission's (arrays merge by index).
            m.set("DependsOn", arr(auth != null && auth.logicalId() != null ? auth.logicalId()
                    : Naming.apiGatewayPermission(r.function.key())));
            resources.set(id, m);
            permitted.add(r.function.key());
        }
        // As request-validator.js: one validator for the service, used by methods with a required parameter.
        String validatorId = "ApiGateway" + Naming.alphaNumeric(run.service.name()) + "RequestValidator";
        for (Route r : routes) {
            Event.Http h = r.event;
            boolean required = h.requestPaths().containsValue(true) || h.requestQueryStrings().containsValue(true)
                    || h.requestHeaders().containsValue(true);
            if (!required) {
                continue;
            }
            if (!resources.has(validatorId)) {
                ObjectNode v = resource("AWS::ApiGateway::RequestValidator");
                ObjectNode vp = properties(v);
                vp.set("RestApiId", ref(API));
                vp.put("ValidateRequestBody", true);
                vp.put("ValidateRequestParameters", true);
                vp.put("Name", run.service.name() + "-" + run.stage()
                        + " | Validate request body and querystring parameters");
                resources.set(validatorId, v);
            }
            properties((ObjectNode) resources.get(Naming.method(Naming.path(h.path()), h.method())))
                    .set("RequestValidatorId", ref(validatorId));
        }

        for (Authorizer a : authorizers.values()) {
            ObjectNode r = resource("AWS::ApiGateway::Authorizer");
            ObjectNode p = properties(r);
            p.put("AuthorizerResultTtlInSeconds", a.ttl());
            if (a.identitySource() != null) {
                p.put("IdentitySource", a.identitySource());
            }
            p.put("Name", a.name());
            p.set("RestApiId", ref(API));
            if (a.identityValidationExpression() != null) {
                p.put("IdentityValidationExpression", a.identityValidationExpression());
            }
            if (a.authorizationType().equals("COGNITO_USER_POOLS")) {
                p.put("Type", "COGNITO_USER_POOLS");
                p.set("ProviderARNs", arr(a.arn().deepCopy()));
            } else {
                // A function of this service is invoked through its release alias, like the integrations.
                JsonNode uri = a.functionKey() != null ? run.functionArn(a.functionKey()) : a.arn().deepCopy();
                p.set("AuthorizerUri", join("", "arn:", ref("AWS::Partition"), ":apigateway:", ref("AWS::Region"),
                        ":lambda:path/2015-03-31/functions/", uri, "/invocations"));
                p.put("Type", a.type());
            }
            resources.set(a.logicalId(), r);
            if (a.functionKey() != null) {
                permitted.add(a.functionKey());
            }
        }
        ObjectNode deployment = resource("AWS::ApiGateway::Deployment");
        ObjectNode dp = properties(deployment);
        dp.set("RestApiId", ref(API));
        dp.put("StageName", run.stage());
        ArrayNode deps = deployment.putArray("DependsOn");
        methodIds.forEach(deps::add);
        String deploymentId = "ApiGatewayDeployment" + run.options.timestamp().toEpochMilli();
        resources.set(deploymentId, deployment);
        apiKeys(provider, deploymentId);

        for (String fn : permitted) {
            ObjectNode perm = resource("AWS::Lambda::Permission");
            ObjectNode pp = properties(perm);
            pp.set("FunctionName", run.functionArn(fn));
            pp.put("Action", "lambda:InvokeFunction");
            pp.put("Principal", "apigateway.amazonaws.com");
            pp.set("SourceArn", join("", "arn:", ref("AWS::Partition"), ":execute-api:", ref("AWS::Region"), ":",
                    ref("AWS::AccountId"), ":", ref(API), "/*/*"));
            resources.set(Naming.apiGatewayPermission(fn), perm);
        }

        ObjectNode out = run.outputs.putObject("ServiceEndpoint");
        out.put("Description", "URL of the service endpoint");
        out.set("Value", join("", "https://", ref(API), ".execute-api.", ref("AWS::Region"), ".",
                ref("AWS::URLSuffix"), "/" + run.stage()));
    }

    /** provider.apiGateway.apiKeys: one key each, one usage plan for the stage, one plan key each. */
    private void apiKeys(Provider provider, String deploymentId) {
        JsonNode keys = provider.apiGateway().get("apiKeys");
        if (keys == null || !keys.isArray() || keys.isEmpty()) {
            return;
        }
        int n = 0;
        for (JsonNode key : keys) {
            n++;
            ObjectNode k = resource("AWS::ApiGateway::ApiKey");
            ObjectNode kp = properties(k);
            kp.put("Enabled", !key.isObject() || key.path("enabled").asBoolean(true));
            kp.put("Name", key.isObject() ? key.path("name").asText() : key.asText());
            if (key.has("value")) {
                kp.set("Value", key.get("value"));
            }
            if (key.has("description")) {
                kp.set("Description", key.get("description"));
            }
            if (key.has("customerId")) {
                kp.set("CustomerId", key.get("customerId"));
            }
            ObjectNode stageKey = Cfn.obj();
            stageKey.set("RestApiId", ref(API));
            stageKey.put("StageName", run.stage());
            kp.set("StageKeys", arr(stageKey));
            k.put("DependsOn", deploymentId);
            run.resources.set("ApiGatewayApiKey" + n, k);
        }
        ObjectNode plan = resource("AWS::ApiGateway::UsagePlan");
        plan.put("DependsOn", deploymentId);
        ObjectNode pp = properties(plan);
        ObjectNode apiStage = Cfn.obj();
        apiStage.set("ApiId", ref(API));
        apiStage.put("Stage", run.stage());
        pp.set("ApiStages", arr(apiStage));
        pp.put("Description", "Usage plan for " + run.service.name() + " " + run.stage() + " stage");
        pp.put("UsagePlanName", run.service.name() + "-" + run.stage());
        run.resources.set("ApiGatewayUsagePlan", plan);
        for (int i = 1; i <= n; i++) {
            ObjectNode pk = resource("AWS::ApiGateway::UsagePlanKey");
            ObjectNode pkp = properties(pk);
            pkp.set("KeyId", ref("ApiGatewayApiKey" + i));
            pkp.put("KeyType", "API_KEY");
            pkp.set("UsagePlanId", ref("ApiGatewayUsagePlan"));
            run.resources.set("ApiGatewayUsagePlanKey" + i, pk);
        }
    }

    /** An http event's authorizer, as the Framework's validate.js reads it. */
    record Authorizer(String authorizationType, String type, String name, String logicalId, JsonNode arn,
            String functionKey, int ttl, String identitySource, String identityValidationExpression,
            JsonNode scopes) {}

    static Authorizer authorizer(JsonNode a, Service service) {
        String type = null;
        String name = null;
        JsonNode arn = null;
        String fn = null;
        if (a.isTextual()) {
            String s = a.asText();
            if (s.equalsIgnoreCase("aws_iam")) {
                return new Authorizer("AWS_IAM", null, null, null, null, null, 0, null, null, null);
            }
            if (s.contains(":")) {
                arn = a;
            } else {
                fn = name = s;
            }
        } else if (a.isObject()) {
            if (a.path("type").asText().equalsIgnoreCase("aws_iam")) {
                return new Authorizer("AWS_IAM", null, null, null, null, null, 0, null, null, null);
            }
            if (a.has("arn")) {
                arn = a.get("arn");
                name = a.path("name").textValue();
            } else if (a.has("name")) {
                fn = name = a.get("name").asText();
            }
            type = a.path("type").textValue();
        }
        if (fn != null) {
            if (!service.functions().containsKey(fn)) {
                return new Authorizer("NONE", null, null, null, null, null, 0, null, null, null);
            }
            arn = getAtt(Naming.lambdaFunction(fn), "Arn");
        }
        if (arn == null) {
            return new Authorizer("NONE", null, null, null, null, null, 0, null, null, null);
        }
        if (name == null) {
            String[] parts = arn.asText().split(":");
            String[] dashed = parts[parts.length - 1].split("-");
            name = dashed[dashed.length - 1];
        }
        boolean cognito = "COGNITO_USER_POOLS".equalsIgnoreCase(type)
                || arn.isTextual() && arn.asText().matches("arn:[a-zA-Z-]*:cognito-idp:.*");
        int ttl = a.isObject() && a.has("resultTtlInSeconds") ? a.get("resultTtlInSeconds").asInt() : 300;
        String identity = a.isObject() ? a.path("identitySource").textValue() : null;
        if (identity == null && !("REQUEST".equalsIgnoreCase(type) && ttl == 0)) {
            identity = "method.request.header.Authorization";
        }
        return new Authorizer(cognito ? "COGNITO_USER_POOLS" : "CUSTOM", type == null ? "TOKEN" : type.toUpperCase(),
                name, Naming.functionName(name) + "ApiGatewayAuthorizer", arn, fn, ttl, identity,
                a.isObject() ? a.path("identityValidationExpression").textValue() : null,
                a.isObject() && a.has("scopes") ? a.get("scopes") : null);
    }

    private void addResources(Node n) {
        ObjectNode r = resource("AWS::ApiGateway::Resource");
        ObjectNode p = properties(r);
        p.set("ParentId", n.parent == null ? getAtt(API, "RootResourceId") : ref(Naming.resource(n.parent.path)));
        p.put("PathPart", n.pathPart);
        p.set("RestApiId", ref(API));
        run.resources.set(Naming.resource(n.path), r);
        for (Node c : n.children.values()) {
            addResources(c);
        }
    }

    private static JsonNode resourceId(String path) {
        return path.isEmpty() ? getAtt(API, "RootResourceId") : ref(Naming.resource(path));
    }

    /** lodash {@code _.union(a, b)}: a's items then b's new ones, without duplicates. */
    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    private static String originTemplate(List<String> origins) {
        StringBuilder cond = new StringBuilder();
        for (int i = 0; i < origins.size(); i++) {
            String o = origins.get(i).replace(".", "[.]").replaceFirst("\\*", ".+");
            cond.append("$origin.matches(\"").append(o).append("\")").append(i < origins.size() - 1 ? " || " : "");
        }
        return "#set($origin = $input.params(\"Origin\"))\n"
                + "#if($origin == \"\") #set($origin = $input.params(\"origin\")) #end\n"
                + "#if(" + cond + ") #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin) #end";
    }
}
