package dev.slipway.examples.rewards.model;

import java.time.Instant;

/**
 * A registered colleague.
 *
 * @param username    the identity: 3–20 characters, lower-case letters, digits, {@code _} or {@code -}
 * @param displayName how the app shows the user; the username when none was given
 * @param points      total points received, kept by an atomic counter (the leaderboard reads it)
 * @param createdAt   when the user registered
 */
public record User(String username, String displayName, long points, Instant createdAt) {

    public User withPoints(long newPoints) {
        return new User(username, displayName, newPoints, createdAt);
    }
}
