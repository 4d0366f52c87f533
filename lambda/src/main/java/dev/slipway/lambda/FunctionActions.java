package dev.slipway.lambda;

import dev.slipway.protocol.spi.LogSink;
import dev.slipway.protocol.spi.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The control plane for functions: create, read, list, update, delete, reserved concurrency.
 * Validation runs in tiers (constraints, then semantics, then state) before anything is stored.
 */
final class FunctionActions {
    /** Every runtime id botocore knows (so an unknown one is a ValidationException, a known non-Java one is not). */
    private static final List<String> AWS_RUNTIMES = List.of("nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10",
            "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x", "nodejs20.x", "nodejs22.x",
            "nodejs24.x", "java8", "java8.al2", "java11", "java17", "java21", "java25", "python2.7", "python3.6",
            "python3.7", "python3.8", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14",
            "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6", "dotnet8", "dotnet10",
            "nodejs4.3-edge", "go1.x", "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3", "ruby3.4", "provided", "provided.al2",
            "provided.al2023");
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final FunctionRegistry registry;
    private final CodeStore code;
    private final Optional<ObjectReader> objects;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final LogSink logSink;
    /** Told when a function's $LATEST changes or the function goes, so its workers are retired. */
    private final Consumer<String> onChange;

    FunctionActions(FunctionRegistry registry, CodeStore code, Optional<ObjectReader> objects, String region,
            String accountId, Clock clock, LogSink logSink, Consumer<String> onChange) {
        this.registry = registry;
        this.code = code;
        this.objects = objects;
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.logSink = logSink;
        this.onChange = onChange;
    }

    String arn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    FunctionRegistry.Entry entry(String functionName) {
        FunctionName fn = FunctionName.parse(functionName, "functionName");
        return registry.find(fn.name()).orElseThrow(() -> ResourceNotFoundException.function(arn(fn.name())));
    }

    // ---- CreateFunction ----

    FunctionConfiguration create(CreateFunctionRequest r) {
        List<String> errors = new ArrayList<>();
        if (r.functionName() == null) {
            errors.add(ValidationException.constraint(null, "functionName", "Member must not be null"));
        }
        if (r.role() == null) {
            errors.add(ValidationException.constraint(null, "role", "Member must not be null"));
        }
        if (r.code() == null) {
            errors.add(ValidationException.constraint(null, "code", "Member must not be null"));
        }
        checkRuntimeEnum(r.runtime(), errors);
        checkRanges(r.memorySize(), r.timeout(), errors);
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        FunctionName fn = FunctionName.parse(r.functionName(), "functionName");
        if ("Image".equals(r.packageType())) {
            throw InvalidParameterValueException.invalidHandlerForImage();
        }
        Runtime runtime = supportedRuntime(r.runtime());
        if (runtime.isJava() && (r.handler() == null || r.handler().isBlank())) {
            throw InvalidParameterValueException.of("The Handler is required for the " + runtime.id + " runtime.");
        }
        Map<String, String> env = environment(r.environment());
        List<Path> layerJars = layerJars(r.layers());
        if (registry.find(fn.name()).isPresent()) {
            throw ResourceConflictException.functionExists(fn.name());
        }
        CodeStore.Code stored = store(r.code(), "CreateFunction");
        FunctionVersion latest = new FunctionVersion(fn.name(), arn(fn.name()), "$LATEST", runtime,
                r.handler() == null ? "" : r.handler(), r.role(), r.description() == null ? "" : r.description(),
                r.memorySize() == null ? Limits.DEFAULT_MEMORY_MB : r.memorySize(),
                r.timeout() == null ? Limits.DEFAULT_TIMEOUT_S : r.timeout(), env, stored.sha256(), stored.size(),
                stored.taskRoot(), stored.zip(), r.layers() == null ? List.of() : List.copyOf(r.layers()), layerJars,
                now(), UUID.randomUUID().toString());
        FunctionRegistry.Entry entry = new FunctionRegistry.Entry();
        entry.latest = latest;
        if (r.tags() != null) {
            entry.tags.putAll(r.tags());
        }
        synchronized (registry) {
            if (registry.find(fn.name()).isPresent()) {
                throw ResourceConflictException.functionExists(fn.name());
            }
            registry.put(fn.name(), entry);
            if (Boolean.TRUE.equals(r.publish())) {
                publish(entry, null);
            }
            registry.save();
        }
        runtime.deprecationWarning().ifPresent(w -> logSink.append(latest.logGroup(), "slipway", clock.millis(), w));
        return configuration(Boolean.TRUE.equals(r.publish()) ? entry.versions.lastEntry().getValue() : latest);
    }

