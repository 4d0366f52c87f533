package dev.slipway.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CloudFormation providers for Lambda's resource types, over the Java API. Property names follow
 * the CloudFormation resource reference (AWS::Lambda::Function etc.).
 */
final class LambdaResourceProviders {
    private LambdaResourceProviders() {}

    static List<ResourceProvider> all(LambdaService lambda) {
        return List.of(new FunctionProvider(lambda), new VersionProvider(lambda), new AliasProvider(lambda),
                new PermissionProvider(lambda));
    }

    private static String text(ObjectNode p, String name) {
        JsonNode n = p.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Integer integer(ObjectNode p, String name) {
        JsonNode n = p.get(name);
        return n == null || n.isNull() ? null : n.asInt();
    }

    /** AWS::Lambda::Function; Ref is the name, GetAtt Arn. */
    static final class FunctionProvider implements ResourceProvider {
        private final LambdaService lambda;

        FunctionProvider(LambdaService lambda) {
            this.lambda = lambda;
        }

        @Override
        public String type() {
            return "AWS::Lambda::Function";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("FunctionName", "PackageType");
        }

        @Override
        public Result create(Request r) {
            ObjectNode p = r.properties();
            String name = Optional.ofNullable(text(p, "FunctionName")).orElseGet(() -> generatedName(r));
            FunctionConfiguration c = lambda.createFunction(new CreateFunctionRequest(name, text(p, "Runtime"),
                    Optional.ofNullable(text(p, "Role")).orElse("arn:aws:iam::" + r.accountId() + ":role/lambda"),
                    text(p, "Handler"), code(p.get("Code")), text(p, "Description"), integer(p, "Timeout"),
                    integer(p, "MemorySize"), null, environment(p), strings(p.get("Layers")), text(p, "PackageType"),
                    null, null));
            reservedConcurrency(name, p);
            return result(c);
        }

        @Override
        public Result update(Request r) {
            String name = r.physicalId().orElseThrow();
            ObjectNode p = r.properties();
            if (p.has("Code") && !p.get("Code").equals(r.previousProperties().map(o -> o.get("Code")).orElse(null))) {
                FunctionCode code = code(p.get("Code"));
                lambda.updateFunctionCode(name, UpdateFunctionCodeRequest.of(code));
            }
            FunctionConfiguration c = lambda.updateFunctionConfiguration(name, new UpdateFunctionConfigurationRequest(
                    text(p, "Role"), text(p, "Handler"), Optional.ofNullable(text(p, "Description")).orElse(""),
                    integer(p, "Timeout") == null ? Limits.DEFAULT_TIMEOUT_S : integer(p, "Timeout"),
                    integer(p, "MemorySize") == null ? Limits.DEFAULT_MEMORY_MB : integer(p, "MemorySize"),
                    Optional.ofNullable(environment(p)).orElse(new Environment(Map.of())), text(p, "Runtime"),
                    Optional.ofNullable(strings(p.get("Layers"))).orElse(List.of()), null));
            reservedConcurrency(name, p);
            return result(c);
        }

        @Override
        public void delete(Request r) {
            r.physicalId().ifPresent(name -> {
                try {
                    lambda.deleteFunction(name, Optional.empty());
                } catch (ResourceNotFoundException e) {
                    // already gone
                }
            });
        }

        private void reservedConcurrency(String name, ObjectNode p) {
            Integer reserved = integer(p, "ReservedConcurrentExecutions");
            if (reserved != null) {
                lambda.putFunctionConcurrency(name, new Concurrency(reserved));
            } else {
                lambda.deleteFunctionConcurrency(name);
            }
        }

        private static Result result(FunctionConfiguration c) {
            Map<String, JsonNode> attributes = new LinkedHashMap<>();
            attributes.put("Arn", TextNode.valueOf(c.functionArn()));
            return new Result(c.functionName(), attributes);
        }

        private static String generatedName(Request r) {
            String base = r.stackName() + "-" + r.logicalId();
            String suffix = Long.toString(Math.abs(r.stackId().hashCode()), 36).toUpperCase();
            String name = base + "-" + suffix;
            return name.length() > 64 ? name.substring(0, 64) : name;
        }

        private static FunctionCode code(JsonNode code) {
            if (code == null) {
                return null;
            }
            if (code.has("ZipFile")) {
                // inline source (Code.ZipFile in a template) is for Node.js and Python only
                throw InvalidParameterValueException.of("Code.ZipFile (inline source) is not supported for Java runtimes: "
                        + "give Code.S3Bucket and Code.S3Key.");
            }
            return new FunctionCode(null, text((ObjectNode) code, "S3Bucket"), text((ObjectNode) code, "S3Key"),
                    text((ObjectNode) code, "S3ObjectVersion"), text((ObjectNode) code, "ImageUri"), null);
        }

        private static Environment environment(ObjectNode p) {
            JsonNode vars = p.path("Environment").path("Variables");
            if (!vars.isObject()) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            vars.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return new Environment(out);
        }
    }

    /** ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions of a Version or Alias, if set. */
    static Optional<Integer> provisionedExecutions(ObjectNode p) {
        JsonNode n = p.path("ProvisionedConcurrencyConfig").path("ProvisionedConcurrentExecutions");
        return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asInt());
    }

