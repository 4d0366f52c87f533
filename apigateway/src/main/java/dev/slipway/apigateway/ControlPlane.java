package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * The read side of API Gateway's control-plane API (REST-JSON, signing name {@code apigateway}):
 * enough for {@code aws apigateway get-rest-apis / get-rest-api / get-resources / get-stages /
 * get-deployments / get-authorizers} and {@code aws apigatewayv2 get-apis / get-routes / get-stages /
 * get-integrations}. APIs are created through CloudFormation; other operations answer an error naming them.
 */
final class ControlPlane {
    private final ApiStore store;
    private final String accountId;
    private final String region;

    ControlPlane(ApiStore store, String accountId, String region) {
        this.store = store;
        this.accountId = accountId;
        this.region = region;
    }

    HttpResponse handle(HttpRequest request) {
        try {
            return HttpResponse.json(200, Json.bytes(route(request.method(), request.path())));
        } catch (AwsServiceException e) {
            return HttpResponse.json(e.httpStatus(), Json.bytes(Json.object().put("message", e.getMessage())))
                    .header("x-amzn-ErrorType", e.errorCode());
        }
    }

    private ObjectNode route(String method, String path) {
        String[] p = path.replaceAll("/+$", "").split("/");
        // p[0] is "" (leading slash)
        if (method.equals("GET") && p.length >= 2 && p[1].equals("restapis")) {
            if (p.length == 2) {
                return items("item", store.restApis.values().stream()
                        .sorted(Comparator.comparing((RestApi a) -> a.createdDate)).map(this::restApi).toList());
            }
            RestApi api = store.restApis.get(p[2]);
            if (api == null) {
                throw ApiGatewayException.invalidRestApi(accountId, p[2]);
            }
            if (p.length == 3) {
                return restApi(api);
            }
            if (p.length == 4) {
                switch (p[3]) {
                    case "resources":
                        return items("item", api.resources.values().stream()
                                .sorted(Comparator.comparing(r -> api.path(r.id))).map(r -> resource(api, r)).toList());
                    case "stages":
                        return items("item", api.stages.values().stream()
                                .sorted(Comparator.comparing(RestApi.Stage::name)).map(this::stage).toList());
                    case "deployments":
                        return items("item", api.deployments.values().stream().map(d -> {
                            ObjectNode n = Json.object().put("id", d.id()).put("createdDate", epoch(d.createdDate()));
                            if (d.description() != null) {
                                n.put("description", d.description());
                            }
                            return n;
                        }).toList());
                    case "authorizers":
                        return items("item", api.authorizers.values().stream().map(this::authorizer).toList());
                    default:
                        break;
                }
            }
            if (p.length == 5 && p[3].equals("stages")) {
                RestApi.Stage s = api.stages.get(p[4]);
                if (s == null) {
                    throw ApiGatewayException.invalidStage(p[4]);
                }
                return stage(s);
            }
        }
        if (method.equals("GET") && p.length >= 3 && p[1].equals("v2") && p[2].equals("apis")) {
            if (p.length == 3) {
                return items("items", store.httpApis.values().stream().map(this::httpApi).toList());
            }
            HttpApi api = store.httpApis.get(p[3]);
            if (api == null) {
                throw ApiGatewayException.invalidHttpApi(p[3]);
            }
            if (p.length == 4) {
                return httpApi(api);
            }
            if (p.length == 5) {
                switch (p[4]) {
                    case "routes":
                        return items("items", api.routes.values().stream().map(r -> {
                            ObjectNode n = Json.object().put("routeId", r.id()).put("routeKey", r.routeKey())
                                    .put("authorizationType", r.authorizationType()).put("apiKeyRequired", false);
                            if (r.integrationId() != null) {
                                n.put("target", "integrations/" + r.integrationId());
                            }
                            if (r.authorizerId() != null) {
                                n.put("authorizerId", r.authorizerId());
                            }
                            return n;
                        }).toList());
                    case "stages":
                        return items("items", api.stages.values().stream().map(s -> {
                            ObjectNode n = Json.object().put("stageName", s.name()).put("autoDeploy", s.autoDeploy())
                                    .put("createdDate", s.createdDate().toString());
                            n.set("stageVariables", Json.MAPPER.valueToTree(s.variables()));
                            return n;
                        }).toList());
                    case "integrations":
                        return items("items", api.integrations.values().stream().map(i -> Json.object()
                                .put("integrationId", i.id()).put("integrationType", i.type())
                                .put("integrationUri", i.functionArn())
                                .put("payloadFormatVersion", i.payloadFormatVersion())
                                .put("timeoutInMillis", i.timeoutMillis())).toList());
                    default:
                        break;
                }
            }
        }
        throw ApiGatewayException.notImplemented(method, path);
    }

    private static ObjectNode items(String field, java.util.List<ObjectNode> list) {
        ObjectNode out = Json.object();
        ArrayNode a = out.putArray(field);
        list.forEach(a::add);
        return out;
    }

