package dev.slipway.examples.rewards.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.examples.rewards.App;
import dev.slipway.examples.rewards.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerateHandlerTest {

    final App app = App.inMemory(MutableClock.at("2026-11-26T12:00:00Z"));
    final GenerateHandler handler = new GenerateHandler(app);

    @Test
    void theScheduledInput_givesOneRandomReward() {
        app.users().register("alice", null);
        app.users().register("bob", null);

        Map<String, Object> result = handler.handleRequest(Map.of("source", "schedule"), null);

        assertThat(result).containsEntry("source", "schedule").containsKey("given");
        @SuppressWarnings("unchecked")
        var given = (Map<String, Object>) result.get("given");
        assertThat(given.get("from")).isIn("alice", "bob").isNotEqualTo(given.get("to"));
        assertThat(given.get("createdAt")).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(app.rewards().feed(null, null).items()).hasSize(1);
    }

    @Test
    void withFewerThanTwoUsers_skipsAndSaysWhy() {
        assertThat(handler.handleRequest(Map.of("source", "schedule"), null))
                .containsEntry("skipped", "fewer than two users are registered");
    }
}
