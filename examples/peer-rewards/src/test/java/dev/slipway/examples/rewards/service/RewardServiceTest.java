package dev.slipway.examples.rewards.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.examples.rewards.MutableClock;
import dev.slipway.examples.rewards.model.LeaderboardEntry;
import dev.slipway.examples.rewards.model.Page;
import dev.slipway.examples.rewards.model.Reward;
import dev.slipway.examples.rewards.model.User;
import dev.slipway.examples.rewards.repository.memory.InMemoryRewardRepository;
import dev.slipway.examples.rewards.repository.memory.InMemoryUserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RewardServiceTest {

    final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
    final InMemoryUserRepository userRepository = new InMemoryUserRepository();
    final AtomicInteger ids = new AtomicInteger();
    final UserService users = new UserService(userRepository, clock);
    final RewardService rewards = new RewardService(userRepository, new InMemoryRewardRepository(), clock,
            () -> "r" + ids.incrementAndGet());

    @BeforeEach
    void registerUsers() {
        users.register("alice", "Alice");
        users.register("bob", "Bob");
        users.register("carol", "Carol");
    }

    long pointsOf(String username) {
        return userRepository.find(username).map(User::points).orElseThrow();
    }

    Reward give(String from, String to, long points) {
        Reward reward = rewards.give(new GiveReward(from, to, points, "thanks"));
        clock.advance(Duration.ofSeconds(1));
        return reward;
    }

    @Nested
    class Give {

        @Test
        void give_storesTheRewardAndAddsThePointsToTheRecipient() {
            Reward reward = rewards.give(new GiveReward("alice", "bob", 5L, "  Thanks for the review!  "));

            assertThat(reward).isEqualTo(new Reward("r1", "alice", "bob", 5, "Thanks for the review!",
                    Instant.parse("2026-11-26T12:00:00Z")));
            assertThat(pointsOf("bob")).isEqualTo(5);
            assertThat(pointsOf("alice")).isZero();
            assertThat(rewards.feed(null, null).items()).containsExactly(reward);
        }

        @Test
        void give_accumulatesPointsAcrossRewards() {
            give("alice", "bob", 5);
            give("carol", "bob", 7);

            assertThat(pointsOf("bob")).isEqualTo(12);
        }

        @Test
        void give_toYourself_failsWith400() {
            assertThatThrownBy(() -> rewards.give(new GiveReward("alice", "alice", 5L, "me!")))
                    .isInstanceOfSatisfying(BadRequest.class, e -> {
                        assertThat(e.fields()).containsEntry("to", "you cannot reward yourself");
                        assertThat(e.getMessage()).isEqualTo("you cannot reward yourself");
                    });
            assertThat(pointsOf("alice")).isZero();
        }

        @Test
        void give_fromAnUnknownUser_failsWith404() {
            assertThatThrownBy(() -> rewards.give(new GiveReward("mallory", "bob", 5L, "hi")))
                    .isInstanceOfSatisfying(NotFound.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("UserNotFound");
                        assertThat(e.getMessage()).isEqualTo("user mallory is not registered");
                        assertThat(e.fields()).containsOnlyKeys("from");
                    });
        }

        @Test
        void give_toAnUnknownUser_failsWith404AndStoresNothing() {
            assertThatThrownBy(() -> rewards.give(new GiveReward("alice", "nobody", 5L, "hi")))
                    .isInstanceOf(NotFound.class)
                    .hasMessage("user nobody is not registered");
            assertThat(rewards.feed(null, null).items()).isEmpty();
        }

        @Test
        void give_acceptsOneToOneHundredPoints() {
            give("alice", "bob", 1);
            give("alice", "bob", 100);

            assertThat(pointsOf("bob")).isEqualTo(101);
        }

        @Test
        void give_withPointsOutside1To100_failsWith400() {
            for (long points : new long[] {0, -5, 101, 1_000_000_000_000L}) {
                assertThatThrownBy(() -> rewards.give(new GiveReward("alice", "bob", points, "hi")))
                        .isInstanceOf(BadRequest.class)
                        .hasMessage("points must be between 1 and 100 (got " + points + ")");
            }
            assertThat(pointsOf("bob")).isZero();
        }

        @Test
        void give_withoutPoints_failsWith400() {
            assertThatThrownBy(() -> rewards.give(new GiveReward("alice", "bob", null, "hi")))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("points is required");
        }

        @Test
        void give_withABlankMessage_failsWith400() {
            assertThatThrownBy(() -> rewards.give(new GiveReward("alice", "bob", 5L, "   ")))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("message is required");
        }

        @Test
        void give_acceptsA280CharacterMessage_countingCharactersNotUtf16Units() {
            String emoji = "\uD83C\uDF89"; // one character, two UTF-16 units
            Reward reward = rewards.give(new GiveReward("alice", "bob", 5L, emoji.repeat(280)));

            assertThat(reward.message().codePointCount(0, reward.message().length())).isEqualTo(280);
        }

        @Test
        void give_withAMessageOver280Characters_failsWith400() {
            assertThatThrownBy(() -> rewards.give(new GiveReward("alice", "bob", 5L, "x".repeat(281))))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("message must be at most 280 characters (got 281)");
        }

        @Test
        void give_reportsEveryInvalidFieldAtOnce() {
            assertThatThrownBy(() -> rewards.give(new GiveReward("Alice", null, 0L, "")))
                    .isInstanceOfSatisfying(BadRequest.class, e -> {
                        assertThat(e.fields()).containsOnlyKeys("from", "to", "points", "message");
                        assertThat(e.getMessage()).isEqualTo("from must be 3–20 characters: lower-case letters,"
                                + " digits, _ or - (got \"Alice\"); to is required;"
                                + " points must be between 1 and 100 (got 0); message is required");
                    });
        }

        @Test
        void give_concurrently_countsEveryRewardInTheTotal() throws Exception {
            try (var pool = Executors.newFixedThreadPool(8)) {
                var futures = IntStream.range(0, 200)
                        .mapToObj(i -> pool.submit(() -> rewards.give(new GiveReward(i % 2 == 0 ? "alice" : "carol",
                                "bob", 3L, "thanks " + i))))
                        .toList();
                for (var future : futures) {
                    future.get();
                }
            }

            assertThat(pointsOf("bob")).isEqualTo(600);
        }
    }

    @Nested
    class Withdraw {

        @Test
        void withdraw_byTheGiverWithinFiveMinutes_removesTheRewardAndItsPoints() {
            Reward reward = give("alice", "bob", 5);
            give("carol", "bob", 2);
            clock.advance(Duration.ofMinutes(4));

            assertThat(rewards.withdraw(reward.id(), "alice")).isEqualTo(reward);

            assertThat(pointsOf("bob")).isEqualTo(2);
            assertThat(rewards.feed(null, null).items()).extracting(Reward::from).containsExactly("carol");
        }

        @Test
        void withdraw_exactlyFiveMinutesAfterGiving_isStillAllowed() {
            Reward reward = rewards.give(new GiveReward("alice", "bob", 5L, "thanks"));
            clock.advance(Duration.ofMinutes(5));

            rewards.withdraw(reward.id(), "alice");

            assertThat(pointsOf("bob")).isZero();
        }

        @Test
        void withdraw_afterFiveMinutes_failsWith409AndKeepsTheReward() {
            Reward reward = rewards.give(new GiveReward("alice", "bob", 5L, "thanks"));
            clock.advance(Duration.ofMinutes(5).plusMillis(1));

            assertThatThrownBy(() -> rewards.withdraw(reward.id(), "alice"))
                    .isInstanceOfSatisfying(Conflict.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.code()).isEqualTo("WithdrawWindowClosed");
                        assertThat(e.getMessage()).isEqualTo("reward r1 can no longer be withdrawn: rewards can be"
                                + " withdrawn only within 5 minutes of giving them");
                    });
            assertThat(pointsOf("bob")).isEqualTo(5);
        }

        @Test
        void withdraw_bySomeoneElse_failsWith403AndKeepsTheReward() {
            Reward reward = give("alice", "bob", 5);

            for (String other : List.of("bob", "carol")) {
                assertThatThrownBy(() -> rewards.withdraw(reward.id(), other))
                        .isInstanceOfSatisfying(Forbidden.class, e -> {
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.getMessage()).isEqualTo("reward r1 was not given by " + other
                                    + "; only the giver can withdraw it");
                        });
            }
            assertThat(pointsOf("bob")).isEqualTo(5);
        }

        @Test
        void withdraw_ofAnUnknownReward_failsWith404() {
            assertThatThrownBy(() -> rewards.withdraw("nope", "alice"))
                    .isInstanceOf(NotFound.class)
                    .hasMessage("reward nope does not exist (or was withdrawn)");
        }

        @Test
        void withdraw_twice_failsWith404AndTakesThePointsBackOnce() {
            Reward reward = give("alice", "bob", 5);
            give("carol", "bob", 2);
            rewards.withdraw(reward.id(), "alice");

            assertThatThrownBy(() -> rewards.withdraw(reward.id(), "alice")).isInstanceOf(NotFound.class);
            assertThat(pointsOf("bob")).isEqualTo(2);
        }

        @Test
        void withdraw_withoutSayingWhoYouAre_failsWith400() {
            Reward reward = give("alice", "bob", 5);

            assertThatThrownBy(() -> rewards.withdraw(reward.id(), null))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("from is required");
        }
    }

    @Nested
    class Lists {

        @Test
        void feed_isNewestFirst() {
            give("alice", "bob", 1);
            give("bob", "carol", 2);
            give("carol", "alice", 3);

            assertThat(rewards.feed(null, null).items()).extracting(Reward::points).containsExactly(3, 2, 1);
        }

        @Test
        void feed_pagesThroughEveryRewardOnceWithTheNextToken_andTheLastPageHasNoToken() {
            IntStream.rangeClosed(1, 7).forEach(i -> give("alice", "bob", i));

            var seen = new ArrayList<Integer>();
            var pageSizes = new ArrayList<Integer>();
            Page<Reward> page = rewards.feed(3, null);
            while (true) {
                page.items().forEach(reward -> seen.add(reward.points()));
                pageSizes.add(page.items().size());
                if (page.next() == null) {
                    break;
                }
                page = rewards.feed(3, page.next());
            }

            assertThat(seen).containsExactly(7, 6, 5, 4, 3, 2, 1);
            assertThat(pageSizes).containsExactly(3, 3, 1);
        }

        @Test
        void feed_whenTheLastPageIsFull_hasNoNextToken() {
            IntStream.rangeClosed(1, 4).forEach(i -> give("alice", "bob", i));

            Page<Reward> first = rewards.feed(2, null);
            Page<Reward> second = rewards.feed(2, first.next());

            assertThat(second.items()).hasSize(2);
            assertThat(second.next()).isNull();
        }

        @Test
        void feed_pagination_isStableWhileNewRewardsArrive() {
            IntStream.rangeClosed(1, 4).forEach(i -> give("alice", "bob", i));
            Page<Reward> first = rewards.feed(2, null);
            give("carol", "bob", 50);

            assertThat(rewards.feed(2, first.next()).items()).extracting(Reward::points).containsExactly(2, 1);
        }

        @Test
        void receivedBy_andGivenBy_listOneUsersRewardsNewestFirst() {
            give("alice", "bob", 1);
            give("carol", "bob", 2);
            give("bob", "alice", 3);
            give("alice", "carol", 4);

            assertThat(rewards.receivedBy("bob", null, null).items()).extracting(Reward::points).containsExactly(2, 1);
            assertThat(rewards.givenBy("alice", null, null).items()).extracting(Reward::points).containsExactly(4, 1);
            assertThat(rewards.receivedBy("nobody", null, null).items()).isEmpty();
        }

        @Test
        void aTokenFromAnotherList_failsWith400() {
            IntStream.rangeClosed(1, 3).forEach(i -> give("alice", "bob", i));
            String feedToken = rewards.feed(1, null).next();

            assertThatThrownBy(() -> rewards.receivedBy("bob", 1, feedToken))
                    .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.fields()).containsOnlyKeys("next"));
        }

        @Test
        void aMadeUpToken_failsWith400() {
            assertThatThrownBy(() -> rewards.feed(5, "not-a-token!"))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("next is not a token returned by this list; start again without it");
        }

        @Test
        void aPageSizeOutside1To100_failsWith400() {
            assertThatThrownBy(() -> rewards.feed(0, null))
                    .isInstanceOf(BadRequest.class).hasMessage("limit must be between 1 and 100 (got 0)");
            assertThatThrownBy(() -> rewards.givenBy("alice", 101, null))
                    .isInstanceOf(BadRequest.class).hasMessage("limit must be between 1 and 100 (got 101)");
        }

        @Test
        void listingForAMalformedUsername_failsWith400() {
            assertThatThrownBy(() -> rewards.receivedBy("B", null, null)).isInstanceOf(BadRequest.class);
        }
    }

    @Nested
    class Leaderboard {

        @Test
        void leaderboard_ranksUsersByPointsReceived_andLeavesOutUsersWithoutPoints() {
            give("alice", "bob", 10);
            give("bob", "carol", 30);
            give("alice", "bob", 5);

            assertThat(rewards.leaderboard(null)).containsExactly(
                    new LeaderboardEntry(1, "carol", "Carol", 30),
                    new LeaderboardEntry(2, "bob", "Bob", 15));
        }

        @Test
        void leaderboard_givesEqualTotalsTheSameRank() {
            users.register("dave", null);
            give("alice", "bob", 10);
            give("alice", "carol", 10);
            give("bob", "dave", 5);
            give("bob", "alice", 20);

            assertThat(rewards.leaderboard(null)).extracting(LeaderboardEntry::rank).containsExactly(1, 2, 2, 4);
        }

        @Test
        void leaderboard_returnsTheTopN() {
            give("alice", "bob", 10);
            give("bob", "carol", 30);
            give("bob", "alice", 20);

            assertThat(rewards.leaderboard(2)).extracting(LeaderboardEntry::username).containsExactly("carol", "alice");
        }

        @Test
        void leaderboard_followsWithdrawals() {
            Reward big = give("alice", "bob", 50);
            give("bob", "carol", 30);
            rewards.withdraw(big.id(), "alice");

            assertThat(rewards.leaderboard(null)).extracting(LeaderboardEntry::username).containsExactly("carol");
        }

        @Test
        void leaderboard_withALimitOutside1To50_failsWith400() {
            assertThatThrownBy(() -> rewards.leaderboard(51))
                    .isInstanceOf(BadRequest.class).hasMessage("limit must be between 1 and 50 (got 51)");
        }
    }
}
