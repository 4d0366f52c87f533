package dev.slipway.examples.rewards.it;

import static dev.slipway.examples.rewards.it.LocalCloud.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint through API Gateway, the Lambda workers and DynamoDB. NEEDS THE LOCAL CLOUD: skipped
 * unless {@code peerRewards.apiUrl} is set (see {@link LocalCloud}). Each test registers its own users,
 * so tests can share a stage.
 */
@Tag("integration")
class RewardsApiTest {

    Api api;
    String alice;
    String bob;

    @BeforeEach
    void registerUsers() {
        api = new Api(LocalCloud.apiUrl());
        alice = uniqueUsername("alice");
        bob = uniqueUsername("bob");
        assertThat(api.register(alice).status()).isEqualTo(201);
        assertThat(api.register(bob).status()).isEqualTo(201);
    }

    static void assertError(Api.Response response, int status, String error) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.json().get("error").asText()).isEqualTo(error);
        assertThat(response.json().get("message").asText()).isNotBlank();
    }

    @Test
    void users_registerListAndLookUpWithBatchGet_missingNamesAbsent() {
        assertError(api.register(alice), 409, "UsernameTaken");
        assertError(api.register("No"), 400, "ValidationError");

        assertThat(api.get("/users").json().get("items").findValuesAsText("username")).contains(alice, bob);
        var lookup = api.get("/users?usernames=" + bob + ",nobody-xyz," + alice);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(lookup.json().get("items").findValuesAsText("username")).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void give_appearsFirstInTheFeedAndInTheRecipientsList_andCountsOnTheLeaderboard() {
        var given = api.give(alice, bob, 42, "Thanks for the review!");
        assertThat(given.status()).as(given.raw().body()).isEqualTo(201);
        String id = given.json().get("id").asText();

        assertThat(api.get("/rewards?limit=5").json().get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(api.get("/rewards?to=" + bob).json().get("items").findValuesAsText("id")).containsExactly(id);
        assertThat(api.get("/rewards?from=" + alice).json().get("items").findValuesAsText("id")).containsExactly(id);
        assertThat(api.get("/users?usernames=" + bob).json().at("/items/0/points").asLong()).isEqualTo(42);
        JsonNode board = api.get("/rewards/leaderboard?limit=50").json().get("items");
        assertThat(board.findValuesAsText("username")).contains(bob);
        var points = board.findValues("points").stream().map(JsonNode::asLong).toList();
        assertThat(points).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void give_invalidRewards_answerWithConsistentJsonErrors() {
        assertError(api.give(alice, alice, 5, "me"), 400, "ValidationError");
        assertError(api.give(alice, "nobody-xyz", 5, "hi"), 404, "UserNotFound");
        assertError(api.give(alice, bob, 0, "hi"), 400, "ValidationError");
        assertError(api.give(alice, bob, 101, "hi"), 400, "ValidationError");
        assertError(api.give(alice, bob, 5, "x".repeat(281)), 400, "ValidationError");
        assertError(api.post("/rewards", "{not json"), 400, "InvalidJson");
        assertThat(api.get("/rewards?to=" + bob).json().get("items")).isEmpty();
    }

    @Test
    void lists_pageNewestFirstWithTheNextToken() {
        IntStream.rangeClosed(1, 5).forEach(i -> assertThat(api.give(alice, bob, i, "m" + i).status()).isEqualTo(201));

        var messages = new ArrayList<String>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/rewards?to=" + bob + "&limit=2" + (next == null ? "" : "&next=" + next)).json();
            page.get("items").forEach(item -> messages.add(item.get("message").asText()));
            next = page.hasNonNull("next") ? page.get("next").asText() : null;
            pages++;
        } while (next != null && pages < 10);

        assertThat(messages).containsExactly("m5", "m4", "m3", "m2", "m1");
        assertThat(pages).isEqualTo(3);
        assertError(api.get("/rewards?next=bm90LWEtdG9rZW4"), 400, "ValidationError");
    }

    @Test
    void withdraw_onlyByTheGiver() {
        String id = api.give(alice, bob, 7, "oops").json().get("id").asText();

        assertError(api.delete("/rewards/" + id + "?from=" + bob), 403, "NotYourReward");
        assertThat(api.delete("/rewards/" + id + "?from=" + alice).status()).isEqualTo(200);
        assertError(api.delete("/rewards/" + id + "?from=" + alice), 404, "RewardNotFound");
        assertThat(api.get("/users?usernames=" + bob).json().at("/items/0/points").asLong()).isZero();
        // Withdrawing after 5 minutes (409) is covered by RewardServiceTest with a clock the test moves.
    }

    @Test
    void concurrentRewards_areAllCountedByTheAtomicTotal() throws Exception {
        List<String> givers = IntStream.range(0, 4).mapToObj(i -> uniqueUsername("giver" + i)).toList();
        givers.forEach(giver -> assertThat(api.register(giver).status()).isEqualTo(201));

        try (var pool = Executors.newFixedThreadPool(8)) {
            var statuses = IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> api.give(givers.get(i % 4), bob, 3, "thanks " + i).status()))
                    .toList();
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        }

        assertThat(api.get("/users?usernames=" + bob).json().at("/items/0/points").asLong()).isEqualTo(120);
    }

    @Test
    void corsPreflight_allowsTheSpaFromAnyOrigin() {
        var preflight = api.send("OPTIONS", "/rewards", null);

        assertThat(preflight.status()).isBetween(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
}