    static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** AWS::Lambda::Version; Ref is the version ARN, GetAtt Version. Versions are immutable: update replaces. */
    static final class VersionProvider implements ResourceProvider {
        private final LambdaService lambda;

        VersionProvider(LambdaService lambda) {
            this.lambda = lambda;
        }

        @Override
        public String type() {
            return "AWS::Lambda::Version";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("FunctionName", "CodeSha256", "Description", "ProvisionedConcurrencyConfig", "RuntimePolicy");
        }

        @Override
        public Result create(Request r) {
            ObjectNode p = r.properties();
            FunctionConfiguration c = lambda.publishVersion(text(p, "FunctionName"),
                    new PublishVersionRequest(text(p, "CodeSha256"), text(p, "Description"), null));
            provisionedExecutions(p).ifPresent(n -> lambda.putProvisionedConcurrencyConfig(text(p, "FunctionName"),
                    c.version(), new PutProvisionedConcurrencyConfigRequest(n)));
            Map<String, JsonNode> attributes = new LinkedHashMap<>();
            attributes.put("Version", TextNode.valueOf(c.version()));
            attributes.put("FunctionArn", TextNode.valueOf(c.functionArn()));
            return new Result(c.functionArn(), attributes);
        }

        @Override
        public Result update(Request r) {
            return new Result(r.physicalId().orElseThrow(), r.previousAttributes());
        }

        @Override
        public void delete(Request r) {
            r.physicalId().ifPresent(arn -> {
                int colon = arn.lastIndexOf(':');
                try {
                    lambda.deleteFunction(arn.substring(0, colon), Optional.of(arn.substring(colon + 1)));
                } catch (ResourceNotFoundException | ResourceConflictException e) {
                    // already gone, or still used by an alias that is deleted later
                }
            });
        }
    }

    /** AWS::Lambda::Alias; Ref is the alias ARN. */
    static final class AliasProvider implements ResourceProvider {
        private final LambdaService lambda;

        AliasProvider(LambdaService lambda) {
            this.lambda = lambda;
        }

        @Override
        public String type() {
            return "AWS::Lambda::Alias";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("FunctionName", "Name");
        }

        @Override
        public Result create(Request r) {
            ObjectNode p = r.properties();
            AliasConfiguration a = lambda.createAlias(text(p, "FunctionName"), new CreateAliasRequest(text(p, "Name"),
                    version(text(p, "FunctionVersion")), text(p, "Description"), routing(p)));
            provisionedExecutions(p).ifPresent(n -> lambda.putProvisionedConcurrencyConfig(text(p, "FunctionName"),
                    a.name(), new PutProvisionedConcurrencyConfigRequest(n)));
            return new Result(a.aliasArn(), Map.of("AliasArn", TextNode.valueOf(a.aliasArn())));
        }

