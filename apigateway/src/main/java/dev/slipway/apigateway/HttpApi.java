package dev.slipway.apigateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP API (v2): integrations, routes, authorizers and stages. Routes are served live (every
 * stage behaves as if AutoDeploy were on, which is what the Serverless Framework configures).
 */
final class HttpApi {
    final String id;
    final Instant createdDate;
    volatile String name;
    volatile Cors cors;
    volatile boolean disableExecuteApiEndpoint;
    final Map<String, Integration> integrations = new ConcurrentHashMap<>();
    final Map<String, Route> routes = new ConcurrentHashMap<>();
    final Map<String, Authorizer> authorizers = new ConcurrentHashMap<>();
    final Map<String, Stage> stages = new ConcurrentHashMap<>();
    private volatile PathTrie<Route> trie = new PathTrie<>();
    private volatile Route defaultRoute;

    HttpApi(String id, String name, Instant createdDate) {
        this.id = id;
        this.name = name;
        this.createdDate = createdDate;
    }

    /** CorsConfiguration; an empty list means the header is not sent. */
    record Cors(boolean allowCredentials, List<String> allowHeaders, List<String> allowMethods,
            List<String> allowOrigins, List<String> exposeHeaders, int maxAge) {}

    /**
     * @param functionArn the Lambda function of an AWS_PROXY integration (possibly qualified)
     * @param payloadFormatVersion 1.0 or 2.0
     */
    record Integration(String id, String type, String functionArn, String payloadFormatVersion, int timeoutMillis) {}

    /**
     * @param routeKey e.g. {@code GET /users/{id}} or {@code $default}
     * @param integrationId from Target {@code integrations/<id>}, or null
     * @param authorizationType NONE, JWT, CUSTOM or AWS_IAM
     */
    record Route(String id, String routeKey, String integrationId, String authorizationType, String authorizerId,
            List<String> authorizationScopes) {}

    /**
     * @param type JWT or REQUEST
     * @param identitySources e.g. {@code $request.header.Authorization}
     */
    record Authorizer(String id, String name, String type, List<String> identitySources, String issuer,
            List<String> audience, String functionArn, String payloadFormatVersion, boolean simpleResponses,
            int ttlSeconds) {}

    record Stage(String name, boolean autoDeploy, Map<String, String> variables, Instant createdDate) {}

    /** Rebuilds the route table after a route changed. */
    synchronized void reindex() {
        PathTrie<Route> t = new PathTrie<>();
        Route def = null;
        for (Route r : routes.values()) {
            if (r.routeKey().equals("$default")) {
                def = r;
                continue;
            }
            int space = r.routeKey().indexOf(' ');
            if (space > 0) {
                t.add(r.routeKey().substring(space + 1).trim(), r.routeKey().substring(0, space), r);
            }
        }
        trie = t;
        defaultRoute = def;
    }

    PathTrie.Match<Route> match(String path, String method) {
        PathTrie.Match<Route> m = trie.match(path, method);
        if (m == null && defaultRoute != null) {
            return new PathTrie.Match<>(defaultRoute, "$default", Map.of());
        }
        return m;
    }
}
