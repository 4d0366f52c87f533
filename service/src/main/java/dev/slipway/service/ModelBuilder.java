package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
/**
 * Builds the typed {@link Service} from the resolved configuration, reporting unknown keys (with
 * "did you mean") and wrong value types as it reads. Never throws on bad input: a wrong value is
 * reported and replaced by the Framework's default so that later checks still run.
 */
final class ModelBuilder extends ConfigReader {
    private static final java.util.regex.Pattern ALIAS_NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9_-]+");

    /** Plugins whose effect Slipway reproduces itself. */
    static final Set<String> KNOWN_PLUGINS = Set.of("serverless-offline", "serverless-prune-plugin");

    private final ObjectNode root;
    private final Path serviceDir;
    private final Path configFile;
    private final EventReader eventReader;

    ModelBuilder(ObjectNode root, Path serviceDir, Path configFile, Locations loc, List<Problem> problems) {
        super(loc, problems);
        this.root = root;
        this.serviceDir = serviceDir;
        this.configFile = configFile;
        this.eventReader = new EventReader(loc, problems);
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
                Event e = eventReader.event(ev.get(i), Locations.child(evPath, i));
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
        Optional<String> alias = string(o, p, "alias").filter(a -> validAlias(a, p + ".alias"));
        return new SlipwaySettings(string(o, p, "site").map(serviceDir::resolve).map(Path::normalize),
                string(o, p, "deployment"), alias, integer(prune, p + ".prune", "keep", 1, 1000), o);
    }

    /** Lambda's alias Name: 1-128 of [a-zA-Z0-9-_], not only digits (those name versions). */
    private boolean validAlias(String alias, String path) {
        String fix = "name the alias with letters, digits, - and _ (not only digits), e.g. alias: live";
        if (alias.isEmpty() || alias.length() > 128 || !ALIAS_NAME.matcher(alias).matches()) {
            error(path, "alias \"" + alias + "\" is not a valid Lambda alias name: 1 to 128 letters, digits, - or _",
                    fix);
            return false;
        }
        if (alias.chars().allMatch(Character::isDigit)) {
            error(path, "alias \"" + alias + "\" is only digits, which Lambda reads as a version number", fix);
            return false;
        }
        return true;
    }

}
