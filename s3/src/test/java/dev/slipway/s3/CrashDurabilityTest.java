package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of writes: every acknowledged PutObject is there, intact, after a restart. */
class CrashDurabilityTest {
    @TempDir
    Path dir;

    static byte[] content(int i) {
        return ("value " + i + " ").repeat(1 + i % 500).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acknowledgedPuts_surviveKillDashNine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString()).redirectErrorStream(true).start();
        Map<String, Integer> lastAcked = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int acks = 0;
            while (acks < 300 && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    String[] parts = line.split(" ");
                    lastAcked.put(parts[1], Integer.parseInt(parts[2]));
                    acks++;
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastAcked).hasSize(40);
        S3Service reopened = S3Service.builder().dataDir(Optional.of(dir)).build();
        for (Map.Entry<String, Integer> e : lastAcked.entrySet()) {
            byte[] stored = reopened.getObject("crash", e.getKey());
            // The stored value is the last acknowledged one, or a later write the kill interrupted after its commit point.
            String text = new String(stored, StandardCharsets.UTF_8);
            int version = Integer.parseInt(text.substring("value ".length(), text.indexOf(' ', "value ".length())));
            assertThat(version).as(e.getKey()).isGreaterThanOrEqualTo(e.getValue());
            assertThat(stored).isEqualTo(content(version));
        }
    }
}
