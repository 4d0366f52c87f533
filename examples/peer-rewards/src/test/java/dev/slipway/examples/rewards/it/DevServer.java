package dev.slipway.examples.rewards.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.examples.rewards.App;
import dev.slipway.examples.rewards.handler.RewardsHandler;
import dev.slipway.examples.rewards.handler.UsersHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for {@code slipway offline} while developing the SPA and its tests: the handlers in this JVM
 * on in-memory repositories, behind the same URL layout (the API under {@code /dev/}, the site at
 * {@code /}, {@code /config.js} naming the API). Not the real thing: no Lambda workers, no DynamoDB, no
 * API Gateway; the tests tagged integration/browser are meant for the local cloud.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.slipway.examples.rewards.it.DevServer 3000
 * </pre>
 */
public final class DevServer implements AutoCloseable {

    /** The routes of serverless.yml: method ("ANY" for any), resource pattern, function. */
    private record Route(String method, String resource, Pattern pattern, String function) {
        static Route of(String method, String resource, String function) {
            String regex = resource.replaceAll("\\{(\\w+)\\}", "(?<$1>[^/]+)");
            return new Route(method, resource, Pattern.compile(regex), function);
        }
    }

    private static final List<Route> ROUTES = List.of(
            Route.of("GET", "/users", "users"),
            Route.of("POST", "/users", "users"),
            Route.of("GET", "/rewards/leaderboard", "rewards"),
            Route.of("DELETE", "/rewards/{id}", "rewards"),
            Route.of("ANY", "/rewards", "rewards"));

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml");

    private final HttpServer server;
    private final Path site;
    private final String stage;
    private final UsersHandler users;
    private final RewardsHandler rewards;

    private DevServer(int port, Path site, String stage, App app) throws IOException {
        this.site = site.toAbsolutePath().normalize();
        this.stage = stage;
        this.users = new UsersHandler(app);
        this.rewards = new RewardsHandler(app);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public static DevServer start(int port, Path site, String stage, App app) throws IOException {
        return new DevServer(port, site, stage, app);
    }

    public static DevServer start(int port) throws IOException {
        return start(port, Path.of("site"), "dev", App.inMemory(Clock.systemUTC()));
    }

    public String apiUrl() {
        return siteUrl() + stage;
    }

    public String siteUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        var dev = start(args.length > 0 ? Integer.parseInt(args[0]) : 3000);
        System.out.println("site " + dev.siteUrl() + "  api " + dev.apiUrl());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/" + stage;
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                api(exchange, path.substring(prefix.length()));
            } else if (path.equals("/config.js")) {
                send(exchange, 200, "text/javascript", "window.API_BASE = \"/" + stage + "\";\n");
            } else {
                file(exchange, path);
            }
        }
    }

    private void api(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route route : ROUTES) {
            Matcher matcher = route.pattern().matcher(trimmed);
            if (!matcher.matches()) {
                continue;
            }
            if (!route.method().equals("ANY") && !route.method().equals(method) && !method.equals("OPTIONS")) {
                continue;
            }
            if (method.equals("OPTIONS")) { // API Gateway answers preflights itself (cors: true)
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET,POST,DELETE,OPTIONS");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            var pathParameters = new HashMap<String, String>();
            for (String name : List.of("id")) {
                if (route.resource().contains("{" + name + "}")) {
                    pathParameters.put(name, URLDecoder.decode(matcher.group(name), StandardCharsets.UTF_8));
                }
            }
            var event = new APIGatewayProxyRequestEvent()
                    .withHttpMethod(method)
                    .withResource(route.resource())
                    .withPath(trimmed)
                    .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                    .withQueryStringParameters(query(exchange.getRequestURI().getRawQuery()))
                    .withBody(body(exchange.getRequestBody()))
                    .withIsBase64Encoded(false);
            APIGatewayProxyResponseEvent response = route.function().equals("users")
                    ? users.handleRequest(event, null)
                    : rewards.handleRequest(event, null);
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            return;
        }
        // What API Gateway answers for a path or method it has no route for.
        send(exchange, 403, "application/json", "{\"message\":\"Missing Authentication Token\"}");
    }

    private void file(HttpExchange exchange, String path) throws IOException {
        Path file = site.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
        if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "Not found: " + path);
            return;
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        byte[] bytes = Files.readAllBytes(file);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String body(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
