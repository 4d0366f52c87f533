package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.slipway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The invoke path skips Jackson only for payloads Jackson accepts too: never a different verdict. */
class StrictJsonTest {
    private static boolean jacksonAccepts(byte[] payload) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(payload)) {
            if (p.nextToken() != null) {
                p.skipChildren();
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void usualPayloads_areRecognisedWithoutJackson() {
        for (String json : List.of("{}", "[]", "{\"name\":\"bench\",\"n\":1}", " {\"a\": [1, -2.5e+3, true, false, null]} ",
                "\"text\"", "0", "-0.5", "{\"a\":{\"b\":{\"c\":\"\\u00e9\\n\\\"\"}}}")) {
            assertThat(StrictJson.isWellFormed(bytes(json))).as(json).isTrue();
        }
    }

    @Test
    void malformedOrUnusualPayloads_areLeftToJackson() {
        for (String json : List.of("", " ", "{", "{\"a\":}", "[1,]", "01", "1x", "tru", "truex", "{\"a\":1} {}", "'a'",
                "{\"é\":1}", "\"a\u0001\"", "\"\\q\"", "NaN", "[".repeat(100) + "]".repeat(100))) {
            assertThat(StrictJson.isWellFormed(bytes(json))).as(json).isFalse();
        }
    }

    @Test
    void whateverItAccepts_jacksonAcceptsToo_onRandomMutations() {
        Random random = new Random(42);
        byte[] alphabet = bytes("{}[]\":,.-+eE0123456789 \\\tntrufalsx\u00e9");
        String[] seeds = {"{\"name\":\"bench\",\"n\":1}", "[1,2.5,{\"a\":[true,null]}]", "\"x\\u0041\"", "-12e3"};
        for (int i = 0; i < 200_000; i++) {
            byte[] b = bytes(seeds[random.nextInt(seeds.length)]);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && b.length > 0; e++) {
                b[random.nextInt(b.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            if (StrictJson.isWellFormed(b)) {
                assertThat(jacksonAccepts(b)).as(new String(b, StandardCharsets.UTF_8)).isTrue();
            }
        }
    }
}
