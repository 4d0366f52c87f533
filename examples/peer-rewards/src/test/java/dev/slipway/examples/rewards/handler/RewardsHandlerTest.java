package dev.slipway.examples.rewards.handler;

import static dev.slipway.examples.rewards.handler.ApiEvents.json;
import static dev.slipway.examples.rewards.handler.ApiEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.examples.rewards.App;
import dev.slipway.examples.rewards.MutableClock;
import dev.slipway.examples.rewards.model.Page;
import dev.slipway.examples.rewards.model.Reward;
import dev.slipway.examples.rewards.repository.RewardRepository;
import dev.slipway.examples.rewards.repository.memory.InMemoryUserRepository;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RewardsHandlerTest {

    final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
    final App app = App.inMemory(clock);
    final RewardsHandler handler = new RewardsHandler(app);

    @BeforeEach
    void registerUsers() {
        app.users().register("alice", "Alice");
        app.users().register("bob", "Bob");
    }

    APIGatewayProxyResponseEvent give(String body) {
        var response = handler.handleRequest(request("POST", "/rewards", "/rewards").withBody(body), null);
        clock.advance(Duration.ofSeconds(1));
        return response;
    }

    APIGatewayProxyResponseEvent get(String resource, Map<String, String> query) {
        return handler.handleRequest(request("GET", resource, resource).withQueryStringParameters(query), null);
    }

    APIGatewayProxyResponseEvent delete(String id, String from) {
        return handler.handleRequest(request("DELETE", "/rewards/{id}", "/rewards/" + id)
                .withPathParameters(Map.of("id", id))
                .withQueryStringParameters(from == null ? null : Map.of("from", from)), null);
    }

    static void assertError(APIGatewayProxyResponseEvent response, int status, String error, String message) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isEqualTo(message);
    }

    @Nested
    class Give {

        @Test
        void post_givesTheRewardAndAnswers201() {
            var response = give("{\"from\":\"alice\",\"to\":\"bob\",\"points\":5,\"message\":\"Thanks!\"}");

            assertThat(response.getStatusCode()).isEqualTo(201);
            assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
            JsonNode reward = json(response);
            assertThat(reward.get("id").asText()).isNotBlank();
            assertThat(reward.get("from").asText()).isEqualTo("alice");
            assertThat(reward.get("to").asText()).isEqualTo("bob");
            assertThat(reward.get("points").asInt()).isEqualTo(5);
            assertThat(reward.get("message").asText()).isEqualTo("Thanks!");
            assertThat(reward.get("createdAt").asText()).isEqualTo("2026-11-26T12:00:00Z");
        }

        @Test
        void post_aSelfReward_answers400() {
            assertError(give("{\"from\":\"alice\",\"to\":\"alice\",\"points\":5,\"message\":\"me\"}"),
                    400, "ValidationError", "you cannot reward yourself");
        }

        @Test
        void post_toAnUnknownUser_answers404() {
            assertError(give("{\"from\":\"alice\",\"to\":\"zed\",\"points\":5,\"message\":\"hi\"}"),
                    404, "UserNotFound", "user zed is not registered");
        }

        @Test
        void post_withFractionalOrTextPoints_answers400() {
            for (String points : new String[] {"2.5", "\"5\"", "true", "1e3"}) {
                assertError(give("{\"from\":\"alice\",\"to\":\"bob\",\"points\":" + points + ",\"message\":\"hi\"}"),
                        400, "ValidationError", "points must be a whole number between 1 and 100");
            }
        }

        @Test
        void post_withSeveralInvalidFields_listsThemAllInFields() {
            var response = give("{\"from\":\"alice\",\"to\":\"bob\",\"points\":500,\"message\":\"\"}");

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(json(response).get("fields").toString()).isEqualTo("{\"points\":\"points must be between 1"
                    + " and 100 (got 500)\",\"message\":\"message is required\"}");
        }
    }

    @Nested
    class Lists {

        @Test
        void get_returnsTheFeedNewestFirst_inPagesLinkedByNext() {
            for (int i = 1; i <= 3; i++) {
                give("{\"from\":\"alice\",\"to\":\"bob\",\"points\":" + i + ",\"message\":\"m" + i + "\"}");
            }

            JsonNode first = json(get("/rewards", Map.of("limit", "2")));
            JsonNode second = json(get("/rewards", Map.of("limit", "2", "next", first.get("next").asText())));

            assertThat(first.get("items").findValuesAsText("message")).containsExactly("m3", "m2");
            assertThat(second.get("items").findValuesAsText("message")).containsExactly("m1");
            assertThat(second.has("next")).isFalse();
        }

        @Test
        void get_withToOrFrom_listsOneUsersRewards() {
            give("{\"from\":\"alice\",\"to\":\"bob\",\"points\":1,\"message\":\"a to b\"}");
            give("{\"from\":\"bob\",\"to\":\"alice\",\"points\":2,\"message\":\"b to a\"}");

            assertThat(json(get("/rewards", Map.of("to", "bob"))).get("items").findValuesAsText("message"))
                    .containsExactly("a to b");
            assertThat(json(get("/rewards", Map.of("from", "bob"))).get("items").findValuesAsText("message"))
                    .containsExactly("b to a");
        }

        @Test
        void get_withBothToAndFrom_answers400() {
            assertError(get("/rewards", Map.of("to", "bob", "from", "alice")), 400, "ValidationError",
                    "ask for rewards received (to) or given (from), not both");
        }

        @Test
        void get_withANonNumericLimit_answers400() {
            assertError(get("/rewards", Map.of("limit", "ten")), 400, "ValidationError",
                    "limit must be a whole number (got \"ten\")");
        }

        @Test
        void get_withATamperedNextToken_answers400() {
            assertError(get("/rewards", Map.of("next", "eyJoYWNrIjp0cnVlfQ")), 400, "ValidationError",
                    "next is not a token returned by this list; start again without it");
        }

        @Test
        void getLeaderboard_ranksByPointsReceived() {
            app.users().register("carol", "Carol");
            give("{\"from\":\"alice\",\"to\":\"bob\",\"points\":10,\"message\":\"x\"}");
            give("{\"from\":\"alice\",\"to\":\"carol\",\"points\":20,\"message\":\"y\"}");

            var response = get("/rewards/leaderboard", Map.of("limit", "5"));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(json(response).get("items").toString()).isEqualTo(
                    "[{\"rank\":1,\"username\":\"carol\",\"displayName\":\"Carol\",\"points\":20},"
                            + "{\"rank\":2,\"username\":\"bob\",\"displayName\":\"Bob\",\"points\":10}]");
        }
    }

    @Nested
    class Withdraw {

        String rewardId;

        @BeforeEach
        void giveOne() {
            rewardId = json(give("{\"from\":\"alice\",\"to\":\"bob\",\"points\":5,\"message\":\"hi\"}"))
                    .get("id").asText();
        }

        @Test
        void delete_byTheGiver_withdrawsTheReward() {
            var response = delete(rewardId, "alice");

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(json(response).get("id").asText()).isEqualTo(rewardId);
            assertThat(json(get("/rewards", null)).get("items")).isEmpty();
        }

        @Test
        void delete_bySomeoneElse_answers403() {
            assertError(delete(rewardId, "bob"), 403, "NotYourReward",
                    "reward " + rewardId + " was not given by bob; only the giver can withdraw it");
        }

        @Test
        void delete_afterFiveMinutes_answers409() {
            clock.advance(Duration.ofMinutes(6));

            assertError(delete(rewardId, "alice"), 409, "WithdrawWindowClosed", "reward " + rewardId
                    + " can no longer be withdrawn: rewards can be withdrawn only within 5 minutes of giving them");
        }

        @Test
        void delete_ofAnUnknownReward_answers404() {
            assertError(delete("nope", "alice"), 404, "RewardNotFound", "reward nope does not exist (or was withdrawn)");
        }

        @Test
        void delete_withoutFrom_answers400() {
            assertError(delete(rewardId, null), 400, "ValidationError", "from is required");
        }
    }

    @Nested
    class Routing {

        @Test
        void anUnknownRoute_answers404() {
            assertError(handler.handleRequest(request("GET", "/rewards/x/y", "/rewards/x/y"), null),
                    404, "RouteNotFound", "no route for GET /rewards/x/y");
        }

        @Test
        void anEventWithoutResource_isRoutedByItsPath() {
            String id = json(give("{\"from\":\"alice\",\"to\":\"bob\",\"points\":5,\"message\":\"hi\"}"))
                    .get("id").asText();

            var board = handler.handleRequest(request("GET", null, "/rewards/leaderboard/"), null);
            var withdrawn = handler.handleRequest(request("DELETE", null, "/rewards/" + id)
                    .withQueryStringParameters(Map.of("from", "alice")), null);

            assertThat(json(board).at("/items/0/username").asText()).isEqualTo("bob");
            assertThat(withdrawn.getStatusCode()).isEqualTo(200);
            assertThat(json(withdrawn).get("id").asText()).isEqualTo(id);
        }

        @Test
        void putOnRewards_answers405() {
            var response = handler.handleRequest(request("PUT", "/rewards", "/rewards"), null);

            assertError(response, 405, "MethodNotAllowed", "PUT is not allowed on /rewards; use GET, POST");
            assertThat(response.getHeaders()).containsEntry("Allow", "GET, POST");
        }

        @Test
        void anUnexpectedFailure_answers500WithoutDetails() {
            RewardRepository broken = new FailingRewardRepository();
            var brokenHandler = new RewardsHandler(App.on(new InMemoryUserRepository(), broken, clock, new Random()));

            var response = brokenHandler.handleRequest(request("GET", "/rewards", "/rewards"), null);

            assertError(response, 500, "InternalError", "something went wrong on our side; please try again");
            assertThat(response.getBody()).doesNotContain("disk on fire");
        }
    }

    static final class FailingRewardRepository implements RewardRepository {

        @Override public void save(Reward reward) { throw new IllegalStateException("disk on fire"); }
        @Override public Optional<Reward> find(String id) { throw new IllegalStateException("disk on fire"); }
        @Override public boolean delete(String id) { throw new IllegalStateException("disk on fire"); }
        @Override public Page<Reward> feed(int limit, String next) { throw new IllegalStateException("disk on fire"); }
        @Override public Page<Reward> receivedBy(String u, int l, String n) { throw new IllegalStateException("x"); }
        @Override public Page<Reward> givenBy(String u, int l, String n) { throw new IllegalStateException("x"); }
    }
}
