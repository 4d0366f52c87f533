package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the typed {@link Service} from the resolved configuration, reporting unknown keys (with
 * "did you mean") and wrong value types as it reads. Never throws on bad input: a wrong value is
 * reported and replaced by the Framework's default so that later checks still run.
 */
final class ModelBuilder {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD",
            "DELETE", "ANY");
    /** Plugins whose effect Slipway reproduces itself. */
    static final Set<String> KNOWN_PLUGINS = Set.of("serverless-offline", "serverless-prune-plugin");

    private final ObjectNode root;
    private final Path serviceDir;
    private final Path configFile;
    private final Locations loc;
    private final List<Problem> problems;

    ModelBuilder(ObjectNode root, Path serviceDir, Path configFile, Locations loc, List<Problem> problems) {
        this.root = root;
        this.serviceDir = serviceDir;
        this.configFile = configFile;
        this.loc = loc;
        this.problems = problems;
    }

    Service build(String stage, String region) {
        unknownKeys(root, "", Schema.ROOT, "top-level section");
        String name = string(root, "", "service").orElse("");
        if (name.isEmpty() && !root.has("service")) {
            error("", "missing \"service\": the service name is required", "add a first line: service: my-service");
        } else if (!name.isEmpty() && !name.matches("[a-zA-Z][0-9a-zA-Z-]*")) {
            error("service", "service name \"" + name + "\" is invalid: it must start with a letter and contain only "
                    + "letters, digits and dashes", "rename it, e.g. " + name.replaceAll("[^0-9a-zA-Z-]", "-"));
        }
        ObjectNode p = object(root, "", "provider");
        Provider provider = provider(p);
        ObjectNode pkg = object(root, "", "package");
        unknownKeys(pkg, "package", Schema.PACKAGE, "package setting");
        Optional<Path> artifact = string(pkg, "package", "artifact").map(serviceDir::resolve).map(Path::normalize);
        Service.PackageSpec packaging = new Service.PackageSpec(artifact, bool(pkg, "package", "individually", false),
                strings(pkg, "package", "patterns"));

        Map<String, FunctionSpec> functions = new LinkedHashMap<>();
        ObjectNode fns = object(root, "", "functions");
        for (var it = fns.fields(); it.hasNext(); ) {
            var e = it.next();
            String path = Locations.child("functions", e.getKey());
            if (!e.getValue().isObject()) {
                error(path, "function \"" + e.getKey() + "\" must be a map, not " + Schema.typeName(e.getValue()),
                        "write it as: " + e.getKey() + ": handler: com.example.Handler");
                continue;
            }
            functions.put(e.getKey(), function(e.getKey(), (ObjectNode) e.getValue(), path, name, stage, provider,
                    artifact));
        }
        ObjectNode resources = object(root, "", "resources");
        checkResources(resources);
        ObjectNode custom = object(root, "", "custom");
        List<String> plugins = plugins();
        return new Service(name, serviceDir, configFile, stage, region, provider, packaging,
                Collections.unmodifiableMap(functions), resources, custom, plugins, slipway(custom), root);
    }

    private Provider provider(ObjectNode p) {
        unknownKeys(p, "provider", Schema.PROVIDER, "provider setting");
        String providerName = string(p, "provider", "name").orElse("aws");
        if (!providerName.equals("aws")) {
            error("provider.name", "provider \"" + providerName + "\" is not supported: Slipway deploys to AWS",
                    "set provider.name: aws");
        }
        ObjectNode iam = object(p, "provider", "iam");
        unknownKeys(iam, "provider.iam", Schema.IAM, "provider.iam setting");
        ObjectNode iamRole = iam.path("role").isObject() ? (ObjectNode) iam.get("role") : F.objectNode();
        if (iamRole.size() > 0) {
            unknownKeys(iamRole, "provider.iam.role", Schema.IAM_ROLE, "provider.iam.role setting");
        }
        List<JsonNode> statements = new ArrayList<>(list(p, "provider", "iamRoleStatements"));
        statements.addAll(list(iamRole, "provider.iam.role", "statements"));
        List<JsonNode> managed = new ArrayList<>(list(p, "provider", "iamManagedPolicies"));
        managed.addAll(list(iamRole, "provider.iam.role", "managedPolicies"));
        Optional<JsonNode> role = Optional.ofNullable(p.get("role"))
                .or(() -> iam.path("role").isTextual() || iam.path("role").has("Fn::GetAtt")
                        ? Optional.of(iam.get("role")) : Optional.empty());
        JsonNode bucket = p.get("deploymentBucket");
        Optional<String> deploymentBucket = bucket == null ? Optional.empty()
                : bucket.isTextual() ? Optional.of(bucket.asText())
                : Optional.ofNullable(bucket.path("name").textValue());
        return new Provider(providerName, string(p, "provider", "runtime").orElse("java21"),
                integer(p, "provider", "memorySize", 128, 10240).orElse(Provider.DEFAULT_MEMORY_MB),
                integer(p, "provider", "timeout", 1, 900).orElse(Provider.DEFAULT_TIMEOUT_SECONDS),
                environment(p, "provider"), List.copyOf(statements), List.copyOf(managed), role,
                string(iamRole, "provider.iam.role", "name"), string(iamRole, "provider.iam.role", "path"),
                deploymentBucket, apiGatewaySettings(p), httpApiSettings(p), stringMap(p, "provider", "tags"),
                stringMap(p, "provider", "stackTags"), string(p, "provider", "stackName"),
                string(p, "provider", "apiName"), bool(p, "provider", "versionFunctions", true),
                integer(p, "provider", "logRetentionInDays", 1, 3653), object(p, "provider", "tracing"),
                string(p, "provider", "architecture"), string(p, "provider", "endpointType").orElse("EDGE"));
    }

    private ObjectNode httpApiSettings(ObjectNode p) {
        ObjectNode h = object(p, "provider", "httpApi");
        unknownKeys(h, "provider.httpApi", Schema.HTTP_API, "provider.httpApi setting");
        JsonNode cors = h.get("cors");
        if (cors != null && !cors.isBoolean() && !cors.isObject()) {
            typeError("provider.httpApi.cors", "true or a map (allowedOrigins, allowedHeaders, allowedMethods, …)", cors,
                    "write cors: true");
        }
        object(h, "provider.httpApi", "authorizers");
        return h;
    }

    private ObjectNode apiGatewaySettings(ObjectNode p) {
        ObjectNode a = object(p, "provider", "apiGateway");
        unknownKeys(a, "provider.apiGateway", Schema.API_GATEWAY, "provider.apiGateway setting");
        list(a, "provider.apiGateway", "apiKeys");
        list(a, "provider.apiGateway", "binaryMediaTypes");
        return a;
    }

    private FunctionSpec function(String key, ObjectNode f, String path, String service, String stage,
            Provider provider, Optional<Path> serviceArtifact) {
        unknownKeys(f, path, Schema.FUNCTION, "function setting");
        Optional<String> handler = string(f, path, "handler");
        if (handler.isEmpty() && !f.has("image")) {
            error(path, "function \"" + key + "\" has no handler",
                    "add handler: <fully.qualified.ClassName> (or ClassName::method)");
        }
        Map<String, JsonNode> env = new LinkedHashMap<>(provider.environment());
        env.putAll(environment(f, path));
        ObjectNode pkg = object(f, path, "package");
        Optional<Path> artifact = string(pkg, path + ".package", "artifact").map(serviceDir::resolve)
                .map(Path::normalize).or(() -> serviceArtifact);
        List<Event> events = new ArrayList<>();
        JsonNode ev = f.get("events");
        String evPath = Locations.child(path, "events");
        if (ev != null && !ev.isNull() && !ev.isArray()) {
            typeError(evPath, "a list", ev, "write events as a list: events: - http: GET /path");
        } else if (ev != null && ev.isArray()) {
            for (int i = 0; i < ev.size(); i++) {
                Event e = event(ev.get(i), Locations.child(evPath, i));
                if (e != null) {
                    events.add(e);
                }
            }
        }
        return new FunctionSpec(key, string(f, path, "name").orElse(service + "-" + stage + "-" + key),
                handler.orElse(""), string(f, path, "runtime").orElse(provider.runtime()),
                integer(f, path, "memorySize", 128, 10240).orElse(provider.memorySize()),
                integer(f, path, "timeout", 1, 900).orElse(provider.timeout()), Collections.unmodifiableMap(env),
                List.copyOf(events), artifact, integer(f, path, "reservedConcurrency", 0, 100000),
                integer(f, path, "provisionedConcurrency", 0, 100000), list(f, path, "layers"),
                string(f, path, "description"), Optional.ofNullable(f.get("role")),
                merged(provider.tags(), stringMap(f, path, "tags")),
                bool(f, path, "versionFunction", provider.versionFunctions()),
                string(f, path, "architecture").or(provider::architecture), bool(f, path, "disableLogs", false),
                integer(f, path, "logRetentionInDays", 1, 3653).or(provider::logRetentionInDays));
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return Collections.unmodifiableMap(m);
    }

    private Event event(JsonNode e, String path) {
        if (!e.isObject() || e.size() != 1) {
            error(path, "each event must be a map with one key, the event type (e.g. http, schedule), not "
                    + (e.isObject() ? "a map with " + e.size() + " keys" : Schema.typeName(e)),
                    "write e.g. - http: {path: users, method: get}");
            return null;
        }
        String type = e.fieldNames().next();
        String p = Locations.child(path, type);
        JsonNode c = e.get(type);
        if (!Schema.EVENT_TYPES.contains(type)) {
            errorAtKey(p, "unknown event type \"" + type + "\"." + Schema.suggestion(type, Schema.EVENT_TYPES),
                    hintFor(type, Schema.EVENT_TYPES, "event types are " + String.join(", ",
                            new java.util.TreeSet<>(Schema.EVENT_TYPES))));
            return null;
        }
        Set<String> keys = Schema.EVENT_KEYS.get(type);
        if (keys != null && c.isObject()) {
            unknownKeys((ObjectNode) c, p, keys, type + " event setting");
        }
        return switch (type) {
            case "http" -> http(c, p);
            case "httpApi" -> httpApi(c, p);
            case "schedule" -> schedule(c, p);
            case "sqs" -> sqs(c, p);
            case "sns" -> sns(c, p);
            case "s3" -> s3(c, p);
            case "stream" -> stream(c, p);
            default -> new Event.Other(type, c);
        };
    }

    private Event http(JsonNode c, String p) {
        String method;
        String path;
        ObjectNode o;
        if (c.isTextual()) {
            String[] parts = c.asText().trim().split("\\s+", 2);
            if (parts.length != 2) {
                error(p, "http event \"" + c.asText() + "\" must be \"METHOD path\"", "write e.g. http: GET users");
                return null;
            }
            method = parts[0];
            path = parts[1];
            o = F.objectNode();
            if (!path.startsWith("/")) {
                warn(p, "http event \"" + c.asText() + "\": the Framework's schema requires the path to start with "
                        + "\"/\"", "write http: " + method + " /" + path);
            }
        } else if (c.isObject()) {
            o = (ObjectNode) c;
            Optional<String> m = string(o, p, "method");
            Optional<String> pa = string(o, p, "path");
            if (m.isEmpty() || pa.isEmpty()) {
                error(p, "http event needs both \"path\" and \"method\"", "write e.g. http: {path: users, method: get}");
                return null;
            }
            method = m.get();
            path = pa.get();
        } else {
            typeError(p, "a map or a \"METHOD path\" string", c, "write e.g. http: {path: users, method: get}");
            return null;
        }
        method = method.toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            error(Locations.child(p, "method"), "invalid HTTP method \"" + method + "\"",
                    "use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY");
        }
        path = trimSlashes(path);
        ObjectNode req = object(o, p, "request");
        ObjectNode params = req.path("parameters").isObject() ? (ObjectNode) req.get("parameters") : F.objectNode();
        return new Event.Http(path, method, cors(o.get("cors"), Locations.child(p, "cors"), method),
                Optional.ofNullable(o.get("authorizer")), boolMap(params.get("paths")),
                boolMap(params.get("querystrings")), boolMap(params.get("headers")), bool(o, p, "private", false), c);
    }

    private static Map<String, Boolean> boolMap(JsonNode n) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isObject()
                    ? e.getValue().path("required").asBoolean(true) : e.getValue().asBoolean(false)));
        }
        return m;
    }

    private static String trimSlashes(String path) {
        String s = path.trim();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private Optional<Event.Cors> cors(JsonNode c, String p, String method) {
        if (c == null || c.isNull() || (c.isBoolean() && !c.asBoolean())) {
            return Optional.empty();
        }
        if (c.isBoolean()) {
            return Optional.of(new Event.Cors("*", List.of(), Event.Cors.DEFAULT_HEADERS, List.of("OPTIONS", method),
                    false, Optional.empty(), Optional.empty()));
        }
        if (!c.isObject()) {
            typeError(p, "true or a map (origin, headers, allowCredentials, maxAge)", c, "write cors: true");
            return Optional.empty();
        }
        ObjectNode o = (ObjectNode) c;
        unknownKeys(o, p, Schema.CORS, "cors setting");
        List<String> origins = strings(o, p, "origins");
        String origin = string(o, p, "origin").orElse(origins.isEmpty() ? "*" : origins.get(0));
        List<String> headers = o.has("headers") ? (o.get("headers").isTextual() ? List.of(o.get("headers").asText())
                : strings(o, p, "headers")) : Event.Cors.DEFAULT_HEADERS;
        List<String> methods = new ArrayList<>(strings(o, p, "methods"));
        if (!methods.contains("OPTIONS")) {
            methods.add("OPTIONS");
        }
        if (!methods.contains(method)) {
            methods.add(method);
        }
        return Optional.of(new Event.Cors(origin, origins, headers, List.copyOf(methods),
                bool(o, p, "allowCredentials", false), integer(o, p, "maxAge", 0, Integer.MAX_VALUE),
                string(o, p, "cacheControl")));
    }

    private Event httpApi(JsonNode c, String p) {
        String method;
        String path;
        if (c.isTextual()) {
            String s = c.asText().trim();
            if (s.equals("*")) {
                return new Event.HttpApi("*", "*", Optional.empty(), c);
            }
            String[] parts = s.split("\\s+", 2);
            if (parts.length != 2) {
                error(p, "httpApi event \"" + s + "\" must be \"METHOD /path\" or \"*\"",
                        "write e.g. httpApi: GET /users");
                return null;
            }
            method = parts[0];
            path = parts[1];
        } else if (c.isObject()) {
            method = string(c, p, "method").orElse("*");
            Optional<String> pa = string(c, p, "path");
            if (pa.isEmpty()) {
                error(p, "httpApi event needs \"path\"", "write e.g. httpApi: {method: GET, path: /users}");
                return null;
            }
            path = pa.get();
        } else {
            typeError(p, "a map or a \"METHOD /path\" string", c, "write e.g. httpApi: GET /users");
            return null;
        }
        method = method.equals("*") ? "ANY" : method.toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            error(p, "invalid HTTP method \"" + method + "\"", "use one of GET, POST, PUT, PATCH, DELETE, HEAD, "
                    + "OPTIONS or *");
        }
        if (!path.startsWith("/") && !path.equals("*")) {
            error(p, "httpApi path \"" + path + "\" must start with \"/\"", "write /" + path);
        }
        JsonNode auth = c.path("authorizer");
        Optional<String> authorizer = auth.isTextual() ? Optional.of(auth.asText())
                : Optional.ofNullable(auth.path("name").textValue());
        return new Event.HttpApi(method, path, authorizer, c);
    }

    private Event schedule(JsonNode c, String p) {
        ObjectNode o;
        List<String> expressions = new ArrayList<>();
        if (c.isTextual()) {
            o = F.objectNode();
            expressions.add(c.asText());
        } else if (c.isObject()) {
            o = (ObjectNode) c;
            JsonNode rate = o.get("rate");
            if (rate == null) {
                error(p, "schedule event needs \"rate\"", "write rate: rate(5 minutes) or rate: cron(0 12 * * ? *)");
            } else if (rate.isTextual()) {
                expressions.add(rate.asText());
            } else if (rate.isArray()) {
                expressions.addAll(strings(o, p, "rate"));
            } else {
                typeError(Locations.child(p, "rate"), "a string or a list of strings", rate,
                        "write rate: rate(5 minutes)");
            }
        } else {
            typeError(p, "a rate/cron string or a map", c, "write schedule: rate(5 minutes)");
            return null;
        }
        return new Event.Schedule(List.copyOf(expressions), bool(o, p, "enabled", true),
                Optional.ofNullable(o.get("input")), string(o, p, "inputPath"),
                Optional.ofNullable(o.get("inputTransformer")), string(o, p, "name"), string(o, p, "description"), c);
    }

    private Event sqs(JsonNode c, String p) {
        if (c.isTextual()) {
            return new Event.Sqs(c, 10, Optional.empty(), true, Optional.empty(), c);
        }
        if (!c.isObject() || !c.has("arn")) {
            error(p, "sqs event needs the queue \"arn\"", "write sqs: arn:aws:sqs:REGION:ACCOUNT:queue-name, or "
                    + "sqs: {arn: !GetAtt MyQueue.Arn}");
            return null;
        }
        return new Event.Sqs(c.get("arn"), integer(c, p, "batchSize", 1, 10000).orElse(10),
                integer(c, p, "maximumBatchingWindow", 0, 300), bool(c, p, "enabled", true),
                string(c, p, "functionResponseType"), c);
    }

    private Event sns(JsonNode c, String p) {
        if (c.isTextual()) {
            String s = c.asText();
            return s.startsWith("arn:") ? new Event.Sns(Optional.empty(), Optional.of(c), Optional.empty(), c)
                    : new Event.Sns(Optional.of(s), Optional.empty(), Optional.empty(), c);
        }
        if (!c.isObject()) {
            typeError(p, "a topic name, an ARN or a map", c, "write sns: my-topic");
            return null;
        }
        return new Event.Sns(string(c, p, "topicName"), Optional.ofNullable(c.get("arn")),
                Optional.ofNullable(c.get("filterPolicy")), c);
    }

    private Event s3(JsonNode c, String p) {
        if (c.isTextual()) {
            return new Event.S3(c.asText(), "s3:ObjectCreated:*", List.of(), false, c);
        }
        if (!c.isObject() || string(c, p, "bucket").isEmpty()) {
            error(p, "s3 event needs \"bucket\"", "write s3: {bucket: my-bucket, event: s3:ObjectCreated:*}");
            return null;
        }
        return new Event.S3(string(c, p, "bucket").get(), string(c, p, "event").orElse("s3:ObjectCreated:*"),
                list(c, p, "rules"), bool(c, p, "existing", false), c);
    }

    private Event stream(JsonNode c, String p) {
        JsonNode arn = c.isObject() ? c.get("arn") : c;
        if (arn == null || !(arn.isTextual() || arn.isObject())) {
            error(p, "stream event needs the stream \"arn\"", "write stream: {type: dynamodb, arn: !GetAtt "
                    + "Table.StreamArn}");
            return null;
        }
        String type = c.isObject() ? string(c, p, "type").orElse(null) : null;
        if (type == null) {
            type = arn.isTextual() && arn.asText().contains(":kinesis:") ? "kinesis" : "dynamodb";
        }
        return new Event.Stream(type, arn, c.isObject() ? integer(c, p, "batchSize", 1, 10000).orElse(10) : 10,
                c.isObject() ? string(c, p, "startingPosition").orElse("TRIM_HORIZON") : "TRIM_HORIZON",
                !c.isObject() || bool(c, p, "enabled", true), c);
    }

    /** The CloudFormation sections of resources: known section names, each resource a map with a Type. */
    private void checkResources(ObjectNode resources) {
        unknownKeys(resources, "resources", Schema.RESOURCES, "resources section");
        ObjectNode rs = object(resources, "resources", "Resources");
        for (var it = rs.fields(); it.hasNext(); ) {
            var e = it.next();
            String path = "resources.Resources." + e.getKey();
            if (!e.getValue().isObject()) {
                typeError(path, "a map with Type and Properties", e.getValue(), "write " + e.getKey()
                        + ": {Type: AWS::…, Properties: {…}}");
                continue;
            }
            ObjectNode r = (ObjectNode) e.getValue();
            unknownKeys(r, path, Schema.RESOURCE, "resource attribute");
            JsonNode type = r.get("Type");
            if (type == null || !type.isTextual() || !type.asText().matches("(AWS|Custom|Alexa)::.+|Custom::.+")) {
                error(type == null ? path : path + ".Type", "resource " + e.getKey() + " needs a Type such as "
                        + "AWS::DynamoDB::Table" + (type == null ? "" : ", not " + type),
                        "set Type to a CloudFormation resource type (AWS::Service::Resource)");
            }
        }
    }

    private List<String> plugins() {
        JsonNode pl = root.get("plugins");
        List<String> names = new ArrayList<>();
        String path = "plugins";
        if (pl != null && pl.isObject() && pl.has("modules")) {
            pl = pl.get("modules");
            path = "plugins.modules";
        }
        if (pl == null || pl.isNull()) {
            return List.of();
        }
        if (!pl.isArray()) {
            typeError(path, "a list of plugin names", pl, "write plugins: - serverless-offline");
            return List.of();
        }
        for (int i = 0; i < pl.size(); i++) {
            String n = pl.get(i).asText();
            names.add(n);
            if (!KNOWN_PLUGINS.contains(n)) {
                warn(Locations.child(path, i), "plugin \"" + n + "\" is recorded but Slipway does not reproduce what "
                        + "it does; resources or behaviour it would add are missing",
                        "check that the service works without it, or model what it adds in resources:");
            }
        }
        return List.copyOf(names);
    }

    private SlipwaySettings slipway(ObjectNode custom) {
        JsonNode s = custom.get("slipway");
        if (s == null || s.isNull()) {
            return new SlipwaySettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    F.objectNode());
        }
        String p = "custom.slipway";
        if (!s.isObject()) {
            typeError(p, "a map", s, "write custom.slipway as a map, e.g. slipway: {site: web}");
            return new SlipwaySettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    F.objectNode());
        }
        ObjectNode o = (ObjectNode) s;
        unknownKeys(o, p, Schema.SLIPWAY, "custom.slipway setting");
        ObjectNode prune = object(o, p, "prune");
        return new SlipwaySettings(string(o, p, "site").map(serviceDir::resolve).map(Path::normalize),
                string(o, p, "deployment"), string(o, p, "alias"), integer(prune, p + ".prune", "keep", 1, 1000), o);
    }

    // ---- typed accessors that report wrong types --------------------------------------------

    private Map<String, JsonNode> environment(JsonNode parent, String path) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        JsonNode e = parent.get("environment");
        String p = Locations.child(path, "environment");
        if (e == null || e.isNull()) {
            return env;
        }
        if (!e.isObject()) {
            typeError(p, "a map of NAME: value", e, "write environment: NAME: value");
            return env;
        }
        for (var it = e.fields(); it.hasNext(); ) {
            var f = it.next();
            JsonNode v = f.getValue();
            if (!f.getKey().matches("[a-zA-Z]([a-zA-Z0-9_])*")) {
                errorAtKey(Locations.child(p, f.getKey()), "environment variable name \"" + f.getKey()
                        + "\" is invalid: Lambda requires letters, digits and underscores, starting with a letter",
                        "rename it, e.g. " + f.getKey().replaceAll("[^a-zA-Z0-9_]", "_"));
            }
            if (v.isArray() || (v.isObject() && !isIntrinsic(v))) {
                typeError(Locations.child(p, f.getKey()), "a string, number, boolean or an intrinsic function", v,
                        "Lambda environment values are strings");
                continue;
            }
            env.put(f.getKey(), v.isValueNode() && !v.isTextual() && !v.isNull() ? F.textNode(v.asText()) : v);
        }
        return env;
    }

    static boolean isIntrinsic(JsonNode v) {
        if (!v.isObject() || v.size() != 1) {
            return false;
        }
        String k = v.fieldNames().next();
        return k.equals("Ref") || k.startsWith("Fn::") || k.equals("Condition");
    }

    private ObjectNode object(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return F.objectNode();
        }
        if (!n.isObject()) {
            typeError(Locations.child(parentPath, key), "a map", n, "write " + key + " as a map of settings");
            return F.objectNode();
        }
        return (ObjectNode) n;
    }

    private List<JsonNode> list(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            typeError(Locations.child(parentPath, key), "a list", n, "write " + key + " as a list (items start with -)");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return List.copyOf(out);
    }

    private List<String> strings(JsonNode parent, String parentPath, String key) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list(parent, parentPath, key)) {
            if (n.isValueNode() && !n.isNull()) {
                out.add(n.asText());
            } else {
                typeError(Locations.child(Locations.child(parentPath, key), i), "a string", n, "write a plain value");
            }
            i++;
        }
        return List.copyOf(out);
    }

    private Map<String, String> stringMap(JsonNode parent, String parentPath, String key) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return m;
        }
        if (!n.isObject()) {
            typeError(Locations.child(parentPath, key), "a map", n, "write " + key + " as KEY: value pairs");
            return m;
        }
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(m);
    }

    private Optional<String> string(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isTextual() || n.isNumber() || n.isBoolean()) {
            return Optional.of(n.asText());
        }
        typeError(Locations.child(parentPath, key), "a string", n, "write " + key + " as a plain value");
        return Optional.empty();
    }

    private Optional<Integer> integer(JsonNode parent, String parentPath, String key, int min, int max) {
        JsonNode n = parent.get(key);
        String p = Locations.child(parentPath, key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isTextual() && n.asText().contains("${")) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber()) {
            typeError(p, "an integer", n, "write " + key + " as a whole number without quotes");
            return Optional.empty();
        }
        long v = n.asLong();
        if (v < min || v > max) {
            error(p, key + " " + v + " is out of range: it must be between " + min + " and " + max,
                    "choose a value from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    private boolean bool(JsonNode parent, String parentPath, String key, boolean dflt) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            return Boolean.parseBoolean(n.asText());
        }
        if (!(n.isTextual() && n.asText().contains("${"))) {
            typeError(Locations.child(parentPath, key), "true or false", n, "write " + key + ": true (or false)");
        }
        return dflt;
    }

    // ---- problems ---------------------------------------------------------------------------

    private void unknownKeys(ObjectNode o, String path, Set<String> known, String what) {
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                String childPath = Locations.child(path, k);
                errorAtKey(childPath, "unknown " + what + " \"" + k + "\"" + (path.isEmpty() ? "" : " in " + path) + "."
                        + Schema.suggestion(k, known), hintFor(k, known, "remove it, or check the spelling in the "
                        + "Serverless Framework v3 reference"));
            }
        }
    }

    private static String hintFor(String k, Set<String> known, String otherwise) {
        String best = Schema.closest(k, known);
        return best == null ? otherwise : "rename \"" + k + "\" to \"" + best + "\"";
    }

    private void typeError(String path, String expected, JsonNode got, String hint) {
        String shown = got.isValueNode() ? " (" + abbreviate(got.toString()) + ")" : "";
        error(path, path + " must be " + expected + ", not " + Schema.typeName(got) + shown, hint);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private void error(String path, String message, String hint) {
        add(Problem.Severity.ERROR, loc.value(path), message, hint);
    }

    private void warn(String path, String message, String hint) {
        add(Problem.Severity.WARNING, loc.value(path), message, hint);
    }

    private void errorAtKey(String path, String message, String hint) {
        add(Problem.Severity.ERROR, loc.key(path), message, hint);
    }

    private void add(Problem.Severity s, Locations.Position p, String message, String hint) {
        problems.add(new Problem(s, p.file(), p.line(), p.column(), message, hint));
    }
}
