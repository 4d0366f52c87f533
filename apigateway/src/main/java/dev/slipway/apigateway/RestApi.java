package dev.slipway.apigateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One REST API (v1): its resource tree, methods, authorizers, deployments and stages. Methods are
 * edited live; a {@link Deployment} snapshots them into a {@link PathTrie}, which is what stages
 * serve, as on AWS (a change is invisible until the next deployment).
 */
final class RestApi {
    final String id;
    final String rootResourceId;
    final Instant createdDate;
    volatile String name;
    volatile String description;
    volatile List<String> binaryMediaTypes;
    volatile List<String> endpointTypes;
    volatile String policy;
    final Map<String, Resource> resources = new ConcurrentHashMap<>();
    final Map<String, Authorizer> authorizers = new ConcurrentHashMap<>();
    final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    final Map<String, Stage> stages = new ConcurrentHashMap<>();
    /** Customised gateway responses by ResponseType (DEFAULT_4XX, UNAUTHORIZED, …). */
    final Map<String, GatewayResponse> gatewayResponses = new ConcurrentHashMap<>();

    RestApi(String id, String rootResourceId, Instant createdDate) {
        this.id = id;
        this.rootResourceId = rootResourceId;
        this.createdDate = createdDate;
        resources.put(rootResourceId, new Resource(rootResourceId, null, null));
    }

    /** A resource: one node of the path tree; its methods are keyed by HTTP method (or ANY). */
    static final class Resource {
        final String id;
        final String parentId;
        final String pathPart;
        final Map<String, Method> methods = new ConcurrentHashMap<>();

        Resource(String id, String parentId, String pathPart) {
            this.id = id;
            this.parentId = parentId;
            this.pathPart = pathPart;
        }
    }

    /**
     * @param authorizationType NONE, CUSTOM, AWS_IAM or COGNITO_USER_POOLS
     * @param authorizerId the authorizer's id when CUSTOM, else null
     */
    record Method(String httpMethod, String authorizationType, String authorizerId, boolean apiKeyRequired,
            Map<String, String> requestParameters, Integration integration, List<String> methodResponseCodes) {}

    /**
     * @param type AWS_PROXY, MOCK, AWS, HTTP or HTTP_PROXY
     * @param functionArn the Lambda function (possibly qualified) of an AWS_PROXY integration, else null
     * @param timeoutMillis the integration's TimeoutInMillis, or 0 for the service default
     */
    record Integration(String type, String uri, String functionArn, Map<String, String> requestTemplates,
            List<IntegrationResponse> integrationResponses, int timeoutMillis) {}

    record IntegrationResponse(String statusCode, String selectionPattern, Map<String, String> responseParameters,
            Map<String, String> responseTemplates) {}

    /**
     * @param type TOKEN, REQUEST or COGNITO_USER_POOLS
     * @param identitySources e.g. {@code method.request.header.Authorization}
     */
    record Authorizer(String id, String name, String type, String authorizerUri, String functionArn,
            List<String> identitySources, int ttlSeconds, String identityValidationExpression) {}

    /** A deployment: the routes as they were when it was created. */
    record Deployment(String id, String description, Instant createdDate, PathTrie<Route> routes) {}

    /** What a deployment serves for one resource path and method. */
    record Route(String resourceId, String resourcePath, Method method) {}

    /**
     * @param statusCode the status to answer instead, or null to keep the default
     * @param headers from {@code gatewayresponse.header.X: 'value'} parameters
     */
    record GatewayResponse(String id, String type, String statusCode, Map<String, String> headers) {}

    record Stage(String name, String deploymentId, String description, Map<String, String> variables,
            Instant createdDate, Instant lastUpdatedDate) {}

    /** The resource's full path, e.g. {@code /users/{id}}. */
    String path(String resourceId) {
        List<String> parts = new ArrayList<>();
        Resource r = resources.get(resourceId);
        while (r != null && r.parentId != null) {
            parts.add(0, r.pathPart);
            r = resources.get(r.parentId);
        }
        return "/" + String.join("/", parts);
    }

    /** Snapshots every method into a route table, as CreateDeployment does. */
    PathTrie<Route> snapshotRoutes() {
        PathTrie<Route> trie = new PathTrie<>();
        for (Resource r : resources.values()) {
            String path = path(r.id);
            for (Method m : r.methods.values()) {
                trie.add(path, m.httpMethod(), new Route(r.id, path, m));
            }
        }
        return trie;
    }

    Optional<PathTrie<Route>> stageRoutes(String stageName) {
        Stage s = stages.get(stageName);
        if (s == null) {
            return Optional.empty();
        }
        Deployment d = deployments.get(s.deploymentId());
        return d == null ? Optional.empty() : Optional.of(d.routes());
    }
}
