package dev.slipway.examples.rewards.it;

import static dev.slipway.examples.rewards.it.Api.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.junit.DeployedService;
import dev.slipway.junit.SlipwayTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint through API Gateway, the Lambda workers and DynamoDB of Slipway's local cloud:
 * {@code @SlipwayTest} starts it in this JVM and deploys this folder's serverless.yml (the
 * {@code target/peer-rewards.jar} that {@code mvn verify} just packaged) as stage {@link #STAGE}. Each test
 * registers its own users, so tests do not depend on each other's data.
 */
@Tag("integration")
@SlipwayTest(service = ".", stage = RewardsApiTest.STAGE, remove = false)
class RewardsApiTest {

    /**
     * One stage for every class of the run (the local cloud lives as long as the run, so it is fresh each time):
     * the later classes find it deployed and its workers warm. Tests register their own users.
     */
    static final String STAGE = "it";

    /** An upper bound for asynchronous work (the schedule's invocation, log delivery), not a performance target. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * Requests in flight at once: each may need its own worker, and each new worker is a cold start (a JVM);
     * on a small, busy machine many at once can exceed Lambda's init limit, as they would on AWS.
     */
    static final int PARALLEL_REQUESTS = 4;

    static DeployedService app;
    static Api api;
    String alice;
    String bob;

    @BeforeAll
    static void connect(DeployedService deployed) {
        app = deployed;
        api = new Api(deployed.apiUrl());
    }

    @BeforeEach
    void registerUsers() {
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

    static long pointsOf(String username) {
        return api.get("/users?usernames=" + username).json().at("/items/0/points").asLong();
    }

    @Test
    void users_registerListAndLookUpWithBatchGet_missingNamesAbsent() {
        var carol = api.post("/users", "{\"username\":\"" + uniqueUsername("carol") + "\",\"displayName\":\"Carol C.\"}");
        assertThat(carol.status()).isEqualTo(201);
        assertThat(carol.json().get("displayName").asText()).isEqualTo("Carol C.");
        assertThat(carol.json().get("points").asLong()).isZero();

        assertThat(api.get("/users").json().get("items").findValuesAsText("username")).contains(alice, bob);
        var lookup = api.get("/users?usernames=" + bob + ",nobody-xyz," + alice);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(lookup.json().get("items").findValuesAsText("username")).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void users_invalidRequests_answerWithJsonErrors() {
        assertError(api.register(alice), 409, "UsernameTaken");
        var invalid = api.register("No");
        assertError(invalid, 400, "ValidationError");
        assertThat(invalid.json().get("fields").has("username")).isTrue();
        assertError(api.post("/users", "[1,"), 400, "InvalidJson");
        assertError(api.get("/users?usernames=BAD!"), 400, "ValidationError");
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "user" + i).collect(Collectors.joining(","));
        assertError(api.get("/users?usernames=" + tooMany), 400, "ValidationError");
    }

    @Test
    void give_appearsFirstInTheFeedAndInBothUsersLists_andCountsOnTheLeaderboard() {
        var given = api.give(alice, bob, 42, "Thanks for the review!");
        assertThat(given.status()).as(given.raw().body()).isEqualTo(201);
        assertThat(given.header("Access-Control-Allow-Origin")).isEqualTo("*");
        String id = given.json().get("id").asText();
        assertThat(given.json().get("points").asInt()).isEqualTo(42);
        assertThat(given.json().get("from").asText()).isEqualTo(alice);

        assertThat(api.get("/rewards?limit=5").json().get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(api.get("/rewards?to=" + bob).json().get("items").findValuesAsText("id")).containsExactly(id);
        assertThat(api.get("/rewards?from=" + alice).json().get("items").findValuesAsText("id")).containsExactly(id);
        assertThat(api.get("/rewards?from=" + bob).json().get("items")).isEmpty();
        assertThat(pointsOf(bob)).isEqualTo(42);
        assertThat(pointsOf(alice)).isZero();
        JsonNode board = api.get("/rewards/leaderboard?limit=50").json().get("items");
        assertThat(board.findValuesAsText("username")).contains(bob).doesNotContain(alice);
        var points = board.findValues("points").stream().map(JsonNode::asLong).toList();
        assertThat(points).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void leaderboard_ranksByTotalReceived_equalTotalsShareARank() {
        String carol = uniqueUsername("carol");
        assertThat(api.register(carol).status()).isEqualTo(201);
        assertThat(api.give(alice, carol, 100, "top").status()).isEqualTo(201);
        assertThat(api.give(bob, carol, 100, "top again").status()).isEqualTo(201);
        assertThat(api.give(alice, bob, 100, "tied").status()).isEqualTo(201);
        assertThat(api.give(carol, alice, 100, "tied too").status()).isEqualTo(201);

        JsonNode board = api.get("/rewards/leaderboard?limit=50").json().get("items");
        int carolRank = rankOf(board, carol);
        assertThat(rankOf(board, alice)).isEqualTo(rankOf(board, bob)).isGreaterThan(carolRank);
        assertThat(api.get("/rewards/leaderboard?limit=1").json().get("items")).hasSize(1);
        assertError(api.get("/rewards/leaderboard?limit=51"), 400, "ValidationError");
        assertError(api.get("/rewards/leaderboard?limit=ten"), 400, "ValidationError");
    }

    static int rankOf(JsonNode board, String username) {
        for (JsonNode entry : board) {
            if (entry.get("username").asText().equals(username)) {
                return entry.get("rank").asInt();
            }
        }
        throw new AssertionError(username + " is not on the leaderboard: " + board);
    }

    @Test
    void give_invalidRewards_answerWithConsistentJsonErrors() {
        assertError(api.give(alice, alice, 5, "me"), 400, "ValidationError");
        assertError(api.give(alice, "nobody-xyz", 5, "hi"), 404, "UserNotFound");
        assertError(api.give(alice, bob, 0, "hi"), 400, "ValidationError");
        assertError(api.give(alice, bob, 101, "hi"), 400, "ValidationError");
        assertError(api.give(alice, bob, 5, "x".repeat(281)), 400, "ValidationError");
        assertError(api.give(alice, bob, 5, ""), 400, "ValidationError");
        assertError(api.post("/rewards", "{not json"), 400, "InvalidJson");
        assertError(api.post("/rewards", "{\"from\":\"" + alice + "\",\"to\":\"" + bob
                + "\",\"points\":2.5,\"message\":\"half\"}"), 400, "ValidationError");

        var everything = api.give(alice, alice, 0, "");
        assertError(everything, 400, "ValidationError");
        assertThat(everything.json().get("fields").size()).as("all problems at once").isGreaterThanOrEqualTo(3);
        assertError(api.send("PUT", "/rewards", "{}"), 405, "MethodNotAllowed");
        assertThat(api.get("/rewards?to=" + bob).json().get("items")).isEmpty();
        assertThat(pointsOf(bob)).isZero();
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
        assertError(api.get("/rewards?limit=101"), 400, "ValidationError");
        assertError(api.get("/rewards?to=" + bob + "&from=" + alice), 400, "ValidationError");
    }

    @Test
    void withdraw_onlyByTheGiver_andTheTotalDrops() {
        api.give(alice, bob, 3, "keep");
        String id = api.give(alice, bob, 7, "oops").json().get("id").asText();
        assertThat(pointsOf(bob)).isEqualTo(10);

        assertError(api.delete("/rewards/" + id + "?from=" + bob), 403, "NotYourReward");
        var withdrawn = api.delete("/rewards/" + id + "?from=" + alice);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("id").asText()).isEqualTo(id);
        assertError(api.delete("/rewards/" + id + "?from=" + alice), 404, "RewardNotFound");
        assertError(api.delete("/rewards/no-such-id?from=" + alice), 404, "RewardNotFound");
        assertThat(pointsOf(bob)).isEqualTo(3);
        assertThat(api.get("/rewards?to=" + bob).json().get("items").findValuesAsText("message")).containsExactly("keep");
        // Withdrawing after 5 minutes (409) is covered by RewardServiceTest with a clock the test moves.
    }

    @Test
    void concurrentRewards_areAllCountedByTheAtomicTotal() throws Exception {
        List<String> givers = IntStream.range(0, 4).mapToObj(i -> uniqueUsername("giver" + i)).toList();
        givers.forEach(giver -> assertThat(api.register(giver).status()).isEqualTo(201));
        Instant since = Instant.now().minusSeconds(1);

        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS)) {
            var futures = IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> api.give(givers.get(i % 4), bob, 3, "thanks " + i).status()))
                    .toList();
            for (var status : futures) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).as(() -> "the rewards function's log:\n" + String.join("", app.logs("rewards", since)))
                .containsOnly(201);
        assertThat(pointsOf(bob)).isEqualTo(120);
        assertThat(api.get("/rewards?to=" + bob + "&limit=100").json().get("items")).hasSize(40);
        JsonNode board = api.get("/rewards/leaderboard?limit=50").json().get("items");
        assertThat(board.findValues("username").stream().map(JsonNode::asText).toList()).contains(bob);
    }

    @Test
    void theSchedule_firedNow_givesARandomRewardAndTheFunctionLogsIt() {
        Instant since = Instant.now().minusSeconds(1);
        Set<String> before = new HashSet<>(api.get("/rewards?limit=100").json().get("items").findValuesAsText("id"));

        assertThat(app.fireSchedules("generate")).hasSize(1);

        // The rule invokes its target asynchronously, as EventBridge does: wait for the reward to appear.
        JsonNode reward = eventually("a reward from the schedule", () -> {
            JsonNode newest = api.get("/rewards?limit=1").json().path("items").path(0);
            return newest.has("id") && !before.contains(newest.get("id").asText()) ? Optional.of(newest) : Optional.empty();
        });
        assertThat(reward.get("points").asInt()).isBetween(1, 100);
        assertThat(reward.get("from").asText()).isNotEqualTo(reward.get("to").asText());
        List<String> logs = eventually("the invocation's REPORT line", () -> {
            List<String> lines = app.logs("generate", since);
            return lines.stream().anyMatch(l -> l.startsWith("REPORT RequestId:")) ? Optional.of(lines) : Optional.empty();
        });
        assertThat(logs).anyMatch(l -> l.startsWith("START RequestId:"))
                .anyMatch(l -> l.contains("generate: {source=schedule, given="));
    }

    static <T> T eventually(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within " + PATIENCE);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void corsPreflight_allowsTheSpaFromAnyOrigin() {
        var preflight = api.send("OPTIONS", "/rewards", null);

        assertThat(preflight.status()).isBetween(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
}
