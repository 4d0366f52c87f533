package dev.slipway.service;

import static dev.slipway.service.Cfn.arr;
import static dev.slipway.service.Cfn.getAtt;
import static dev.slipway.service.Cfn.join;
import static dev.slipway.service.Cfn.obj;
import static dev.slipway.service.Cfn.properties;
import static dev.slipway.service.Cfn.ref;
import static dev.slipway.service.Cfn.resource;
import static dev.slipway.service.Cfn.sub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Collator;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compiles a {@link Service} to the CloudFormation template Serverless Framework v3 deploys,
 * resource for resource: the same logical IDs (see {@link Naming}), types, property shapes and
 * order, in the order the Framework's plugins add them (core template, log groups and the role,
 * functions and versions, schedule, s3, REST API, sns, stream, sqs, HTTP API), then the
 * Framework's output exports and the user's {@code resources:} deep-merged in as lodash's
 * {@code _.merge} does. Checked against {@code sls package} output of Framework 3.40.0.
 */
public final class CloudFormationCompiler {
    static final String BUCKET = "ServerlessDeploymentBucket";
    static final String ROLE = "IamRoleLambdaExecution";
    /** The release alias when {@code custom.slipway.alias} does not name one. */
    public static final String DEFAULT_ALIAS = "live";
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final Collator LOCALE_COMPARE = Collator.getInstance(Locale.ENGLISH);

    private CloudFormationCompiler() {}

    public static CompiledStack compile(Service service, CompileOptions options) {
        return new Run(service, options).compile();
    }

    /** The alias the service's functions are released behind: {@code custom.slipway.alias}, else {@code live}. */
    public static String aliasName(Service service) {
        return service.slipway().alias().orElse(DEFAULT_ALIAS);
    }

    /**
     * The functions released behind the alias (function key → deployed name): every versioned
     * function, as {@link #compile} gives each of them an alias.
     */
    public static Map<String, String> releasedFunctions(Service service) {
        Map<String, String> out = new LinkedHashMap<>();
        service.functions().values().stream().filter(FunctionSpec::versionFunction)
                .forEach(f -> out.put(f.key(), f.deployedName()));
        return out;
    }

    /** One compilation: the template being built and what the event compilers share. */
    static final class Run {
        final Service service;
        final CompileOptions options;
        final ObjectNode template = obj();
        final ObjectNode resources;
        final ObjectNode outputs;
        final Optional<String> existingBucket;
        final String artifactDirectory;
        final Map<String, String> versionIds = new HashMap<>();
        /** Function key → logical ID of its release alias, for the functions that have one. */
        final Map<String, String> aliasIds = new HashMap<>();
        /** One hash per artifact, however many functions share it. */
        private final Map<Path, String> codeShas = new HashMap<>();

        Run(Service service, CompileOptions options) {
            this.service = service;
            this.options = options;
            this.existingBucket = options.deploymentBucketName().or(() -> service.provider().deploymentBucket());
            long millis = options.timestamp().toEpochMilli();
            String prefix = service.config().path("provider").path("deploymentPrefix").asText("serverless");
            this.artifactDirectory = prefix + "/" + service.name() + "/" + service.stage() + "/" + millis + "-"
                    + ISO_MILLIS.format(options.timestamp());
            template.put("AWSTemplateFormatVersion", "2010-09-09");
            template.put("Description", "The AWS CloudFormation template for this Serverless application");
            resources = template.putObject("Resources");
            outputs = template.putObject("Outputs");
        }

        String stage() {
            return service.stage();
        }

        /** The IAM role's policy statements list, when the default role is generated. */
        Optional<ArrayNode> roleStatements() {
            JsonNode r = resources.path(ROLE).path("Properties").path("Policies").path(0).path("PolicyDocument")
                    .path("Statement");
            return r instanceof ArrayNode a ? Optional.of(a) : Optional.empty();
        }

        /** What events invoke: the release alias's ARN, or the function's ($LATEST) when it has no alias. */
        ObjectNode functionArn(String fnKey) {
            String alias = aliasIds.get(fnKey);
            return alias != null ? ref(alias) : getAtt(Naming.lambdaFunction(fnKey), "Arn");
        }