    Optional<String> deprecationWarning(String functionName) {
        return entry(functionName).latest.runtime().deprecationWarning();
    }

    // ---- reads ----

    GetFunctionResponse get(String functionName, Optional<String> qualifier) {
        FunctionRegistry.Entry e = entry(functionName);
        FunctionVersion v = version(e, functionName, qualifier);
        String location = v.codeZip() != null ? v.codeZip().toUri().toString() : v.taskRoot().toUri().toString();
        return new GetFunctionResponse(configuration(v), new FunctionCodeLocation("S3", location),
                e.reservedConcurrency == null ? null : new Concurrency(e.reservedConcurrency),
                e.tags.isEmpty() ? null : Map.copyOf(e.tags));
    }

    FunctionConfiguration getConfiguration(String functionName, Optional<String> qualifier) {
        FunctionRegistry.Entry e = entry(functionName);
        return configuration(version(e, functionName, qualifier));
    }

    /** The version a name + qualifier names; an alias resolves to its primary version. */
    FunctionVersion version(FunctionRegistry.Entry e, String functionName, Optional<String> qualifierParam) {
        Optional<String> qualifier = qualifierParam.isPresent() ? qualifierParam
                : FunctionName.parse(functionName, "functionName").qualifier();
        synchronized (registry) {
            if (qualifier.isEmpty() || qualifier.get().equals("$LATEST")) {
                return e.latest;
            }
            String q = qualifier.get();
            if (q.chars().allMatch(Character::isDigit)) {
                FunctionVersion v = e.versions.get(Integer.parseInt(q));
                if (v == null) {
                    throw ResourceNotFoundException.function(e.latest.arn() + ":" + q);
                }
                return v;
            }
            AliasConfiguration alias = e.aliases.get(q);
            if (alias == null) {
                throw ResourceNotFoundException.function(e.latest.arn() + ":" + q);
            }
            return versionOf(e, alias.functionVersion());
        }
    }

    /** For Invoke: like {@link #version}, but an alias is routed by its weights ({@code random} in [0, 1)). */
    FunctionVersion resolveForInvoke(FunctionRegistry.Entry e, Optional<String> qualifier, double random) {
        synchronized (registry) {
            if (qualifier.isEmpty() || qualifier.get().equals("$LATEST")
                    || qualifier.get().chars().allMatch(Character::isDigit)) {
                return version(e, e.latest.name(), qualifier);
            }
            AliasConfiguration alias = e.aliases.get(qualifier.get());
            if (alias == null) {
                throw ResourceNotFoundException.function(e.latest.arn() + ":" + qualifier.get());
            }
            return versionOf(e, VersionActions.route(alias, random));
        }
    }

    Integer reservedConcurrency(FunctionRegistry.Entry e) {
        synchronized (registry) {
            return e.reservedConcurrency;
        }
    }

    FunctionVersion versionOf(FunctionRegistry.Entry e, String version) {
        if (version.equals("$LATEST")) {
            return e.latest;
        }
        FunctionVersion v = e.versions.get(Integer.parseInt(version));
        if (v == null) {
            throw ResourceNotFoundException.function(e.latest.arn() + ":" + version);
        }
        return v;
    }

    ListFunctionsResponse list(Optional<String> marker, Optional<Integer> maxItems, boolean allVersions) {
        int max = Math.min(maxItems.orElse(Limits.MAX_ITEMS), Limits.MAX_ITEMS);
        if (max < 1) {
            throw ValidationException.of(List.of(ValidationException.constraint(max, "maxItems",
                    "Member must have value greater than or equal to 1")));
        }
        List<FunctionConfiguration> all = new ArrayList<>();
        for (FunctionRegistry.Entry e : registry.all()) {
            all.add(configuration(e.latest));
            if (allVersions) {
                synchronized (registry) {
                    e.versions.values().forEach(v -> all.add(configuration(v)));
                }
            }
        }
        return page(all, marker, max, ListFunctionsResponse::new);
    }

