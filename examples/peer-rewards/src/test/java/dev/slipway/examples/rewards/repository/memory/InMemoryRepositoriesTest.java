package dev.slipway.examples.rewards.repository.memory;

import dev.slipway.examples.rewards.repository.RepositoryContractTest;
import dev.slipway.examples.rewards.repository.RewardRepository;
import dev.slipway.examples.rewards.repository.UserRepository;

class InMemoryRepositoriesTest extends RepositoryContractTest {

    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryRewardRepository rewards = new InMemoryRewardRepository();

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected RewardRepository rewards() {
        return rewards;
    }
}
