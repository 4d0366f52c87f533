package dev.slipway.examples.rewards.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.examples.rewards.MutableClock;
import dev.slipway.examples.rewards.model.Reward;
import dev.slipway.examples.rewards.repository.memory.InMemoryRewardRepository;
import dev.slipway.examples.rewards.repository.memory.InMemoryUserRepository;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomRewardsTest {

    final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
    final InMemoryUserRepository userRepository = new InMemoryUserRepository();
    final UserService users = new UserService(userRepository, clock);
    final RewardService rewards = new RewardService(userRepository, new InMemoryRewardRepository(), clock,
            () -> UUID.randomUUID().toString());
    final RandomRewards random = new RandomRewards(users, rewards, new Random(42));

    @Test
    void giveOne_withFewerThanTwoUsers_givesNothing() {
        assertThat(random.giveOne()).isEmpty();
        users.register("alice", null);
        assertThat(random.giveOne()).isEmpty();
    }

    @Test
    void giveOne_givesAValidRewardBetweenTwoDifferentRegisteredUsers() {
        users.register("alice", null);
        users.register("bob", null);
        users.register("carol", null);

        for (int i = 0; i < 50; i++) {
            Reward reward = random.giveOne().orElseThrow();
            assertThat(reward.from()).isNotEqualTo(reward.to()).isIn("alice", "bob", "carol");
            assertThat(reward.to()).isIn("alice", "bob", "carol");
            assertThat(reward.points()).isBetween(1, 10);
            assertThat(reward.message()).isNotBlank();
        }
        assertThat(rewards.feed(100, null).items()).hasSize(50);
    }
}
