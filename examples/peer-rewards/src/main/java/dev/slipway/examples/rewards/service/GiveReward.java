package dev.slipway.examples.rewards.service;

/**
 * A request to give a reward, as the caller sent it: any field may be missing ({@code null});
 * {@link RewardService#give} checks them all.
 */
public record GiveReward(String from, String to, Long points, String message) {
}
