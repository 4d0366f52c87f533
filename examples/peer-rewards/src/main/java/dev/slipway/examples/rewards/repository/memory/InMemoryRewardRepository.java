package dev.slipway.examples.rewards.repository.memory;

import dev.slipway.examples.rewards.model.Page;
import dev.slipway.examples.rewards.model.Reward;
import dev.slipway.examples.rewards.repository.RewardRepository;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Rewards in a map: for unit tests and the dev server. Pages are newest first; the {@code next} token
 * is the position of the last reward returned (its time and id), so a page stays stable while rewards
 * are added, as with a DynamoDB query's ExclusiveStartKey.
 */
public final class InMemoryRewardRepository implements RewardRepository {

    private static final Comparator<Reward> NEWEST_FIRST =
            Comparator.comparing(Reward::createdAt).thenComparing(Reward::id).reversed();

    private final ConcurrentMap<String, Reward> rewards = new ConcurrentHashMap<>();

    @Override
    public void save(Reward reward) {
        if (rewards.putIfAbsent(reward.id(), reward) != null) {
            throw new IllegalStateException("duplicate reward id " + reward.id());
        }
    }

    @Override
    public Optional<Reward> find(String id) {
        return Optional.ofNullable(rewards.get(id));
    }

    @Override
    public boolean delete(String id) {
        return rewards.remove(id) != null;
    }

    @Override
    public Page<Reward> feed(int limit, String next) {
        return page("feed", reward -> true, limit, next);
    }

    @Override
    public Page<Reward> receivedBy(String username, int limit, String next) {
        return page("to:" + username, reward -> reward.to().equals(username), limit, next);
    }

    @Override
    public Page<Reward> givenBy(String username, int limit, String next) {
        return page("from:" + username, reward -> reward.from().equals(username), limit, next);
    }

    private Page<Reward> page(String list, Predicate<Reward> filter, int limit, String next) {
        Predicate<Reward> after = next == null ? reward -> true : after(decode(list, next));
        List<Reward> matching = rewards.values().stream()
                .filter(filter)
                .sorted(NEWEST_FIRST)
                .filter(after)
                .limit(limit + 1L)
                .toList();
        if (matching.size() <= limit) {
            return Page.last(matching);
        }
        List<Reward> items = matching.subList(0, limit);
        return new Page<>(items, encode(list, items.get(limit - 1)));
    }

    private static Predicate<Reward> after(Reward position) {
        return reward -> NEWEST_FIRST.compare(reward, position) > 0;
    }

    private static String encode(String list, Reward last) {
        String raw = list + "\n" + last.createdAt().toEpochMilli() + "\n" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Reward decode(String list, String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3 || !parts[0].equals(list)) {
                throw new InvalidPageToken("token is for another list");
            }
            var at = java.time.Instant.ofEpochMilli(Long.parseLong(parts[1]));
            return new Reward(parts[2], "", "", 0, "", at);
        } catch (IllegalArgumentException e) {
            throw new InvalidPageToken(e.getMessage());
        }
    }
}
