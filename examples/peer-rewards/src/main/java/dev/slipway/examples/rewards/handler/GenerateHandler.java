package dev.slipway.examples.rewards.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.slipway.examples.rewards.App;
import dev.slipway.examples.rewards.service.RandomRewards;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code generate} function, fired by a schedule with the constant input {@code {"source":"schedule"}}
 * (any JSON object works, e.g. a test invoking it directly): gives one random reward between two random
 * users, for demos and load. Answers {@code {"given": reward}} or {@code {"skipped": reason}}.
 */
public final class GenerateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final RandomRewards randomRewards;

    public GenerateHandler() {
        this(App.instance());
    }

    public GenerateHandler(App app) {
        this.randomRewards = app.randomRewards();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        var result = new LinkedHashMap<String, Object>();
        result.put("source", input == null ? "direct" : input.getOrDefault("source", "direct"));
        randomRewards.giveOne().ifPresentOrElse(
                reward -> result.put("given", Json.MAPPER.convertValue(reward, Map.class)),
                () -> result.put("skipped", "fewer than two users are registered"));
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("generate: " + result + "\n");
        }
        return result;
    }
}
