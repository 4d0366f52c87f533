package dev.slipway.deploy.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.deploy.DeployException;
import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How one function is released: its strategy, hooks, alarms and local gates. Read from
 * {@code custom.slipway.deployment} (the service's strategy), {@code custom.slipway.deploymentSettings}
 * (the service's hooks, alarms and gates) and {@code functions.<fn>.deploymentSettings} (a function's
 * own, with {@code type} for its strategy, as serverless-plugin-canary-deployments names it); a
 * {@code --strategy} given on the command line wins over both.
 *
 * @param strategy how traffic moves
 * @param preTrafficHook the function (deployed name) invoked before any traffic moves; its error fails the release
 * @param postTrafficHook the function invoked once all traffic is on the new version
 * @param alarms CloudWatch alarm names; on AWS any of them in ALARM fails the release
 * @param gates thresholds on the new version's own metrics (the local cloud)
 */
public record ReleaseSettings(Strategy strategy, Optional<String> preTrafficHook, Optional<String> postTrafficHook,
        List<String> alarms, Gates gates) {

    /**
     * Thresholds on the new version's invocations since the release started. A gate is read only
     * once {@code minInvocations} (at least one) invocations reached the new version; a step does
     * not end before that many arrived, for at most the step's un-accelerated hold.
     *
     * @param maxErrorRate errors / invocations above this fail (0.05 = 5 %)
     * @param maxP50Millis median duration above this fails, if set
     * @param maxP90Millis 90th percentile above this fails, if set
     * @param maxP99Millis 99th percentile above this fails, if set
     * @param minInvocations invocations the new version must have served before a step ends
     */
    public record Gates(double maxErrorRate, OptionalDouble maxP50Millis, OptionalDouble maxP90Millis,
            OptionalDouble maxP99Millis, int minInvocations) {
        public static final Gates DEFAULT = new Gates(0.05, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0);
    }

    public ReleaseSettings {
        alarms = List.copyOf(alarms);
    }

    public static ReleaseSettings allAtOnce() {
        return new ReleaseSettings(Strategy.find(Strategy.ALL_AT_ONCE).orElseThrow(), Optional.empty(),
                Optional.empty(), List.of(), Gates.DEFAULT);
    }

    static final Set<String> KEYS = Set.of("type", "preTrafficHook", "postTrafficHook", "alarms", "maxErrorRate",
            "maxP50Millis", "maxP90Millis", "maxP99Millis", "minInvocations");

    /**
     * Every function's settings (function key → settings).
     *
     * @param strategyOverride {@code slipway deploy --strategy}
     */
    public static Map<String, ReleaseSettings> of(Service service, Optional<String> strategyOverride) {
        JsonNode config = service.resolvedConfiguration();
        JsonNode serviceWide = config.path("custom").path("slipway").path("deploymentSettings");
        String sp = "custom.slipway.deploymentSettings";
        if (!serviceWide.isMissingNode() && !serviceWide.isNull() && !serviceWide.isObject()) {
            throw invalid(sp + " must be a map", "write e.g. deploymentSettings: {alarms: [ApiErrors], maxErrorRate: 0.05}");
        }
        if (serviceWide.has("type")) {
            throw invalid(sp + ".type is not read: the service's strategy is custom.slipway.deployment",
                    "move it to custom.slipway.deployment (functions.<fn>.deploymentSettings.type overrides it per function)");
        }
        Optional<Strategy> override = strategyOverride.map(n -> strategy(n, "--strategy"));
        Strategy serviceStrategy = service.slipway().deployment()
                .map(n -> strategy(n, "custom.slipway.deployment"))
                .orElse(Strategy.find(Strategy.ALL_AT_ONCE).orElseThrow());
        Map<String, ReleaseSettings> out = new LinkedHashMap<>();
        for (FunctionSpec f : service.functions().values()) {
            JsonNode own = config.path("functions").path(f.key()).path("deploymentSettings");
            String fp = "functions." + f.key() + ".deploymentSettings";
            if (!own.isMissingNode() && !own.isNull() && !own.isObject()) {
                throw invalid(fp + " must be a map", "write e.g. deploymentSettings: {type: Canary10Percent5Minutes}");
            }
            check(serviceWide, sp);
            check(own, fp);
            Strategy s = override.orElseGet(() -> text(own, "type")
                    .map(n -> strategy(n, fp + ".type")).orElse(serviceStrategy));
            Optional<String> pre = text(own, "preTrafficHook").or(() -> text(serviceWide, "preTrafficHook"))
                    .map(h -> hook(service, h));
            Optional<String> post = text(own, "postTrafficHook").or(() -> text(serviceWide, "postTrafficHook"))
                    .map(h -> hook(service, h));
            List<String> alarms = own.has("alarms") ? strings(own, fp + ".alarms") : strings(serviceWide, sp + ".alarms");
            Gates gates = new Gates(
                    number(own, fp, "maxErrorRate").or(() -> number(serviceWide, sp, "maxErrorRate"))
                            .orElse(Gates.DEFAULT.maxErrorRate()),
                    optional(number(own, fp, "maxP50Millis").or(() -> number(serviceWide, sp, "maxP50Millis"))),
                    optional(number(own, fp, "maxP90Millis").or(() -> number(serviceWide, sp, "maxP90Millis"))),
                    optional(number(own, fp, "maxP99Millis").or(() -> number(serviceWide, sp, "maxP99Millis"))),
                    number(own, fp, "minInvocations").or(() -> number(serviceWide, sp, "minInvocations"))
                            .map(Double::intValue).orElse(0));
            if (gates.maxErrorRate() < 0 || gates.maxErrorRate() > 1) {
                throw invalid("maxErrorRate " + gates.maxErrorRate() + " is not a rate between 0 and 1",
                        "write 0.05 for 5 %");
            }
            // a hook function is not its own hook
            pre = pre.filter(h -> !h.equals(f.deployedName()));
            post = post.filter(h -> !h.equals(f.deployedName()));
            out.put(f.key(), new ReleaseSettings(s, pre, post, alarms, gates));
        }
        return out;
    }

    /** The strategy of that name, or a clear error naming the known ones. */
    public static Strategy strategy(String name, String where) {
        return Strategy.find(name).orElseThrow(() -> invalid(where + ": unknown deployment strategy \"" + name + "\"",
                "use one of " + String.join(", ", Strategy.names())));
    }

    private static void check(JsonNode o, String path) {
        if (!o.isObject()) {
            return;
        }
        o.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw invalid("unknown key \"" + k + "\" in " + path, "the keys are " + String.join(", ", KEYS.stream()
                        .sorted().toList()));
            }
        });
    }

    /** A hook names a function of the service by its key, or any function by its deployed name. */
    private static String hook(Service service, String name) {
        return service.function(name).map(FunctionSpec::deployedName).orElse(name);
    }

    private static Optional<String> text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }

    private static Optional<Double> number(JsonNode o, String path, String key) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isNumber()) {
            return Optional.of(n.asDouble());
        }
        try {
            return Optional.of(Double.parseDouble(n.asText()));
        } catch (NumberFormatException e) {
            throw invalid(path + "." + key + " must be a number, not " + n, "write it without quotes, e.g. " + key + ": 10");
        }
    }

    private static OptionalDouble optional(Optional<Double> d) {
        return d.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static List<String> strings(JsonNode o, String path) {
        JsonNode n = o.get("alarms");
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw invalid(path + " must be a list of CloudWatch alarm names", "write alarms: [ApiErrors, ApiLatency]");
        }
        for (JsonNode a : n) {
            if (!a.isTextual()) {
                throw invalid(path + " must list alarm names, not " + a, "write the alarm's name, e.g. alarms: [ApiErrors]");
            }
            out.add(a.asText());
        }
        return out;
    }

    private static DeployException invalid(String message, String hint) {
        return new DeployException(message, hint);
    }
}
