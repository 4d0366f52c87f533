package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.slipway.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The events' hand-written JSON escapes strings byte for byte as Jackson's generator did. */
class JsonBytesTest {

    static byte[] jackson(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeString(s);
        }
        return out.toByteArray();
    }

    static byte[] ours(String s) {
        return JsonBytes.scratch().string(s).toByteArray();
    }

    @Test
    void everyUtf16CodeUnit_isEscapedAsJacksonEscapesIt() throws IOException {
        for (int from = 0; from < 0x10000; from += 256) {
            StringBuilder sb = new StringBuilder("x");
            for (int c = from; c < from + 256; c++) {
                sb.append((char) c);
            }
            String s = sb.toString();
            assertThat(new String(ours(s), StandardCharsets.UTF_8)).as("block %04X", from)
                    .isEqualTo(new String(jackson(s), StandardCharsets.UTF_8));
            assertThat(ours(s)).isEqualTo(jackson(s));
        }
    }

    @Test
    void controlCharactersQuotesSurrogatePairsAndLongStrings_matchJackson() throws IOException {
        String[] cases = {"", "plain", "tab\there", "new\nline\r\n", "\u0000\u001f\u007f", "q\"b\\s/",
            "caf\u00e9 \u20ac", "emoji \uD83D\uDE00 pair", "lone \uD800 high", "x".repeat(10_000) + "\u00e9\n"};
        for (String s : cases) {
            assertThat(ours(s)).as(s).isEqualTo(jackson(s));
        }
        assertThat(new String(JsonBytes.scratch().string(null).toByteArray(), StandardCharsets.UTF_8)).isEqualTo("null");
    }

    @Test
    void numbers_areWrittenAsLongToStringWritesThem() {
        for (long n : new long[] {0, 7, 10, 99, 100, 1_764_000_000_123L, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            assertThat(new String(JsonBytes.scratch().number(n).toByteArray(), StandardCharsets.US_ASCII))
                    .isEqualTo(Long.toString(n));
        }
    }
}
