package dev.slipway.examples.rewards.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.examples.rewards.model.Page;
import dev.slipway.examples.rewards.model.Reward;
import dev.slipway.examples.rewards.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the repositories must do; the in-memory ones stand in for DynamoDB in the
 * unit tests only because they pass these same tests. Subclasses provide fresh, empty repositories.
 */
public abstract class RepositoryContractTest {

    protected abstract UserRepository users();

    protected abstract RewardRepository rewards();

    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    static User user(String name) {
        return new User(name, name.toUpperCase(), 0, T0);
    }

    static Reward reward(String id, String from, String to, int points, long secondsAfterT0) {
        return new Reward(id, from, to, points, "msg " + id, T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void users_createOnce_findAndLookUp() {
        assertThat(users().create(user("alice"))).isTrue();
        assertThat(users().create(user("bob"))).isTrue();
        assertThat(users().create(new User("alice", "Other", 0, T0))).isFalse();

        assertThat(users().find("alice")).contains(user("alice"));
        assertThat(users().find("nobody")).isEmpty();
        assertThat(users().findAll(List.of("bob", "nobody", "alice", "bob")))
                .containsExactlyInAnyOrder(user("alice"), user("bob"));
        assertThat(users().list()).containsExactlyInAnyOrder(user("alice"), user("bob"));
    }

    @Test
    void addPoints_isAtomicUnderConcurrency_andCreatesNobody() throws Exception {
        users().create(user("bob"));

        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = IntStream.range(0, 50).mapToObj(i -> pool.submit(() -> users().addPoints("bob", 2))).toList();
            for (var future : futures) {
                future.get();
            }
        }

        assertThat(users().find("bob").orElseThrow().points()).isEqualTo(100);
        assertThat(users().addPoints("bob", -30)).contains(70L);
        assertThat(users().addPoints("ghost", 5)).isEmpty();
        assertThat(users().find("ghost")).isEmpty();
    }

    @Test
    void topByPoints_isMostPointsFirst_withoutUsersAtZero() {
        for (String name : List.of("alice", "bob", "carol", "dave")) {
            users().create(user(name));
        }
        users().addPoints("alice", 5);
        users().addPoints("bob", 50);
        users().addPoints("carol", 20);

        assertThat(users().topByPoints(10)).extracting(User::username).containsExactly("bob", "carol", "alice");
        assertThat(users().topByPoints(2)).extracting(User::points).containsExactly(50L, 20L);
    }

    @Test
    void rewards_saveFindDeleteOnce() {
        Reward reward = reward("r1", "alice", "bob", 5, 0);
        rewards().save(reward);

        assertThat(rewards().find("r1")).contains(reward);
        assertThat(rewards().delete("r1")).isTrue();
        assertThat(rewards().delete("r1")).isFalse();
        assertThat(rewards().find("r1")).isEmpty();
    }

    @Test
    void lists_areNewestFirst_pagedWithoutGapsOrRepeats_andEndWithoutAToken() {
        for (int i = 1; i <= 7; i++) {
            rewards().save(reward("r" + i, i % 2 == 0 ? "alice" : "carol", "bob", i, i));
        }
        rewards().save(reward("x1", "bob", "alice", 1, 100));

        assertThat(all(next -> rewards().receivedBy("bob", 3, next))).containsExactly(
                "r7", "r6", "r5", "r4", "r3", "r2", "r1");
        assertThat(all(next -> rewards().givenBy("alice", 2, next))).containsExactly("r6", "r4", "r2");
        assertThat(all(next -> rewards().feed(4, next))).containsExactly(
                "x1", "r7", "r6", "r5", "r4", "r3", "r2", "r1");
        assertThat(rewards().receivedBy("nobody", 3, null)).isEqualTo(Page.last(List.of()));
    }

    @Test
    void aTokenFromAnotherList_isRejected() {
        for (int i = 1; i <= 3; i++) {
            rewards().save(reward("r" + i, "alice", "bob", i, i));
        }
        String bobsToken = rewards().receivedBy("bob", 1, null).next();

        assertThatThrownBy(() -> rewards().receivedBy("carol", 1, bobsToken))
                .isInstanceOf(RewardRepository.InvalidPageToken.class);
        assertThatThrownBy(() -> rewards().feed(1, "garbage"))
                .isInstanceOf(RewardRepository.InvalidPageToken.class);
    }

    interface PageQuery {
        Page<Reward> page(String next);
    }

    static List<String> all(PageQuery query) {
        var ids = new ArrayList<String>();
        String next = null;
        for (int pages = 0; pages < 20; pages++) {
            Page<Reward> page = query.page(next);
            page.items().forEach(reward -> ids.add(reward.id()));
            next = page.next();
            if (next == null) {
                break;
            }
        }
        return ids;
    }
}
