package dev.slipway.examples.rewards;

import dev.slipway.examples.rewards.repository.RewardRepository;
import dev.slipway.examples.rewards.repository.UserRepository;
import dev.slipway.examples.rewards.repository.dynamodb.DynamoDbClients;
import dev.slipway.examples.rewards.repository.dynamodb.DynamoDbRewardRepository;
import dev.slipway.examples.rewards.repository.dynamodb.DynamoDbUserRepository;
import dev.slipway.examples.rewards.repository.dynamodb.Tables;
import dev.slipway.examples.rewards.repository.memory.InMemoryRewardRepository;
import dev.slipway.examples.rewards.repository.memory.InMemoryUserRepository;
import dev.slipway.examples.rewards.service.RandomRewards;
import dev.slipway.examples.rewards.service.RewardService;
import dev.slipway.examples.rewards.service.UserService;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The composition root: which repositories the services run on. Handlers get theirs from
 * {@link #instance()}, built once per worker (Lambda reuses a worker for many requests, so the DynamoDB
 * client and its connections are set up once, during the first, "cold", request).
 */
public record App(UserService users, RewardService rewards, RandomRewards randomRewards) {

    public static App instance() {
        return Holder.INSTANCE;
    }

    /** On DynamoDB, tables named by {@code TBL_PREFIX}, client configured from {@code env}. */
    public static App fromEnvironment(Map<String, String> env) {
        var dynamo = DynamoDbClients.create(env);
        var tables = Tables.withPrefix(env.get("TBL_PREFIX"));
        return on(new DynamoDbUserRepository(dynamo, tables), new DynamoDbRewardRepository(dynamo, tables),
                Clock.systemUTC(), RandomGenerator.getDefault());
    }

    /** In memory: unit tests and the dev server. */
    public static App inMemory(Clock clock) {
        return on(new InMemoryUserRepository(), new InMemoryRewardRepository(), clock, RandomGenerator.getDefault());
    }

    public static App on(UserRepository userRepository, RewardRepository rewardRepository, Clock clock,
            RandomGenerator random) {
        var users = new UserService(userRepository, clock);
        var rewards = new RewardService(userRepository, rewardRepository, clock, () -> UUID.randomUUID().toString());
        return new App(users, rewards, new RandomRewards(users, rewards, random));
    }

    private static final class Holder {
        static final App INSTANCE = fromEnvironment(System.getenv());
    }
}