        @Override
        public Result update(Request r) {
            ObjectNode p = r.properties();
            AliasConfiguration a = lambda.updateAlias(text(p, "FunctionName"), text(p, "Name"), new UpdateAliasRequest(
                    version(text(p, "FunctionVersion")), Optional.ofNullable(text(p, "Description")).orElse(""),
                    Optional.ofNullable(routing(p)).orElse(new AliasRoutingConfiguration(Map.of())), null));
            Optional<Integer> provisioned = provisionedExecutions(p);
            if (provisioned.isPresent()) {
                lambda.putProvisionedConcurrencyConfig(text(p, "FunctionName"), a.name(),
                        new PutProvisionedConcurrencyConfigRequest(provisioned.get()));
            } else {
                lambda.deleteProvisionedConcurrencyConfig(text(p, "FunctionName"), a.name());
            }
            return new Result(a.aliasArn(), Map.of("AliasArn", TextNode.valueOf(a.aliasArn())));
        }

        @Override
        public void delete(Request r) {
            ObjectNode p = r.properties();
            try {
                lambda.deleteProvisionedConcurrencyConfig(text(p, "FunctionName"), text(p, "Name"));
                lambda.deleteAlias(text(p, "FunctionName"), text(p, "Name"));
            } catch (ResourceNotFoundException e) {
                // already gone
            }
        }

        /** A version may be given as a version ARN (Ref of AWS::Lambda::Version). */
        private static String version(String v) {
            return v != null && v.startsWith("arn:") ? v.substring(v.lastIndexOf(':') + 1) : v;
        }

        private static AliasRoutingConfiguration routing(ObjectNode p) {
            JsonNode weights = p.path("RoutingConfig").path("AdditionalVersionWeights");
            if (!weights.isArray() || weights.isEmpty()) {
                return null;
            }
            Map<String, Double> out = new LinkedHashMap<>();
            weights.forEach(w -> out.put(version(w.path("FunctionVersion").asText()), w.path("FunctionWeight").asDouble()));
            return new AliasRoutingConfiguration(out);
        }
    }

    /** AWS::Lambda::Permission: recorded (GetPolicy shows it); API Gateway checks nothing. */
    static final class PermissionProvider implements ResourceProvider {
        private final LambdaService lambda;

        PermissionProvider(LambdaService lambda) {
            this.lambda = lambda;
        }

        @Override
        public String type() {
            return "AWS::Lambda::Permission";
        }

        @Override
        public Set<String> createOnlyProperties() {
            return Set.of("Action", "EventSourceToken", "FunctionName", "Principal", "SourceAccount", "SourceArn");
        }

        @Override
        public Result create(Request r) {
            ObjectNode p = r.properties();
            String sid = r.logicalId() + "-" + Long.toString(Math.abs(r.stackId().hashCode()), 36);
            // A qualified FunctionName (an alias ARN, as Slipway's compiler writes) grants the alias only.
            Optional<String> qualifier = FunctionName.parse(text(p, "FunctionName"), "FunctionName").qualifier();
            lambda.addPermission(text(p, "FunctionName"), qualifier, new AddPermissionRequest(sid,
                    text(p, "Action"), text(p, "Principal"), text(p, "SourceArn"), text(p, "SourceAccount"),
                    text(p, "EventSourceToken"), null));
            return new Result(text(p, "FunctionName") + "|" + sid, Map.of("Id", Json.MAPPER.valueToTree(sid)));
        }

        @Override
        public Result update(Request r) {
            return new Result(r.physicalId().orElseThrow(), r.previousAttributes());
        }

        @Override
        public void delete(Request r) {
            r.physicalId().ifPresent(id -> {
                int bar = id.lastIndexOf('|');
                try {
                    lambda.removePermission(id.substring(0, bar), id.substring(bar + 1));
                } catch (ResourceNotFoundException e) {
                    // already gone
                }
            });
        }
    }
}
