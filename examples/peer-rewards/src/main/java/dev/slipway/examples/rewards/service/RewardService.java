package dev.slipway.examples.rewards.service;

import dev.slipway.examples.rewards.model.LeaderboardEntry;
import dev.slipway.examples.rewards.model.Page;
import dev.slipway.examples.rewards.model.Reward;
import dev.slipway.examples.rewards.model.User;
import dev.slipway.examples.rewards.repository.RewardRepository;
import dev.slipway.examples.rewards.repository.UserRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Giving, listing and withdrawing rewards, and the leaderboard. */
public final class RewardService {

    private final UserRepository users;
    private final RewardRepository rewards;
    private final Clock clock;
    private final Supplier<String> ids;

    public RewardService(UserRepository users, RewardRepository rewards, Clock clock, Supplier<String> ids) {
        this.users = users;
        this.rewards = rewards;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Gives a reward: both users must be registered, nobody rewards themselves, 1–100 points and a
     * message of 1–280 characters. The recipient's total grows by the points.
     */
    public Reward give(GiveReward request) {
        String message = request.message() == null ? null : request.message().strip();
        var violations = new Rules.Violations()
                .username("from", request.from())
                .username("to", request.to())
                .range("points", request.points(), Rules.POINTS_MIN, Rules.POINTS_MAX)
                .text("message", message, Rules.MESSAGE_MAX, true);
        if (!violations.has("from") && request.from().equals(request.to())) {
            violations.add("to", "you cannot reward yourself");
        }
        violations.throwIfAny();
        if (users.find(request.from()).isEmpty()) {
            throw NotFound.user("from", request.from());
        }
        if (users.find(request.to()).isEmpty()) {
            throw NotFound.user("to", request.to());
        }
        var reward = new Reward(ids.get(), request.from(), request.to(), request.points().intValue(), message,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)); // what DynamoDB stores
        rewards.save(reward);
        users.addPoints(reward.to(), reward.points());
        return reward;
    }

    /**
     * Withdraws a reward: only its giver may ({@code by}), and only within
     * {@link Rules#WITHDRAW_WINDOW} of giving it. The recipient's total shrinks by the points.
     */
    public Reward withdraw(String id, String by) {
        new Rules.Violations().username("from", by).throwIfAny();
        Reward reward = rewards.find(id).orElseThrow(() -> NotFound.reward(id));
        if (!reward.from().equals(by)) {
            throw Forbidden.notYourReward(id, by);
        }
        Duration age = Duration.between(reward.createdAt(), clock.instant());
        if (age.compareTo(Rules.WITHDRAW_WINDOW) > 0) {
            throw Conflict.withdrawWindowClosed(id, Rules.WITHDRAW_WINDOW);
        }
        if (!rewards.delete(id)) {
            throw NotFound.reward(id); // withdrawn concurrently: the points were taken back once, there
        }
        users.addPoints(reward.to(), -reward.points());
        return reward;
    }

    /** Every reward, newest first. */
    public Page<Reward> feed(Integer limit, String next) {
        int size = pageSize(limit);
        return paged(() -> rewards.feed(size, next));
    }

    public Page<Reward> receivedBy(String username, Integer limit, String next) {
        int size = pageSize(limit);
        new Rules.Violations().username("to", username).throwIfAny();
        return paged(() -> rewards.receivedBy(username, size, next));
    }

    public Page<Reward> givenBy(String username, Integer limit, String next) {
        int size = pageSize(limit);
        new Rules.Violations().username("from", username).throwIfAny();
        return paged(() -> rewards.givenBy(username, size, next));
    }

    /** The top users by points received; equal totals share a rank. */
    public List<LeaderboardEntry> leaderboard(Integer limit) {
        int size = limit == null ? Rules.LEADERBOARD_DEFAULT : limit;
        new Rules.Violations().range("limit", (long) size, 1, Rules.LEADERBOARD_MAX).throwIfAny();
        var entries = new ArrayList<LeaderboardEntry>();
        List<User> top = users.topByPoints(size);
        for (int i = 0; i < top.size(); i++) {
            User user = top.get(i);
            int rank = i > 0 && top.get(i - 1).points() == user.points() ? entries.get(i - 1).rank() : i + 1;
            entries.add(new LeaderboardEntry(rank, user.username(), user.displayName(), user.points()));
        }
        return entries;
    }

    /** The instant from which a reward given now can no longer be withdrawn (the SPA shows the button until then). */
    public static Instant withdrawableUntil(Reward reward) {
        return reward.createdAt().plus(Rules.WITHDRAW_WINDOW);
    }

    private static int pageSize(Integer limit) {
        int size = limit == null ? Rules.PAGE_DEFAULT : limit;
        new Rules.Violations().range("limit", (long) size, 1, Rules.PAGE_MAX).throwIfAny();
        return size;
    }

    private static Page<Reward> paged(Supplier<Page<Reward>> query) {
        try {
            return query.get();
        } catch (RewardRepository.InvalidPageToken e) {
            throw BadRequest.invalidNextToken();
        }
    }
}