    static <R> R page(List<FunctionConfiguration> all, Optional<String> marker, int max,
            java.util.function.BiFunction<List<FunctionConfiguration>, String, R> make) {
        int from = 0;
        if (marker.isPresent()) {
            try {
                from = Integer.parseInt(marker.get());
            } catch (NumberFormatException ex) {
                throw InvalidParameterValueException.of("Invalid marker: " + marker.get());
            }
        }
        from = Math.max(0, Math.min(from, all.size()));
        int to = Math.min(all.size(), from + max);
        return make.apply(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }

    // ---- updates ----

    FunctionConfiguration updateCode(String functionName, UpdateFunctionCodeRequest r) {
        FunctionRegistry.Entry e = entry(functionName);
        CodeStore.Code stored = store(r.code(), "UpdateFunctionCode");
        FunctionVersion result;
        synchronized (registry) {
            checkRevision(e.latest.revisionId(), r.revisionId());
            FunctionVersion v = e.latest;
            e.latest = new FunctionVersion(v.name(), v.arn(), v.version(), v.runtime(), v.handler(), v.role(),
                    v.description(), v.memoryMb(), v.timeoutSeconds(), v.environment(), stored.sha256(), stored.size(),
                    stored.taskRoot(), stored.zip(), v.layers(), v.layerJars(), now(), UUID.randomUUID().toString());
            result = Boolean.TRUE.equals(r.publish()) ? publish(e, null) : e.latest;
            registry.save();
        }
        onChange.accept(e.latest.name());
        return configuration(result);
    }

    FunctionConfiguration updateConfiguration(String functionName, UpdateFunctionConfigurationRequest r) {
        List<String> errors = new ArrayList<>();
        checkRuntimeEnum(r.runtime(), errors);
        checkRanges(r.memorySize(), r.timeout(), errors);
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        FunctionRegistry.Entry e = entry(functionName);
        Runtime runtime = r.runtime() == null ? null : supportedRuntime(r.runtime());
        Map<String, String> env = r.environment() == null ? null : environment(r.environment());
        List<Path> layerJars = r.layers() == null ? null : layerJars(r.layers());
        synchronized (registry) {
            checkRevision(e.latest.revisionId(), r.revisionId());
            FunctionVersion v = e.latest;
            e.latest = new FunctionVersion(v.name(), v.arn(), v.version(), runtime == null ? v.runtime() : runtime,
                    or(r.handler(), v.handler()), or(r.role(), v.role()), or(r.description(), v.description()),
                    r.memorySize() == null ? v.memoryMb() : r.memorySize(),
                    r.timeout() == null ? v.timeoutSeconds() : r.timeout(), env == null ? v.environment() : env,
                    v.codeSha256(), v.codeSize(), v.taskRoot(), v.codeZip(),
                    r.layers() == null ? v.layers() : List.copyOf(r.layers()), layerJars == null ? v.layerJars() : layerJars,
                    now(), UUID.randomUUID().toString());
            registry.save();
        }
        onChange.accept(e.latest.name());
        return configuration(e.latest);
    }

    void delete(String functionName, Optional<String> qualifier) {
        FunctionName fn = FunctionName.parse(functionName, "functionName");
        FunctionRegistry.Entry e = entry(functionName);
        Optional<String> q = qualifier.isPresent() ? qualifier : fn.qualifier();
        synchronized (registry) {
            if (q.isEmpty()) {
                registry.remove(fn.name());
            } else if (q.get().equals("$LATEST")) {
                throw InvalidParameterValueException.of("$LATEST version cannot be deleted without deleting the function.");
            } else if (!q.get().chars().allMatch(Character::isDigit)) {
                throw InvalidParameterValueException.of("Deletion of aliases is not currently supported.");
            } else {
                int n = Integer.parseInt(q.get());
                List<String> using = e.aliases.values().stream().filter(a -> a.functionVersion().equals(q.get())
                        || (a.routingConfig() != null && a.routingConfig().additionalVersionWeights() != null
                                && a.routingConfig().additionalVersionWeights().containsKey(q.get())))
                        .map(AliasConfiguration::name).toList();
                if (!using.isEmpty()) {
                    throw ResourceConflictException.versionUsedByAliases(using);
                }
                if (e.versions.remove(n) == null) {
                    throw ResourceNotFoundException.function(e.latest.arn() + ":" + q.get());
                }
            }
            registry.save();
        }
        onChange.accept(fn.name());
    }

    // ---- concurrency ----

    Concurrency putConcurrency(String functionName, Concurrency c) {
        if (c == null || c.reservedConcurrentExecutions() == null) {
            throw ValidationException.of(List.of(ValidationException.constraint(null, "reservedConcurrentExecutions",
                    "Member must not be null")));
        }
        int n = c.reservedConcurrentExecutions();
        if (n < 0) {
            throw ValidationException.of(List.of(ValidationException.constraint(n, "reservedConcurrentExecutions",
                    "Member must have value greater than or equal to 0")));
        }
        if (n > 900) {
            throw InvalidParameterValueException.unreservedBelowMinimum();
        }
        FunctionRegistry.Entry e = entry(functionName);
        synchronized (registry) {
            e.reservedConcurrency = n;
            registry.save();
        }
        onChange.accept(e.latest.name());
        return new Concurrency(n);
    }

    void deleteConcurrency(String functionName) {
        FunctionRegistry.Entry e = entry(functionName);
        synchronized (registry) {
            e.reservedConcurrency = null;
            registry.save();
        }
        onChange.accept(e.latest.name());
    }

    Concurrency getConcurrency(String functionName) {
        FunctionRegistry.Entry e = entry(functionName);
        synchronized (registry) {
            return new Concurrency(e.reservedConcurrency);
        }
    }

    // ---- versions (used by VersionActions and by Publish=true) ----

    /** Publishes $LATEST unless the newest version already has the same code and configuration. Holds the lock. */
    FunctionVersion publish(FunctionRegistry.Entry e, String description) {
        FunctionVersion l = e.latest;
        if (!e.versions.isEmpty()) {
            FunctionVersion last = e.versions.lastEntry().getValue();
            if (last.codeSha256().equals(l.codeSha256()) && last.handler().equals(l.handler())
                    && last.runtime() == l.runtime() && last.memoryMb() == l.memoryMb()
                    && last.timeoutSeconds() == l.timeoutSeconds() && last.environment().equals(l.environment())
                    && last.layers().equals(l.layers())) {
                return last;
            }
        }
        int n = ++e.lastVersion;
        FunctionVersion v = new FunctionVersion(l.name(), l.arn(), Integer.toString(n), l.runtime(), l.handler(), l.role(),
                description == null ? l.description() : description, l.memoryMb(), l.timeoutSeconds(), l.environment(),
                l.codeSha256(), l.codeSize(), l.taskRoot(), l.codeZip(), l.layers(), l.layerJars(), now(),
                UUID.randomUUID().toString());
        e.versions.put(n, v);
        return v;
    }

    FunctionConfiguration configuration(FunctionVersion v) {
        List<Layer> layers = v.layers().isEmpty() ? null : v.layers().stream().map(l -> new Layer(l, null)).toList();
        return new FunctionConfiguration(v.name(), v.version().equals("$LATEST") ? v.arn() : v.qualifiedArn(),
                v.runtime().id, v.role(), v.handler(), v.codeSize(), v.description(), v.timeoutSeconds(), v.memoryMb(),
                v.lastModified(), v.codeSha256(), v.version(),
                v.environment().isEmpty() ? null : new Environment(v.environment()), v.revisionId(), layers, "Active",
                "Successful", "Zip", List.of("x86_64"), Map.of("Size", 512), Map.of("Mode", "PassThrough"),
                Map.of("LogFormat", "Text", "LogGroup", v.logGroup()), Map.of("ApplyOn", "None", "OptimizationStatus", "Off"));
    }

    // ---- helpers ----

    private void checkRuntimeEnum(String runtime, List<String> errors) {
        if (runtime != null && !AWS_RUNTIMES.contains(runtime)) {
            errors.add(ValidationException.constraint(runtime, "runtime", "Member must satisfy enum value set: "
                    + AWS_RUNTIMES));
        }
    }

    private static void checkRanges(Integer memory, Integer timeout, List<String> errors) {
        if (memory != null && memory < Limits.MIN_MEMORY_MB) {
            errors.add(ValidationException.constraint(memory, "memorySize",
                    "Member must have value greater than or equal to " + Limits.MIN_MEMORY_MB));
        }
        if (memory != null && memory > Limits.MAX_MEMORY_MB) {
            errors.add(ValidationException.constraint(memory, "memorySize",
                    "Member must have value less than or equal to " + Limits.MAX_MEMORY_MB));
        }
        if (timeout != null && timeout < Limits.MIN_TIMEOUT_S) {
            errors.add(ValidationException.constraint(timeout, "timeout",
                    "Member must have value greater than or equal to " + Limits.MIN_TIMEOUT_S));
        }
        if (timeout != null && timeout > Limits.MAX_TIMEOUT_S) {
            errors.add(ValidationException.constraint(timeout, "timeout",
                    "Member must have value less than or equal to " + Limits.MAX_TIMEOUT_S));
        }
    }

    private static Runtime supportedRuntime(String id) {
        if (id == null) {
            throw InvalidParameterValueException.of("The Runtime parameter is required for a Zip package.");
        }
        return Runtime.of(id).orElseThrow(() -> InvalidParameterValueException.of("The runtime parameter of " + id
                + " is not supported by Slipway, which runs " + Runtime.ids() + "."));
    }

    private static Map<String, String> environment(Environment env) {
        if (env == null || env.variables() == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : env.variables().entrySet()) {
            if (!e.getKey().matches("[a-zA-Z]([a-zA-Z0-9_])+")) {
                throw ValidationException.of(List.of(ValidationException.constraint("[" + e.getKey() + "]",
                        "environment.variables", "Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+")));
            }
            if (ReservedVariables.isReserved(e.getKey())) {
                throw InvalidParameterValueException.of("Lambda was unable to configure your environment variables "
                        + "because the environment variables you have provided contains reserved keys that are currently "
                        + "not supported for modification. Reserved keys used in this request: " + e.getKey());
            }
        }
        // Lambda measures the compact JSON of the map (its error quotes it as "String measured: {…}"),
        // so quotes, colons, commas and escapes count, not only names and values.
        String measured = environmentJson(env.variables());
        if (measured.getBytes(StandardCharsets.UTF_8).length > Limits.ENVIRONMENT_BYTES) {
            throw InvalidParameterValueException.environmentTooLarge(measured);
        }
        Map<String, String> out = new LinkedHashMap<>();
        env.variables().forEach((k, v) -> out.put(k, v == null ? "" : v));
        return Map.copyOf(out);
    }

    private static String environmentJson(Map<String, String> variables) {
        Map<String, String> copy = new LinkedHashMap<>();
        variables.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        try {
            return dev.slipway.protocol.Json.MAPPER.writeValueAsString(copy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> layerJars(List<String> layers) {
        if (layers == null) {
            return List.of();
        }
        if (layers.size() > Limits.LAYERS) {
            throw InvalidParameterValueException.of("Cannot reference more than " + Limits.LAYERS + " layers.");
        }
        List<Path> jars = new ArrayList<>();
        for (String layer : layers) {
            Path p = Path.of(layer.startsWith("file:") ? java.net.URI.create(layer).getPath() : layer);
            if (layer.startsWith("arn:") || !p.toFile().isFile()) {
                throw InvalidParameterValueException.layerNotFound(layer);
            }
            jars.addAll(code.layerJars(p));
        }
        return List.copyOf(jars);
    }

    /** Code.ZipFile is limited to 50 MB by the request size; code from S3 only by its unzipped size. */
    private CodeStore.Code store(FunctionCode c, String operation) {
        if (c == null) {
            throw InvalidParameterValueException.noCode();
        }
        if (c.imageUri() != null) {
            throw InvalidParameterValueException.invalidHandlerForImage();
        }
        if (c.localPath() != null) {
            return code.storePath(Path.of(c.localPath()));
        }
        if (c.zipFile() != null) {
            if (c.zipFile().length > Limits.ZIP_UPLOAD_BYTES) {
                throw RequestEntityTooLargeException.zipFile(operation);
            }
            return code.storeZip(c.zipFile());
        }
        if (c.s3Bucket() != null && c.s3Key() != null) {
            ObjectReader reader = objects.orElseThrow(() -> InvalidParameterValueException.of(
                    "Code.S3Bucket needs Slipway's S3: start the local cloud, or give Code.ZipFile."));
            try {
                Optional<InputStream> in = reader.open(c.s3Bucket(), c.s3Key());
                if (in.isEmpty()) {
                    throw InvalidParameterValueException.s3ObjectMissing(c.s3Bucket(), c.s3Key());
                }
                try (InputStream stream = in.get()) {
                    return code.storeZip(stream.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw InvalidParameterValueException.noCode();
    }

    private static void checkRevision(String current, String expected) {
        if (expected != null && !expected.equals(current)) {
            throw PreconditionFailedException.revision();
        }
    }

    private String now() {
        return clock.instant().atOffset(ZoneOffset.UTC).format(LAST_MODIFIED);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