        CompiledStack compile() {
            coreTemplate();
            ObjectNode createTemplate = template.deepCopy();
            addExports((ObjectNode) createTemplate.get("Outputs"));
            logGroupsAndRole();
            List<ArtifactUpload> uploads = functions();
            EventSourceCompiler.schedules(this);
            EventSourceCompiler.s3(this);
            new RestApiCompiler(this).compile();
            EventSourceCompiler.sns(this);
            EventSourceCompiler.streams(this);
            EventSourceCompiler.sqs(this);
            new HttpApiCompiler(this).compile();
            addExports(outputs);
            mergeUserResources();
            stripNulls();
            return new CompiledStack(template, createTemplate, uploads, service.stackName(), existingBucket,
                    artifactDirectory);
        }

        private void coreTemplate() {
            if (existingBucket.isPresent()) {
                outputs.putObject("ServerlessDeploymentBucketName").put("Value", existingBucket.get());
                return;
            }
            ObjectNode bucket = resource("AWS::S3::Bucket");
            ObjectNode sse = obj();
            sse.putObject("ServerSideEncryptionByDefault").put("SSEAlgorithm", "AES256");
            properties(bucket).putObject("BucketEncryption").set("ServerSideEncryptionConfiguration", arr(sse));
            resources.set(BUCKET, bucket);
            ObjectNode policy = resource("AWS::S3::BucketPolicy");
            ObjectNode pp = properties(policy);
            pp.set("Bucket", ref(BUCKET));
            ObjectNode statement = obj().put("Action", "s3:*").put("Effect", "Deny").put("Principal", "*");
            statement.set("Resource", arr(
                    join("", "arn:", ref("AWS::Partition"), ":s3:::", ref(BUCKET), "/*"),
                    join("", "arn:", ref("AWS::Partition"), ":s3:::", ref(BUCKET))));
            statement.putObject("Condition").putObject("Bool").put("aws:SecureTransport", false);
            pp.putObject("PolicyDocument").set("Statement", arr(statement));
            resources.set("ServerlessDeploymentBucketPolicy", policy);
            outputs.putObject("ServerlessDeploymentBucketName").set("Value", ref(BUCKET));
        }

        private void logGroupsAndRole() {
            if (service.functions().isEmpty()) {
                return;
            }
            for (FunctionSpec f : service.functions().values()) {
                if (f.disableLogs()) {
                    continue;
                }
                ObjectNode lg = resource("AWS::Logs::LogGroup");
                ObjectNode p = properties(lg).put("LogGroupName", "/aws/lambda/" + f.deployedName());
                f.logRetentionInDays().ifPresent(d -> p.put("RetentionInDays", d));
                resources.set(Naming.logGroup(f.key()), lg);
            }
            Provider pr = service.provider();
            boolean customProviderRole = pr.role().isPresent();
            boolean allCustom = service.functions().values().stream().allMatch(f -> f.role().isPresent());
            if (customProviderRole || allCustom) {
                return;
            }
            ObjectNode role = resource("AWS::IAM::Role");
            ObjectNode p = properties(role);
            ObjectNode assume = p.putObject("AssumeRolePolicyDocument").put("Version", "2012-10-17");
            ObjectNode trust = obj().put("Effect", "Allow");
            trust.putObject("Principal").set("Service", arr("lambda.amazonaws.com"));
            trust.set("Action", arr("sts:AssumeRole"));
            assume.set("Statement", arr(trust));
            ObjectNode policy = obj();
            policy.set("PolicyName", join("-", service.name(), stage(), "lambda"));
            ObjectNode doc = policy.putObject("PolicyDocument").put("Version", "2012-10-17");
            ArrayNode statements = doc.putArray("Statement");
            String prefix = "/aws/lambda/" + service.name() + "-" + stage();
            ObjectNode create = obj().put("Effect", "Allow");
            create.set("Action", arr("logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"));
            ArrayNode createRes = create.putArray("Resource");
            ObjectNode put = obj().put("Effect", "Allow");
            put.set("Action", arr("logs:PutLogEvents"));
            ArrayNode putRes = put.putArray("Resource");
            String logArn = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:";
            String canonical = service.name() + "-" + stage();
            boolean anyCanonical = false;
            List<String> silenced = new ArrayList<>();
            // As merge-iam-templates.js: custom-named functions' log groups first, then the prefix.
            for (FunctionSpec f : service.functions().values()) {
                if (f.deployedName().startsWith(canonical)) {
                    if (f.disableLogs()) {
                        silenced.add(f.deployedName());
                    } else {
                        anyCanonical = true;
                    }
                } else if (!f.disableLogs()) {
                    createRes.add(sub(logArn + "/aws/lambda/" + f.deployedName() + ":*"));
                    putRes.add(sub(logArn + "/aws/lambda/" + f.deployedName() + ":*:*"));
                }
            }
            if (anyCanonical) {
                createRes.add(sub(logArn + prefix + "*:*"));
                putRes.add(sub(logArn + prefix + "*:*:*"));
            }
            statements.add(create);
            statements.add(put);
            if (anyCanonical && !silenced.isEmpty()) {
                ObjectNode deny = obj().put("Effect", "Deny").put("Action", "logs:PutLogEvents");
                ArrayNode denied = deny.putArray("Resource");
                silenced.forEach(n -> denied.add(sub(logArn + "/aws/lambda/" + n + ":*")));
                statements.add(deny);
            }
            pr.iamRoleStatements().forEach(s -> statements.add(s.deepCopy()));
            if (pr.tracing().path("lambda").asBoolean(false) || pr.tracing().path("lambda").asText().equals("Active")) {
                ObjectNode x = obj().put("Effect", "Allow");
                x.set("Action", arr("xray:PutTraceSegments", "xray:PutTelemetryRecords"));
                x.set("Resource", arr("*"));
                statements.add(x);
            }
            p.set("Policies", arr(policy));
            p.put("Path", pr.rolePath().orElse("/"));
            if (pr.roleName().isPresent()) {
                p.put("RoleName", pr.roleName().get());
            } else {
                p.set("RoleName", join("-", service.name(), stage(), ref("AWS::Region"), "lambdaRole"));
            }
            if (!pr.managedPolicies().isEmpty()) {
                ArrayNode m = p.putArray("ManagedPolicyArns");
                pr.managedPolicies().forEach(x -> m.add(x.deepCopy()));
            }
            resources.set(ROLE, role);
        }

