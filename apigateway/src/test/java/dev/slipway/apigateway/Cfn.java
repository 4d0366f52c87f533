package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.Map;
import java.util.Optional;

/**
 * Calls the providers as the CloudFormation engine does, with resources shaped as the Serverless
 * Framework v3 compiles {@code http} and {@code httpApi} events (intrinsics already resolved).
 */
final class Cfn {
    static final String ACCOUNT = AwsDefaults.ACCOUNT_ID;

    private final ApiGatewayService service;
    private int counter;
    private final Map<String, String> roots = new java.util.HashMap<>();

    Cfn(ApiGatewayService service) {
        this.service = service;
    }

    ResourceProvider provider(String type) {
        return service.resourceProviders().stream().filter(p -> p.type().equals(type)).findFirst().orElseThrow();
    }

    ResourceProvider.Result create(String type, ObjectNode props) {
        try {
            return provider(type).create(request(props, Optional.empty()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ResourceProvider.Request request(ObjectNode props, Optional<String> physicalId) {
        return new ResourceProvider.Request("svc-dev", "arn:aws:cloudformation:us-east-1:" + ACCOUNT
                + ":stack/svc-dev/1", "Logical" + (++counter), physicalId, props, Optional.empty(), Map.of(),
                "us-east-1", ACCOUNT);
    }

    static String functionArn(String name) {
        return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
    }

    static String integrationUri(String name) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn(name) + "/invocations";
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- REST API (http events) ----

    String restApi(String name, String... binaryMediaTypes) {
        ObjectNode p = Json.object().put("Name", name);
        p.putObject("EndpointConfiguration").putArray("Types").add("EDGE");
        p.put("Policy", "");
        if (binaryMediaTypes.length > 0) {
            var a = p.putArray("BinaryMediaTypes");
            for (String t : binaryMediaTypes) {
                a.add(t);
            }
        }
        ResourceProvider.Result r = create("AWS::ApiGateway::RestApi", p);
        roots.put(r.physicalId(), r.attributes().get("RootResourceId").asText());
        return r.physicalId();
    }

    String rootId(String apiId) {
        return roots.get(apiId);
    }

    String resource(String apiId, String parentId, String pathPart) {
        return create("AWS::ApiGateway::Resource", Json.object().put("ParentId", parentId).put("PathPart", pathPart)
                .put("RestApiId", apiId)).physicalId();
    }

    /** A Lambda proxy method as {@code http: {method, path}} compiles. */
    void method(String apiId, String resourceId, String httpMethod, String function) {
        method(apiId, resourceId, httpMethod, function, "NONE", null, false);
    }

    void method(String apiId, String resourceId, String httpMethod, String function, String authType,
            String authorizerId, boolean apiKeyRequired) {
        ObjectNode p = Json.object().put("HttpMethod", httpMethod).put("ResourceId", resourceId)
                .put("RestApiId", apiId).put("ApiKeyRequired", apiKeyRequired).put("AuthorizationType", authType);
        p.putObject("RequestParameters");
        if (authorizerId != null) {
            p.put("AuthorizerId", authorizerId);
        }
        p.putObject("Integration").put("IntegrationHttpMethod", "POST").put("Type", "AWS_PROXY")
                .put("Uri", integrationUri(function));
        p.putArray("MethodResponses");
        create("AWS::ApiGateway::Method", p);
    }

    /** The OPTIONS method {@code cors: true} compiles to. */
    void corsOptions(String apiId, String resourceId, String methods) {
        ObjectNode p = json("""
                {"AuthorizationType":"NONE","HttpMethod":"OPTIONS",
                 "MethodResponses":[{"StatusCode":"200","ResponseParameters":{
                   "method.response.header.Access-Control-Allow-Origin":true,
                   "method.response.header.Access-Control-Allow-Headers":true,
                   "method.response.header.Access-Control-Allow-Methods":true},"ResponseModels":{}}],
                 "RequestParameters":{},
                 "Integration":{"Type":"MOCK","RequestTemplates":{"application/json":"{statusCode:200}"},
                   "ContentHandling":"CONVERT_TO_TEXT",
                   "IntegrationResponses":[{"StatusCode":"200","ResponseParameters":{
                     "method.response.header.Access-Control-Allow-Origin":"'*'",
                     "method.response.header.Access-Control-Allow-Headers":"'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent,X-Amzn-Trace-Id'",
                     "method.response.header.Access-Control-Allow-Methods":"'%s'"},
                     "ResponseTemplates":{"application/json":""}}]}}
                """.formatted(methods));
        p.put("ResourceId", resourceId).put("RestApiId", apiId);
        create("AWS::ApiGateway::Method", p);
    }

    String deployment(String apiId, String stage) {
        return create("AWS::ApiGateway::Deployment", Json.object().put("RestApiId", apiId).put("StageName", stage))
                .physicalId();
    }

    String authorizer(String apiId, String type, String function, String identitySource, int ttl,
            String validationExpression) {
        ObjectNode p = Json.object().put("Name", function).put("RestApiId", apiId).put("Type", type)
                .put("AuthorizerUri", integrationUri(function)).put("IdentitySource", identitySource)
                .put("AuthorizerResultTtlInSeconds", ttl);
        if (validationExpression != null) {
            p.put("IdentityValidationExpression", validationExpression);
        }
        return create("AWS::ApiGateway::Authorizer", p).physicalId();
    }

    // ---- HTTP API (httpApi events) ----

    String httpApi(String name, JsonNode cors) {
        ObjectNode p = Json.object().put("Name", name).put("ProtocolType", "HTTP");
        if (cors != null) {
            p.set("CorsConfiguration", cors);
        }
        String id = create("AWS::ApiGatewayV2::Api", p).physicalId();
        ObjectNode stage = Json.object().put("ApiId", id).put("StageName", "$default").put("AutoDeploy", true);
        stage.putObject("DefaultRouteSettings").put("DetailedMetricsEnabled", false);
        create("AWS::ApiGatewayV2::Stage", stage);
        return id;
    }

    String httpIntegration(String apiId, String function, String payloadVersion) {
        return create("AWS::ApiGatewayV2::Integration", Json.object().put("ApiId", apiId)
                .put("IntegrationType", "AWS_PROXY").put("IntegrationUri", functionArn(function))
                .put("PayloadFormatVersion", payloadVersion).put("TimeoutInMillis", 30000)).physicalId();
    }

    void httpRoute(String apiId, String routeKey, String integrationId, String authType, String authorizerId) {
        ObjectNode p = Json.object().put("ApiId", apiId).put("RouteKey", routeKey)
                .put("Target", "integrations/" + integrationId);
        if (authType != null) {
            p.put("AuthorizationType", authType).put("AuthorizerId", authorizerId);
        }
        create("AWS::ApiGatewayV2::Route", p);
    }
}
