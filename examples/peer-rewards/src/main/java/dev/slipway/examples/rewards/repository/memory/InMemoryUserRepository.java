package dev.slipway.examples.rewards.repository.memory;

import dev.slipway.examples.rewards.model.User;
import dev.slipway.examples.rewards.repository.UserRepository;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Users in a map: for unit tests and the dev server. Thread-safe, like the table it stands for. */
public final class InMemoryUserRepository implements UserRepository {

    private final ConcurrentMap<String, User> users = new ConcurrentHashMap<>();

    @Override
    public boolean create(User user) {
        return users.putIfAbsent(user.username(), user) == null;
    }

    @Override
    public Optional<User> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public List<User> findAll(Collection<String> usernames) {
        return usernames.stream().distinct().map(users::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<User> list() {
        return List.copyOf(users.values());
    }

    @Override
    public Optional<Long> addPoints(String username, long delta) {
        User updated = users.computeIfPresent(username, (name, user) -> user.withPoints(user.points() + delta));
        return Optional.ofNullable(updated).map(User::points);
    }

    @Override
    public List<User> topByPoints(int limit) {
        return users.values().stream()
                .filter(user -> user.points() > 0)
                .sorted(Comparator.comparingLong(User::points).reversed().thenComparing(User::username))
                .limit(limit)
                .toList();
    }
}