        private List<ArtifactUpload> functions() {
            Map<Path, ArtifactUpload> uploads = new LinkedHashMap<>();
            Map<String, ObjectNode> versions = new LinkedHashMap<>();
            for (FunctionSpec f : service.functions().values()) {
                String id = Naming.lambdaFunction(f.key());
                ObjectNode fn = resource("AWS::Lambda::Function");
                ObjectNode p = properties(fn);
                ObjectNode code = p.putObject("Code");
                String artifactName = f.artifact().map(a -> a.getFileName().toString()).orElse(service.name() + ".zip");
                String key = artifactDirectory + "/" + artifactName;
                if (existingBucket.isPresent()) {
                    code.put("S3Bucket", existingBucket.get());
                } else {
                    code.set("S3Bucket", ref(BUCKET));
                }
                code.put("S3Key", key);
                f.artifact().ifPresent(a -> uploads.putIfAbsent(a, new ArtifactUpload(a, key)));
                p.put("Handler", f.handler());
                p.put("Runtime", f.runtime());
                p.put("FunctionName", f.deployedName());
                p.put("MemorySize", f.memorySize());
                p.put("Timeout", f.timeout());
                f.architecture().ifPresent(a -> p.set("Architectures", arr(a)));
                f.description().ifPresent(d -> p.put("Description", d));
                if (!f.tags().isEmpty()) {
                    ArrayNode tags = p.putArray("Tags");
                    f.tags().forEach((k, v) -> tags.add(obj().put("Key", k).put("Value", v)));
                }
                JsonNode tracing = service.provider().tracing().path("lambda");
                if (tracing.asBoolean(false) || tracing.asText().equals("Active")) {
                    p.putObject("TracingConfig").put("Mode", "Active");
                }
                if (hasEnvironment(f)) {
                    ObjectNode vars = p.putObject("Environment").putObject("Variables");
                    f.environment().forEach((k, v) -> vars.set(k, v.deepCopy()));
                }
                role(f, fn, p);
                f.reservedConcurrency().ifPresent(r -> p.put("ReservedConcurrentExecutions", r));
                if (!f.disableLogs()) {
                    ArrayNode deps = arr(Naming.logGroup(f.key()));
                    JsonNode existing = fn.get("DependsOn");
                    if (existing != null) {
                        existing.forEach(deps::add);
                    }
                    fn.set("DependsOn", deps);
                }
                if (!f.layers().isEmpty()) {
                    ArrayNode layers = p.putArray("Layers");
                    f.layers().forEach(l -> layers.add(l.deepCopy()));
                }
                resources.set(id, fn);
                if (f.versionFunction() || f.provisionedConcurrency().isPresent()) {
                    versions.put(f.key(), fn);
                }
            }
            for (Map.Entry<String, ObjectNode> e : versions.entrySet()) {
                version(service.functions().get(e.getKey()), e.getValue());
            }
            return List.copyOf(uploads.values());
        }

