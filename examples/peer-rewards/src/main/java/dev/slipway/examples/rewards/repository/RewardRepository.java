package dev.slipway.examples.rewards.repository;

import dev.slipway.examples.rewards.model.Page;
import dev.slipway.examples.rewards.model.Reward;
import java.util.Optional;

/**
 * Where rewards live. Lists are newest first and paginated: pass the {@code next} of a page to get the
 * following one ({@code null} for the first page). A token that this repository did not produce is
 * rejected with {@link InvalidPageToken}.
 */
public interface RewardRepository {

    /** Stores a new reward (ids are unique). */
    void save(Reward reward);

    Optional<Reward> find(String id);

    /** Deletes the reward; {@code false} if it did not exist (e.g. withdrawn concurrently). */
    boolean delete(String id);

    /** All rewards. */
    Page<Reward> feed(int limit, String next);

    Page<Reward> receivedBy(String username, int limit, String next);

    Page<Reward> givenBy(String username, int limit, String next);

    /** The {@code next} token is not one this repository produced for this list. */
    final class InvalidPageToken extends RuntimeException {
        public InvalidPageToken(String detail) {
            super(detail, null, false, false);
        }
    }
}
