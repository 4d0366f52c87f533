package dev.slipway.examples.rewards.service;

import dev.slipway.examples.rewards.model.Reward;
import dev.slipway.examples.rewards.model.User;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The {@code generate} schedule: a random reward between two random users, for demos and load. */
public final class RandomRewards {

    private static final List<String> MESSAGES = List.of(
            "Thanks for the thorough review!",
            "Great pairing session today.",
            "You fixed the flaky build. Hero.",
            "Thanks for covering the on-call shift.",
            "Lovely demo, very clear.",
            "Thanks for the patient explanation.");

    private final UserService users;
    private final RewardService rewards;
    private final RandomGenerator random;

    public RandomRewards(UserService users, RewardService rewards, RandomGenerator random) {
        this.users = users;
        this.rewards = rewards;
        this.random = random;
    }

    /** Gives one random reward; empty when fewer than two users are registered. */
    public Optional<Reward> giveOne() {
        List<User> all = users.list();
        if (all.size() < 2) {
            return Optional.empty();
        }
        int from = random.nextInt(all.size());
        int to = (from + 1 + random.nextInt(all.size() - 1)) % all.size(); // anyone but the giver
        long points = 1 + random.nextInt(10);
        String message = MESSAGES.get(random.nextInt(MESSAGES.size()));
        return Optional.of(rewards.give(new GiveReward(all.get(from).username(), all.get(to).username(), points,
                message)));
    }
}