        private boolean hasEnvironment(FunctionSpec f) {
            JsonNode config = service.config();
            return !f.environment().isEmpty() || config.path("provider").has("environment")
                    || config.path("functions").path(f.key()).has("environment");
        }

        private void role(FunctionSpec f, ObjectNode fn, ObjectNode p) {
            JsonNode role = f.role().or(() -> service.provider().role()).orElse(null);
            if (role == null) {
                p.set("Role", getAtt(ROLE, "Arn"));
            } else if (role.isTextual() && role.asText().startsWith("arn:")) {
                p.put("Role", role.asText());
            } else if (role.isTextual()) {
                p.set("Role", getAtt(role.asText(), "Arn"));
                fn.withArray("DependsOn").add(role.asText());
            } else if (role.has("Fn::GetAtt")) {
                p.set("Role", role.deepCopy());
                fn.withArray("DependsOn").add(role.get("Fn::GetAtt").get(0).asText());
            } else {
                p.set("Role", role.deepCopy());
            }
        }

        /** As the Framework: a version whose logical ID hashes the code and the function's configuration. */
        private void version(FunctionSpec f, ObjectNode fn) {
            String codeSha = f.artifact()
                    .map(a -> codeShas.computeIfAbsent(a, file -> CodeSha256.of(service.serviceDir(), file)))
                    .orElse(sha256Base64(new byte[0]));
            ObjectNode props = ((ObjectNode) fn.get("Properties")).deepCopy();
            props.remove("Code");
            props.remove("ReservedConcurrentExecutions");
            props.remove("Tags");
            props.putArray("layerConfigurations");
            String digest;
            try {
                digest = sha256Base64((codeSha + COMPACT.writeValueAsString(deepSort(props)))
                        .getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            String id = Naming.lambdaVersion(f.key(), digest);
            ObjectNode v = resource("AWS::Lambda::Version");
            if (f.versionFunction()) {
                v.put("DeletionPolicy", "Retain");
            }
            ObjectNode vp = properties(v);
            vp.set("FunctionName", ref(Naming.lambdaFunction(f.key())));
            vp.put("CodeSha256", codeSha);
            f.description().ifPresent(d -> vp.put("Description", d));
            resources.set(id, v);
            versionIds.put(f.key(), id);
            ObjectNode out = outputs.putObject(Naming.qualifiedArnOutput(f.key()));
            out.put("Description", "Current Lambda function version");
            out.set("Value", ref(id));
            if (options.releaseAlias() && f.versionFunction()) {
                releaseAlias(f, id);
                return;
            }
            f.provisionedConcurrency().ifPresent(pc -> {
                ObjectNode alias = resource("AWS::Lambda::Alias");
                ObjectNode ap = properties(alias);
                ap.set("FunctionName", ref(Naming.lambdaFunction(f.key())));
                ap.set("FunctionVersion", getAtt(id, "Version"));
                ap.put("Name", "provisioned");
                ap.putObject("ProvisionedConcurrencyConfig").put("ProvisionedConcurrentExecutions", pc);
                alias.put("DependsOn", Naming.lambdaFunction(f.key()));
                resources.set(Naming.provisionedConcurrencyAlias(f.key()), alias);
            });
        }

        /**
         * Slipway's release alias on top of the Framework's version: events invoke it, and a release
         * moves it. It stays on the version it points at now when the deployer says so (a gradual
         * release shifts it later through the Lambda API); provisioned concurrency sits on it, not on
         * the Framework's separate "provisioned" alias, so the warm instances serve the traffic.
         */
        private void releaseAlias(FunctionSpec f, String versionId) {
            ObjectNode alias = resource("AWS::Lambda::Alias");
            ObjectNode ap = properties(alias);
            ap.set("FunctionName", ref(Naming.lambdaFunction(f.key())));
            String live = options.liveVersions().get(f.key());
            if (live != null) {
                ap.put("FunctionVersion", live);
            } else {
                ap.set("FunctionVersion", getAtt(versionId, "Version"));
            }
            ap.put("Name", aliasName(service));
            f.provisionedConcurrency().ifPresent(pc ->
                    ap.putObject("ProvisionedConcurrencyConfig").put("ProvisionedConcurrentExecutions", pc));
            String id = Naming.lambdaAlias(f.key());
            resources.set(id, alias);
            aliasIds.put(f.key(), id);
        }

        private void addExports(ObjectNode outs) {
            for (var it = outs.fields(); it.hasNext(); ) {
                var e = it.next();
                ObjectNode o = (ObjectNode) e.getValue();
                if (!o.has("Export")) {
                    o.putObject("Export").put("Name", "sls-" + service.name() + "-" + stage() + "-" + e.getKey());
                }
            }
        }

        private void mergeUserResources() {
            ObjectNode user = service.resources().deepCopy();
            user.remove("extensions");
            merge(template, user);
            JsonNode ext = service.resources().get("extensions");
            if (ext != null && ext.isObject()) {
                ext.fields().forEachRemaining(e -> {
                    JsonNode target = resources.get(e.getKey());
                    if (target instanceof ObjectNode t && e.getValue().isObject()) {
                        e.getValue().fields().forEachRemaining(a -> {
                            if (a.getKey().equals("Properties") || a.getKey().equals("Metadata")) {
                                ObjectNode dest = t.has(a.getKey()) ? (ObjectNode) t.get(a.getKey())
                                        : t.putObject(a.getKey());
                                dest.setAll((ObjectNode) a.getValue().deepCopy());
                            } else if (a.getKey().equals("DependsOn")) {
                                ArrayNode deps = t.get("DependsOn") instanceof ArrayNode d ? d : t.putArray("DependsOn");
                                a.getValue().forEach(x -> deps.add(x.deepCopy()));
                            } else {
                                t.set(a.getKey(), a.getValue().deepCopy());
                            }
                        });
                    }
                });
            }
        }

        /** lodash {@code _.merge}: objects recursively, arrays by index, other values replace. */
        static void merge(JsonNode target, JsonNode source) {
            if (target instanceof ObjectNode t && source instanceof ObjectNode s) {
                s.fields().forEachRemaining(e -> {
                    JsonNode existing = t.get(e.getKey());
                    if (existing != null && existing.isContainerNode() && e.getValue().isContainerNode()
                            && existing.isObject() == e.getValue().isObject()) {
                        merge(existing, e.getValue());
                    } else if (!e.getValue().isNull() || existing == null) {
                        t.set(e.getKey(), e.getValue().deepCopy());
                    }
                });
            } else if (target instanceof ArrayNode t && source instanceof ArrayNode s) {
                for (int i = 0; i < s.size(); i++) {
                    if (i < t.size() && t.get(i).isContainerNode() && s.get(i).isContainerNode()) {
                        merge(t.get(i), s.get(i));
                    } else if (i < t.size()) {
                        t.set(i, s.get(i).deepCopy());
                    } else {
                        t.add(s.get(i).deepCopy());
                    }
                }
            }
        }

        private void stripNulls() {
            resources.fields().forEachRemaining(e -> {
                JsonNode p = e.getValue().get("Properties");
                if (p instanceof ObjectNode po) {
                    List<String> nulls = new ArrayList<>();
                    po.fields().forEachRemaining(f -> {
                        if (f.getValue().isNull()) {
                            nulls.add(f.getKey());
                        }
                    });
                    po.remove(nulls);
                }
            });
        }
    }

    /**
     * The Framework's deep-sort-object-by-key: object keys sorted at every level with JavaScript's
     * {@code localeCompare} (case-insensitive first, as a collator does), arrays kept in order.
     */
    static JsonNode deepSort(JsonNode n) {
        if (n instanceof ObjectNode o) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>(LOCALE_COMPARE);
            o.fields().forEachRemaining(e -> sorted.put(e.getKey(), deepSort(e.getValue())));
            ObjectNode out = obj();
            sorted.forEach(out::set);
            return out;
        }
        if (n instanceof ArrayNode a) {
            ArrayNode out = Cfn.F.arrayNode();
            a.forEach(x -> out.add(deepSort(x)));
            return out;
        }
        return n;
    }

    static String sha256Base64(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
