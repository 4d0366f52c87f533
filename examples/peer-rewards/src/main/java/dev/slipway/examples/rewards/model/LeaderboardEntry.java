package dev.slipway.examples.rewards.model;

/** One line of the leaderboard; users with equal points share a rank ("1, 2, 2, 4"). */
public record LeaderboardEntry(int rank, String username, String displayName, long points) {
}
