package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stale workers of a crashed host are reaped; JDKs are chosen per runtime with a clear message when none fits. */
class WorkerHousekeepingTest {
    @TempDir
    Path dir;

    @Test
    void staleWorkerOfADeadHost_isKilled_butAnotherLiveHostsWorkerIsLeftAlone() throws Exception {
        Process orphan = new ProcessBuilder("sh", "-c", "sleep 60", "-Dslipway.sandbox=orphan1").start();
        Process foreign = new ProcessBuilder("sh", "-c", "sleep 60", "-Dslipway.sandbox=live1").start();
        try {
            Process deadHost = new ProcessBuilder("true").start();
            deadHost.waitFor();
            Files.writeString(dir.resolve("orphan1"), orphan.pid() + " " + deadHost.pid());
            Files.writeString(dir.resolve("live1"), foreign.pid() + " " + ProcessHandle.current().pid());
            assertThat(WorkerLauncher.reapStale(dir)).isEqualTo(1);
            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(foreign.isAlive()).isTrue();
            assertThat(dir.resolve("orphan1")).doesNotExist();
        } finally {
            orphan.destroyForcibly();
            foreign.destroyForcibly();
        }
    }

    @Test
    void newestJdkAtLeastAsNewAsTheRuntime_isChosen() {
        Jdks jdks = new Jdks(List.of(new Jdks.Jdk(Path.of("/jdk17"), 17), new Jdks.Jdk(Path.of("/jdk25"), 25),
                new Jdks.Jdk(Path.of("/jdk21"), 21)), k -> null, k -> null);
        assertThat(jdks.forRuntime(Runtime.JAVA17).feature()).isEqualTo(25);
        assertThat(jdks.forRuntime(Runtime.JAVA25).home()).isEqualTo(Path.of("/jdk25"));
    }

    @Test
    void noFittingJdk_saysWhichRuntimeNeedsWhichJdkAndHowToPointAtOne() {
        Jdks jdks = new Jdks(List.of(new Jdks.Jdk(Path.of("/jdk17"), 17)), k -> null, k -> null);
        assertThatThrownBy(() -> jdks.forRuntime(Runtime.JAVA21)).hasMessage("The java21 runtime needs a JDK 21 or "
                + "newer, and none is installed (found: JDK 17 at /jdk17). Install one, or point Slipway at it with "
                + "SLIPWAY_JDK_21=/path/to/jdk (or -Dslipway.jdk.21=/path/to/jdk).");
    }

    @Test
    void anOverrideThatIsNotAJdk_isNamed() {
        Jdks jdks = new Jdks(List.of(), k -> k.equals("SLIPWAY_JDK_21") ? dir.toString() : null, k -> null);
        assertThatThrownBy(() -> jdks.forRuntime(Runtime.JAVA21)).hasMessageContaining("is not a JDK home");
    }
}
