package dev.slipway.apigateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All APIs, keys and usage plans of the local cloud (one account and region). */
final class ApiStore {
    final Map<String, RestApi> restApis = new ConcurrentHashMap<>();
    final Map<String, HttpApi> httpApis = new ConcurrentHashMap<>();
    final Map<String, ApiKey> apiKeys = new ConcurrentHashMap<>();
    final Map<String, UsagePlan> usagePlans = new ConcurrentHashMap<>();

    /**
     * @param stageKeys legacy StageKeys, as {@code apiId/stage}
     */
    record ApiKey(String id, String name, String value, boolean enabled, List<String> stageKeys) {}

    /**
     * @param apiStages {@code apiId/stage} pairs the plan covers
     * @param keyIds API key ids added by UsagePlanKey
     */
    record UsagePlan(String id, String name, List<String> apiStages, java.util.Set<String> keyIds) {}

    /** Whether a key value may call the stage: an enabled key in a usage plan covering it. */
    boolean keyAllowed(String value, String apiId, String stage) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        String apiStage = apiId + "/" + stage;
        for (ApiKey k : apiKeys.values()) {
            if (!k.enabled() || !k.value().equals(value)) {
                continue;
            }
            if (k.stageKeys().contains(apiStage)) {
                return true;
            }
            for (UsagePlan p : usagePlans.values()) {
                if (p.keyIds().contains(k.id()) && p.apiStages().contains(apiStage)) {
                    return true;
                }
            }
        }
        return false;
    }
}
