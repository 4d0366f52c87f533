package dev.slipway.examples.rewards.model;

import java.time.Instant;

/** Points with a message, given by one user to another. */
public record Reward(String id, String from, String to, int points, String message, Instant createdAt) {
}
