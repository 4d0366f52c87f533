package dev.slipway.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {
    @Test
    void lookupIgnoresCase_andKeepsTheNameAsFirstReceived() {
        Headers h = new Headers().add("X-Amz-Log-Type", "Tail").add("x-amz-log-type", "None");
        assertThat(h.get("X-AMZ-LOG-TYPE")).isEqualTo("Tail");
        assertThat(h.first("x-amz-log-type")).contains("Tail");
        assertThat(h.all("X-Amz-Log-Type")).containsExactly("Tail", "None");
        assertThat(h.names()).containsExactly("X-Amz-Log-Type");
        assertThat(h.contains("x-AMZ-log-TYPE")).isTrue();
        assertThat(h.get("Content-Type")).isNull();
        assertThat(h.all("Content-Type")).isEmpty();
    }

    @Test
    void forEach_visitsNamesInArrivalOrderWithTheirValuesTogether() {
        Headers h = Headers.of("A", "1", "B", "2", "a", "3");
        List<String> seen = new ArrayList<>();
        h.forEach((n, v) -> seen.add(n + "=" + v));
        assertThat(seen).containsExactly("A=1", "A=3", "B=2");
    }

    @Test
    void set_replacesEveryValueInPlace_andRemoveDropsTheHeader() {
        Headers h = Headers.of("A", "1", "B", "2", "C", "3", "b", "4");
        h.set("b", "5");
        assertThat(h.names()).containsExactly("A", "b", "C");
        assertThat(h.all("B")).containsExactly("5");
        h.set("D", "6").remove("a");
        assertThat(h.names()).containsExactly("b", "C", "D");
        h.remove("missing");
        assertThat(h.isEmpty()).isFalse();
        assertThat(h.toString()).isEqualTo("{b=5, C=3, D=6}");
    }
}
