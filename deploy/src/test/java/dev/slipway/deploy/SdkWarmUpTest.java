package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The warm-up's canned answers are ones the SDK accepts: its requests complete, in process, without an error. */
class SdkWarmUpTest {
    @Test
    void warmUpRequests_completeAgainstTheCannedAnswers() {
        // port 9 (discard): were anything sent over the network, it would fail rather than be answered
        Target local = Target.local(URI.create("http://127.0.0.1:9"));

        assertThatCode(() -> SdkWarmUp.run(local)).doesNotThrowAnyException();
    }
}
