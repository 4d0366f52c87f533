package dev.slipway.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Versions, aliases (with weighted routing) and resource-policy statements: the minimum that
 * CloudFormation templates and the deployer need. Statements are recorded, not enforced.
 */
final class VersionActions {
    private static final Pattern ALIAS = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");

    private final FunctionRegistry registry;
    private final FunctionActions functions;

    VersionActions(FunctionRegistry registry, FunctionActions functions) {
        this.registry = registry;
        this.functions = functions;
    }

    FunctionConfiguration publish(String functionName, PublishVersionRequest r) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        FunctionVersion v;
        synchronized (registry) {
            if (r != null && r.codeSha256() != null && !r.codeSha256().equals(e.latest.codeSha256())) {
                throw InvalidParameterValueException.of("CodeSHA256 (" + r.codeSha256()
                        + ") is different from current CodeSHA256 in $LATEST (" + e.latest.codeSha256()
                        + "). Please try again with the CodeSHA256 in $LATEST.");
            }
            if (r != null && r.revisionId() != null && !r.revisionId().equals(e.latest.revisionId())) {
                throw PreconditionFailedException.revision();
            }
            v = functions.publish(e, r == null ? null : r.description());
            registry.save();
        }
        return functions.configuration(v);
    }

    ListVersionsByFunctionResponse listVersions(String functionName, Optional<String> marker, Optional<Integer> maxItems) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        List<FunctionConfiguration> all = new ArrayList<>();
        synchronized (registry) {
            all.add(functions.configuration(e.latest));
            e.versions.values().forEach(v -> all.add(functions.configuration(v)));
        }
        return FunctionActions.page(all, marker, Math.min(maxItems.orElse(Limits.MAX_ITEMS), Limits.MAX_ITEMS),
                ListVersionsByFunctionResponse::new);
    }

    // ---- aliases ----

    AliasConfiguration createAlias(String functionName, CreateAliasRequest r) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        List<String> errors = new ArrayList<>();
        if (r.name() == null || !ALIAS.matcher(r.name()).matches()) {
            errors.add(ValidationException.constraint(r.name(), "name",
                    "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"));
        }
        if (r.functionVersion() == null) {
            errors.add(ValidationException.constraint(null, "functionVersion", "Member must not be null"));
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        synchronized (registry) {
            String arn = e.latest.arn() + ":" + r.name();
            if (e.aliases.containsKey(r.name())) {
                throw ResourceConflictException.aliasExists(arn);
            }
            checkVersions(e, r.functionVersion(), r.routingConfig());
            AliasConfiguration a = new AliasConfiguration(arn, r.name(), r.functionVersion(),
                    r.description() == null ? "" : r.description(), routing(r.routingConfig()), UUID.randomUUID().toString());
            e.aliases.put(r.name(), a);
            registry.save();
            return a;
        }
    }

    AliasConfiguration getAlias(String functionName, String name) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        synchronized (registry) {
            AliasConfiguration a = e.aliases.get(name);
            if (a == null) {
                throw ResourceNotFoundException.alias(e.latest.arn() + ":" + name);
            }
            return a;
        }
    }

    AliasConfiguration updateAlias(String functionName, String name, UpdateAliasRequest r) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        synchronized (registry) {
            AliasConfiguration a = e.aliases.get(name);
            if (a == null) {
                throw ResourceNotFoundException.alias(e.latest.arn() + ":" + name);
            }
            if (r.revisionId() != null && !r.revisionId().equals(a.revisionId())) {
                throw PreconditionFailedException.revision();
            }
            String version = r.functionVersion() == null ? a.functionVersion() : r.functionVersion();
            AliasRoutingConfiguration routing = r.routingConfig() == null ? a.routingConfig() : routing(r.routingConfig());
            checkVersions(e, version, routing);
            AliasConfiguration updated = new AliasConfiguration(a.aliasArn(), name, version,
                    r.description() == null ? a.description() : r.description(), routing, UUID.randomUUID().toString());
            e.aliases.put(name, updated);
            registry.save();
            return updated;
        }
    }

    ListAliasesResponse listAliases(String functionName, Optional<String> functionVersion) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        synchronized (registry) {
            return new ListAliasesResponse(e.aliases.values().stream()
                    .filter(a -> functionVersion.isEmpty() || a.functionVersion().equals(functionVersion.get()))
                    .toList(), null);
        }
    }

    void deleteAlias(String functionName, String name) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        synchronized (registry) {
            e.aliases.remove(name);
            registry.save();
        }
    }

    /** Lambda's alias routing: the weights choose one of the additional versions, else the primary. */
    static String route(AliasConfiguration alias, double random) {
        if (alias.routingConfig() != null && alias.routingConfig().additionalVersionWeights() != null) {
            double acc = 0;
            for (Map.Entry<String, Double> w : alias.routingConfig().additionalVersionWeights().entrySet()) {
                acc += w.getValue();
                if (random < acc) {
                    return w.getKey();
                }
            }
        }
        return alias.functionVersion();
    }

    private static AliasRoutingConfiguration routing(AliasRoutingConfiguration r) {
        if (r == null || r.additionalVersionWeights() == null || r.additionalVersionWeights().isEmpty()) {
            return null;
        }
        return r;
    }

    private void checkVersions(FunctionRegistry.Entry e, String version, AliasRoutingConfiguration routing) {
        functions.versionOf(e, version);
        if (routing == null || routing.additionalVersionWeights() == null) {
            return;
        }
        if (routing.additionalVersionWeights().size() > 1) {
            throw InvalidParameterValueException.of("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        for (Map.Entry<String, Double> w : routing.additionalVersionWeights().entrySet()) {
            if (w.getValue() == null || w.getValue() < 0 || w.getValue() > 1) {
                throw ValidationException.of(List.of(ValidationException.constraint(w.getValue(),
                        "routingConfig.additionalVersionWeights", "Map value must satisfy constraint: "
                                + "[Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]")));
            }
            if (version.equals("$LATEST") || w.getKey().equals("$LATEST")) {
                throw InvalidParameterValueException.of("$LATEST is not supported for an alias pointing to more than 1 version");
            }
            if (w.getKey().equals(version)) {
                throw InvalidParameterValueException.of("Invalid function version " + w.getKey()
                        + ". Function version " + w.getKey() + " is already included in routing configuration.");
            }
            functions.versionOf(e, w.getKey());
        }
    }

    // ---- permissions (recorded only) ----

    String addPermission(String functionName, Optional<String> qualifier, AddPermissionRequest r) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        List<String> errors = new ArrayList<>();
        if (r.statementId() == null) {
            errors.add(ValidationException.constraint(null, "statementId", "Member must not be null"));
        }
        if (r.action() == null) {
            errors.add(ValidationException.constraint(null, "action", "Member must not be null"));
        }
        if (r.principal() == null) {
            errors.add(ValidationException.constraint(null, "principal", "Member must not be null"));
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        ObjectNode s = Json.object();
        s.put("Sid", r.statementId());
        s.put("Effect", "Allow");
        ObjectNode principal = s.putObject("Principal");
        if (r.principal().endsWith(".amazonaws.com")) {
            principal.put("Service", r.principal());
        } else {
            principal.put("AWS", r.principal());
        }
        s.put("Action", r.action());
        s.put("Resource", e.latest.arn() + qualifier.map(q -> ":" + q).orElse(""));
        if (r.sourceArn() != null) {
            s.putObject("Condition").putObject("ArnLike").put("AWS:SourceArn", r.sourceArn());
        }
        synchronized (registry) {
            if (e.statements.containsKey(r.statementId())) {
                throw ResourceConflictException.statementExists(r.statementId());
            }
            e.statements.put(r.statementId(), s);
            registry.save();
        }
        return Json.string(s);
    }

    String getPolicy(String functionName) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        synchronized (registry) {
            if (e.statements.isEmpty()) {
                throw ResourceNotFoundException.policy();
            }
            ObjectNode policy = Json.object();
            policy.put("Version", "2012-10-17");
            policy.put("Id", "default");
            var array = policy.putArray("Statement");
            for (JsonNode s : e.statements.values()) {
                array.add(s);
            }
            return Json.string(policy);
        }
    }

    void removePermission(String functionName, String sid) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        synchronized (registry) {
            if (e.statements.remove(sid) == null) {
                throw ResourceNotFoundException.statement(sid);
            }
            registry.save();
        }
    }
}
