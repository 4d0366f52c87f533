package dev.slipway.lambda;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Put/Get/Delete/ListProvisionedConcurrencyConfigs on a published version or an alias (its main
 * version). Putting a config starts that many workers of the version at once (status IN_PROGRESS,
 * READY when all are ready, FAILED when an init failed); they are kept warm, never reaped while the
 * config exists, and on java25 run with the JVM's full tiered JIT as Lambda's do. Configs live in
 * memory and are checked against the function registry on every read, so a deleted function,
 * version or alias takes its config with it.
 */
final class ProvisionedConcurrencyActions {
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** How workers are provisioned (the invoke path's pools). */
    interface Provisioner {
        CompletableFuture<Void> provision(FunctionVersion version, int count);
    }

    /** One config; its status fields change as its workers start. Guarded by the actions' lock. */
    private static final class Config {
        final FunctionRegistry.Entry function;
        final int requested;
        final String lastModified;
        String status = "IN_PROGRESS";
        String statusReason;
        int allocated;

        Config(FunctionRegistry.Entry function, int requested, String lastModified) {
            this.function = function;
            this.requested = requested;
            this.lastModified = lastModified;
        }
    }

    private final FunctionRegistry registry;
    private final FunctionActions functions;
    private final Clock clock;
    private volatile Provisioner provisioner = (v, n) -> CompletableFuture.completedFuture(null);
    /** Function name → qualifier (version number or alias name) → config. */
    private final Map<String, Map<String, Config>> configs = new LinkedHashMap<>();

    ProvisionedConcurrencyActions(FunctionRegistry registry, FunctionActions functions, Clock clock) {
        this.registry = registry;
        this.functions = functions;
        this.clock = clock;
    }

    void provisioner(Provisioner provisioner) {
        this.provisioner = provisioner;
    }

    ProvisionedConcurrencyConfig put(String functionName, Optional<String> qualifierParam, Integer executions) {
        if (executions == null || executions < 1) {
            throw ValidationException.of(List.of(ValidationException.constraint(executions,
                    "provisionedConcurrentExecutions", executions == null ? "Member must not be null"
                            : "Member must have value greater than or equal to 1")));
        }
        String qualifier = qualifier(functionName, qualifierParam);
        if (qualifier.equals("$LATEST")) {
            throw InvalidParameterValueException.provisionedOnUnpublished();
        }
        FunctionRegistry.Entry e = functions.entry(functionName);
        FunctionVersion version;
        Config config;
        synchronized (this) {
            version = resolve(e, qualifier);
            Map<String, Config> mine = live(e);
            if (isAlias(qualifier)) {
                if (mine.containsKey(version.version())) {
                    throw ResourceConflictException.versionAlreadyProvisioned();
                }
            } else {
                for (Map.Entry<String, Config> other : mine.entrySet()) {
                    if (isAlias(other.getKey()) && aliasVersion(e, other.getKey()).equals(qualifier)) {
                        throw ResourceConflictException.versionPointedByProvisionedAlias();
                    }
                }
            }
            config = new Config(e, executions, clock.instant().atOffset(ZoneOffset.UTC).format(LAST_MODIFIED));
            mine.put(qualifier, config);
        }
        provisioner.provision(version, executions).whenComplete((ok, failure) -> {
            synchronized (this) {
                if (failure == null) {
                    config.status = "READY";
                    config.allocated = config.requested;
                } else {
                    config.status = "FAILED";
                    config.statusReason = "FUNCTION_ERROR_INIT_FAILURE";
                }
            }
            if (failure != null) {
                // no endless restarts of a function whose init fails: its workers are no longer kept
                provisioner.provision(version, 0);
            }
        });
        synchronized (this) {
            return view(null, config);
        }
    }

    ProvisionedConcurrencyConfig get(String functionName, Optional<String> qualifierParam) {
        String qualifier = qualifier(functionName, qualifierParam);
        if (qualifier.equals("$LATEST")) {
            throw InvalidParameterValueException.aliasOrPublishedVersionRequired();
        }
        FunctionRegistry.Entry e = functions.entry(functionName);
        synchronized (this) {
            resolve(e, qualifier);
            Config c = live(e).get(qualifier);
            if (c == null) {
                throw ProvisionedConcurrencyConfigNotFoundException.of();
            }
            return view(null, c);
        }
    }

    /** Idempotent, as Lambda's: deleting a config that is not there succeeds. */
    void delete(String functionName, Optional<String> qualifierParam) {
        String qualifier = qualifier(functionName, qualifierParam);
        if (qualifier.equals("$LATEST")) {
            throw InvalidParameterValueException.aliasOrPublishedVersionRequired();
        }
        FunctionRegistry.Entry e = functions.entry(functionName);
        FunctionVersion version;
        synchronized (this) {
            version = resolve(e, qualifier);
            if (live(e).remove(qualifier) == null) {
                return;
            }
        }
        // the workers stay until idle for the idle timeout, like any other
        provisioner.provision(version, count(version));
    }

    ListProvisionedConcurrencyConfigsResponse list(String functionName, Optional<String> marker, Optional<Integer> maxItems) {
        FunctionRegistry.Entry e = functions.entry(functionName);
        List<ProvisionedConcurrencyConfig> all = new ArrayList<>();
        synchronized (this) {
            live(e).forEach((qualifier, c) -> all.add(view(e.latest.arn() + ":" + qualifier, c)));
        }
        int from = marker.map(m -> {
            try {
                return Integer.parseInt(m);
            } catch (NumberFormatException ex) {
                throw InvalidParameterValueException.of("Invalid Marker: " + m);
            }
        }).orElse(0);
        int size = Math.max(1, Math.min(50, maxItems.orElse(50)));
        int to = Math.min(all.size(), from + size);
        return new ListProvisionedConcurrencyConfigsResponse(all.subList(Math.min(from, to), to),
                to < all.size() ? Integer.toString(to) : null);
    }

    /**
     * The provisioned concurrency of a version: its own config's plus those of aliases whose main
     * version it is, 0 when none (or the only one FAILED).
     */
    int count(FunctionVersion v) {
        if (v.version().equals("$LATEST")) {
            return 0;
        }
        Optional<FunctionRegistry.Entry> e = registry.find(v.name());
        if (e.isEmpty()) {
            return 0;
        }
        synchronized (this) {
            int n = 0;
            for (Map.Entry<String, Config> c : live(e.get()).entrySet()) {
                String target = isAlias(c.getKey()) ? aliasVersion(e.get(), c.getKey()) : c.getKey();
                if (target.equals(v.version()) && !c.getValue().status.equals("FAILED")) {
                    n += c.getValue().requested;
                }
            }
            return n;
        }
    }

    // ---- helpers ----

    private static String qualifier(String functionName, Optional<String> qualifierParam) {
        Optional<String> q = qualifierParam.or(() -> FunctionName.parse(functionName, "functionName").qualifier());
        if (q.isEmpty()) {
            throw ValidationException.of(List.of(ValidationException.constraint(null, "qualifier", "Member must not be null")));
        }
        return q.get();
    }

    /** The version a qualifier names, with the provisioned concurrency actions' wording when it does not exist. */
    private FunctionVersion resolve(FunctionRegistry.Entry e, String qualifier) {
        synchronized (registry) {
            if (isAlias(qualifier)) {
                AliasConfiguration alias = e.aliases.get(qualifier);
                if (alias == null) {
                    throw ResourceNotFoundException.aliasArn(e.latest.arn() + ":" + qualifier);
                }
                return functions.versionOf(e, alias.functionVersion());
            }
            return functions.versionOf(e, qualifier);
        }
    }

    private String aliasVersion(FunctionRegistry.Entry e, String alias) {
        synchronized (registry) {
            AliasConfiguration a = e.aliases.get(alias);
            return a == null ? "" : a.functionVersion();
        }
    }

    /**
     * The function's configs, dropping those whose function (deleted, maybe created again), version
     * or alias is gone. Holds this lock.
     */
    private Map<String, Config> live(FunctionRegistry.Entry e) {
        Map<String, Config> mine = configs.computeIfAbsent(e.latest.name(), k -> new LinkedHashMap<>());
        synchronized (registry) {
            mine.entrySet().removeIf(c -> c.getValue().function != e || (isAlias(c.getKey())
                    ? !e.aliases.containsKey(c.getKey()) : !e.versions.containsKey(Integer.parseInt(c.getKey()))));
        }
        return mine;
    }

    private static boolean isAlias(String qualifier) {
        return !qualifier.chars().allMatch(Character::isDigit);
    }

    private static ProvisionedConcurrencyConfig view(String functionArn, Config c) {
        return new ProvisionedConcurrencyConfig(functionArn, c.requested, c.allocated, c.allocated, c.status,
                c.statusReason, c.lastModified);
    }
}
