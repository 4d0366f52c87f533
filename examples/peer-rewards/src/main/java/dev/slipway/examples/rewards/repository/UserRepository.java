package dev.slipway.examples.rewards.repository;

import dev.slipway.examples.rewards.model.User;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where users and their points totals live. */
public interface UserRepository {

    /** Stores a new user; {@code false} (and nothing written) when the username is taken. */
    boolean create(User user);

    Optional<User> find(String username);

    /** The users among {@code usernames} that exist, in no particular order; missing names are simply absent. */
    List<User> findAll(Collection<String> usernames);

    /** Every user, in no particular order. */
    List<User> list();

    /**
     * Adds {@code delta} (negative to subtract) to the user's total atomically, so concurrent rewards
     * are all counted. Returns the new total; empty if the user does not exist (nothing is created).
     */
    Optional<Long> addPoints(String username, long delta);

    /** Up to {@code limit} users with more than zero points, most points first. */
    List<User> topByPoints(int limit);
}
