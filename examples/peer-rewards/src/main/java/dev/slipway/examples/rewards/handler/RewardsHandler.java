package dev.slipway.examples.rewards.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.examples.rewards.App;
import dev.slipway.examples.rewards.service.BadRequest;
import dev.slipway.examples.rewards.service.GiveReward;
import dev.slipway.examples.rewards.service.MethodNotAllowed;
import dev.slipway.examples.rewards.service.NotFound;
import dev.slipway.examples.rewards.service.RewardService;
import dev.slipway.examples.rewards.service.Rules;
import java.util.Map;

/**
 * The {@code rewards} function.
 * <ul>
 * <li>{@code POST /rewards {"from", "to", "points", "message"}}: gives a reward, 201</li>
 * <li>{@code GET /rewards[?to=u | ?from=u][&limit=n][&next=token]}: the feed, or the rewards one user
 * received or gave; newest first, {@code {"items": [...], "next": "..."}}</li>
 * <li>{@code GET /rewards/leaderboard[?limit=n]}: {@code {"items": [{rank, username, displayName, points}]}}</li>
 * <li>{@code DELETE /rewards/{id}?from=u}: the giver withdraws a reward within 5 minutes</li>
 * </ul>
 */
public final class RewardsHandler extends ApiHandler {

    private final RewardService rewards;

    /** Used by Lambda: the services of {@link App#instance()}. */
    public RewardsHandler() {
        this(App.instance());
    }

    public RewardsHandler(App app) {
        this.rewards = app.rewards();
    }

    @Override
    Result route(ApiRequest request) {
        return switch (resource(request)) {
            case "/rewards" -> switch (request.method()) {
                case "GET" -> Result.ok(list(request));
                case "POST" -> Result.created(rewards.give(giveReward(request.jsonBody())));
                default -> throw MethodNotAllowed.of(request.method(), request.path(), "GET, POST");
            };
            case "/rewards/leaderboard" -> switch (request.method()) {
                case "GET" -> Result.ok(Map.of("items", rewards.leaderboard(request.intQuery("limit"))));
                default -> throw MethodNotAllowed.of(request.method(), request.path(), "GET");
            };
            case "/rewards/{id}" -> switch (request.method()) {
                case "DELETE" -> Result.ok(rewards.withdraw(rewardId(request), request.query("from")));
                default -> throw MethodNotAllowed.of(request.method(), request.path(), "DELETE");
            };
            default -> throw NotFound.route(request.method(), request.path());
        };
    }

    /** The matched resource; from the path for events without one (some emulators and test tools). */
    private static String resource(ApiRequest request) {
        return request.resource().orElseGet(() -> {
            String path = request.path();
            return path.startsWith("/rewards/") && path.indexOf('/', "/rewards/".length()) < 0
                    && !path.equals("/rewards/leaderboard") ? "/rewards/{id}" : path;
        });
    }

    private static String rewardId(ApiRequest request) {
        String id = request.pathParameter("id");
        return id != null ? id : request.path().substring("/rewards/".length());
    }

    private Object list(ApiRequest request) {
        String to = request.query("to");
        String from = request.query("from");
        Integer limit = request.intQuery("limit");
        String next = request.query("next");
        if (to != null && from != null) {
            throw BadRequest.field("to", "ask for rewards received (to) or given (from), not both");
        }
        if (to != null) {
            return rewards.receivedBy(to, limit, next);
        }
        return from != null ? rewards.givenBy(from, limit, next) : rewards.feed(limit, next);
    }

    private static GiveReward giveReward(JsonNode body) {
        return new GiveReward(Json.text(body, "from"), Json.text(body, "to"),
                Json.wholeNumber(body, "points",
                        "a whole number between " + Rules.POINTS_MIN + " and " + Rules.POINTS_MAX),
                Json.text(body, "message"));
    }
}