    private ObjectNode restApi(RestApi api) {
        ObjectNode n = Json.object().put("id", api.id).put("name", api.name).put("createdDate", epoch(api.createdDate))
                .put("apiKeySource", "HEADER").put("rootResourceId", api.rootResourceId)
                .put("disableExecuteApiEndpoint", false);
        if (api.description != null) {
            n.put("description", api.description);
        }
        if (api.binaryMediaTypes != null && !api.binaryMediaTypes.isEmpty()) {
            n.set("binaryMediaTypes", Json.MAPPER.valueToTree(api.binaryMediaTypes));
        }
        ArrayNode types = n.putObject("endpointConfiguration").putArray("types");
        (api.endpointTypes == null || api.endpointTypes.isEmpty() ? java.util.List.of("EDGE") : api.endpointTypes)
                .forEach(types::add);
        if (api.policy != null) {
            n.put("policy", api.policy);
        }
        return n;
    }

    private ObjectNode resource(RestApi api, RestApi.Resource r) {
        ObjectNode n = Json.object().put("id", r.id);
        if (r.parentId != null) {
            n.put("parentId", r.parentId).put("pathPart", r.pathPart);
        }
        n.put("path", api.path(r.id));
        if (!r.methods.isEmpty()) {
            ObjectNode methods = n.putObject("resourceMethods");
            for (Map.Entry<String, RestApi.Method> e : r.methods.entrySet()) {
                RestApi.Method m = e.getValue();
                ObjectNode mn = methods.putObject(e.getKey()).put("httpMethod", m.httpMethod())
                        .put("authorizationType", m.authorizationType()).put("apiKeyRequired", m.apiKeyRequired());
                if (m.authorizerId() != null) {
                    mn.put("authorizerId", m.authorizerId());
                }
                if (m.integration() != null) {
                    ObjectNode in = mn.putObject("methodIntegration").put("type", m.integration().type());
                    if (m.integration().uri() != null) {
                        in.put("uri", m.integration().uri()).put("httpMethod", "POST");
                    }
                    in.put("timeoutInMillis", m.integration().timeoutMillis() > 0 ? m.integration().timeoutMillis()
                            : 29000);
                }
            }
        }
        return n;
    }

    private ObjectNode stage(RestApi.Stage s) {
        ObjectNode n = Json.object().put("deploymentId", s.deploymentId()).put("stageName", s.name())
                .put("cacheClusterEnabled", false).put("cacheClusterStatus", "NOT_AVAILABLE")
                .put("tracingEnabled", false)
                .put("createdDate", epoch(s.createdDate())).put("lastUpdatedDate", epoch(s.lastUpdatedDate()));
        n.putObject("methodSettings");
        if (s.description() != null) {
            n.put("description", s.description());
        }
        if (!s.variables().isEmpty()) {
            n.set("variables", Json.MAPPER.valueToTree(s.variables()));
        }
        return n;
    }

    private ObjectNode authorizer(RestApi.Authorizer a) {
        ObjectNode n = Json.object().put("id", a.id()).put("name", a.name()).put("type", a.type())
                .put("identitySource", String.join(", ", a.identitySources()))
                .put("authorizerResultTtlInSeconds", a.ttlSeconds());
        if (a.authorizerUri() != null) {
            n.put("authorizerUri", a.authorizerUri());
        }
        if (a.identityValidationExpression() != null) {
            n.put("identityValidationExpression", a.identityValidationExpression());
        }
        return n;
    }

    private ObjectNode httpApi(HttpApi api) {
        ObjectNode n = Json.object().put("apiId", api.id).put("name", api.name).put("protocolType", "HTTP")
                .put("apiEndpoint", "https://" + api.id + ".execute-api." + region + ".amazonaws.com")
                .put("apiKeySelectionExpression", "$request.header.x-api-key")
                .put("routeSelectionExpression", "$request.method $request.path")
                .put("createdDate", api.createdDate.toString())
                .put("disableExecuteApiEndpoint", api.disableExecuteApiEndpoint);
        HttpApi.Cors c = api.cors;
        if (c != null) {
            ObjectNode cn = n.putObject("corsConfiguration").put("allowCredentials", c.allowCredentials());
            cn.set("allowHeaders", Json.MAPPER.valueToTree(c.allowHeaders()));
            cn.set("allowMethods", Json.MAPPER.valueToTree(c.allowMethods()));
            cn.set("allowOrigins", Json.MAPPER.valueToTree(c.allowOrigins()));
            cn.set("exposeHeaders", Json.MAPPER.valueToTree(c.exposeHeaders()));
            if (c.maxAge() >= 0) {
                cn.put("maxAge", c.maxAge());
            }
        }
        return n;
    }

    private static long epoch(Instant t) {
        return t.getEpochSecond();
    }
}
