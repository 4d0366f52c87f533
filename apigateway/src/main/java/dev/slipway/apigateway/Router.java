package dev.slipway.apigateway;

import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the API and stage a data-plane request is for, from one of the URL forms Slipway serves:
 * serverless-offline's {@code http://localhost:3000/{stage}/{path}} (HTTP APIs at {@code /} or
 * {@code /{stage}}), the execute-api host {@code {apiId}.execute-api.localhost[:port]} and the
 * path form {@code /restapis/{apiId}/{stage}/_user_request_/{path}}.
 */
final class Router {
    private static final Pattern EXECUTE_API_HOST =
            Pattern.compile("^([a-z0-9]{10})\\.execute-api\\.localhost(?::\\d+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_REQUEST = Pattern.compile("^/restapis/([a-z0-9]{10})/([^/]+)/_user_request_(/.*)?$");

    private final ApiStore store;
    private final RestDataPlane rest;
    private final HttpApiDataPlane http;
    private final Ids ids;
    private final Clock clock;

    Router(ApiStore store, RestDataPlane rest, HttpApiDataPlane http, Ids ids, Clock clock) {
        this.store = store;
        this.rest = rest;
        this.http = http;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether an unsigned request on the edge port is an execute-api call. */
    boolean isExecuteApi(HttpRequest req) {
        String host = req.headers().get("Host");
        if (host != null) {
            Matcher m = EXECUTE_API_HOST.matcher(host);
            if (m.matches()) {
                return store.restApis.containsKey(m.group(1).toLowerCase()) || store.httpApis.containsKey(m.group(1).toLowerCase());
            }
        }
        return USER_REQUEST.matcher(req.rawPath()).matches();
    }

    CompletionStage<HttpResponse> executeApi(HttpRequest req) {
        String host = req.headers().get("Host");
        Matcher hm = host == null ? null : EXECUTE_API_HOST.matcher(host);
        if (hm != null && hm.matches()) {
            String apiId = hm.group(1).toLowerCase();
            String hostName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
            return byApiId(req, apiId, req.rawPath(), req.rawPath(), hostName);
        }
        Matcher m = USER_REQUEST.matcher(req.rawPath());
        if (!m.matches()) {
            return missing(req);
        }
        String apiId = m.group(1);
        String rest = m.group(3) == null ? "/" : m.group(3);
        String stagePath = "/" + m.group(2) + rest;
        return byApiId(req, apiId, stagePath, stagePath, apiId + ".execute-api.localhost");
    }

    private CompletionStage<HttpResponse> byApiId(HttpRequest req, String apiId, String rawPath, String requestPath,
            String domain) {
        RestApi ra = store.restApis.get(apiId);
        if (ra != null) {
            String[] sp = splitStage(rawPath);
            return rest.serve(ra, call(req, apiId, sp[0], sp[1], requestPath, domain));
        }
        HttpApi ha = store.httpApis.get(apiId);
        if (ha != null) {
            return serveHttp(req, ha, rawPath, requestPath, domain);
        }
        return missing(req);
    }

    /** serverless-offline's URL layout: REST stages under {@code /{stage}}, HTTP APIs at {@code /} or their stage. */
    CompletionStage<HttpResponse> offline(HttpRequest req) {
        String domain = hostName(req);
        String[] sp = splitStage(req.rawPath());
        String decodedRest = decode(sp[1]);
        List<RestApi> candidates = restApisWithStage(sp[0]);
        for (RestApi api : candidates) {
            // matched once here and handed on: routing is a good part of API Gateway's own cost per request
            PathTrie.Match<RestApi.Route> match = RestDataPlane.match(api, sp[0], decodedRest, req.method());
            if (match != null) {
                return rest.serve(api, new Call(req, api.id, sp[0], decodedRest, sp[1], decode(req.rawPath()), domain,
                        ids.requestId(), clock.millis()), match);
            }
        }
        for (HttpApi api : store.httpApis.values()) {
            if (api.stages.containsKey(sp[0]) && !sp[0].equals("$default")) {
                return serveHttp(req, api, req.rawPath(), req.rawPath(), domain);
            }
        }
        for (HttpApi api : store.httpApis.values()) {
            if (api.match(decode(req.rawPath()), req.method()) != null || isPreflight(req, api)) {
                return http.serve(api, call(req, api.id, "$default", req.rawPath(), req.rawPath(), domain));
            }
        }
        if (!candidates.isEmpty()) {
            RestApi api = candidates.get(0);
            return rest.serve(api, call(req, api.id, sp[0], sp[1], req.rawPath(), domain));
        }
        return missing(req);
    }

    /** The REST APIs that have this stage, oldest first. */
    private List<RestApi> restApisWithStage(String stage) {
        List<RestApi> found = null;
        for (RestApi a : store.restApis.values()) {
            if (a.stages.containsKey(stage)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(a);
            }
        }
        if (found == null) {
            return List.of();
        }
        if (found.size() > 1) {
            found.sort(Comparator.comparing((RestApi a) -> a.createdDate));
        }
        return found;
    }

    /** Whether {@link #offline} has an API for this request (else the caller may serve something else). */
    boolean servesOffline(HttpRequest req) {
        String[] sp = splitStage(req.rawPath());
        for (RestApi a : store.restApis.values()) {
            if (a.stages.containsKey(sp[0])) {
                return true;
            }
        }
        for (HttpApi api : store.httpApis.values()) {
            if (api.stages.containsKey(sp[0]) || api.match(decode(req.rawPath()), req.method()) != null
                    || isPreflight(req, api)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPreflight(HttpRequest req, HttpApi api) {
        return api.cors != null && req.method().equals("OPTIONS") && req.headers().contains("Origin");
    }

    private CompletionStage<HttpResponse> serveHttp(HttpRequest req, HttpApi api, String rawPath, String requestPath,
            String domain) {
        String[] sp = splitStage(rawPath);
        if (api.stages.containsKey(sp[0])) {
            String path = sp[0].equals("$default") ? sp[1] : requestPath;
            return http.serve(api, call(req, api.id, sp[0], sp[1], path, domain));
        }
        return http.serve(api, call(req, api.id, "$default", rawPath, requestPath, domain));
    }

    private Call call(HttpRequest req, String apiId, String stage, String rawRest, String requestPath, String domain) {
        return new Call(req, apiId, stage, decode(rawRest), rawRest, decode(requestPath), domain, ids.requestId(),
                clock.millis());
    }

    private CompletionStage<HttpResponse> missing(HttpRequest req) {
        return CompletableFuture.completedFuture(GatewayResponses.missingAuthenticationToken(ids.requestId()));
    }

    /** {@code /dev/users/7} → {@code ["dev", "/users/7"]}. */
    private static String[] splitStage(String rawPath) {
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = p.indexOf('/');
        return slash < 0 ? new String[] {p, "/"} : new String[] {p.substring(0, slash), p.substring(slash)};
    }

    private static String hostName(HttpRequest req) {
        String host = req.headers().get("Host");
        if (host == null || host.isEmpty()) {
            return "localhost";
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    private static String decode(String raw) {
        return raw.indexOf('%') < 0 ? raw
                : java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
