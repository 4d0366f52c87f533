package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.protocol.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The proxy response read field by field with a streaming parser keeps what reading it as a JSON
 * tree gave: repeated fields' last value, header order, non-string values as text, and every
 * malformed shape answered as malformed (null, which the data planes turn into a 502).
 */
class ProxyResponsesTest {

    static HttpResponse rest(String json) {
        return ProxyResponses.rest(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFullResponse_mapsStatusHeadersAndBody() {
        HttpResponse r = rest("{\"statusCode\":201,\"headers\":{\"X-A\":\"1\",\"Content-Type\":\"text/plain\"},"
                + "\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\",\"b=2\"]},\"body\":\"hi\",\"isBase64Encoded\":false}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.headers().toString()).isEqualTo("{Set-Cookie=a=1, Set-Cookie=b=2, X-A=1, Content-Type=text/plain}");
        assertThat(r.bodyAsString()).isEqualTo("hi");
    }

    @Test
    void multiValueHeaders_winOverHeadersOfTheSameName_andContentTypeDefaultsToJson() {
        HttpResponse r = rest("{\"headers\":{\"x-a\":\"single\",\"X-B\":null},\"statusCode\":\"200\","
                + "\"multiValueHeaders\":{\"X-A\":[\"m1\",\"m2\"]}}");
        assertThat(r.headers().toString()).isEqualTo("{X-A=m1, X-A=m2, Content-Type=application/json}");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aRepeatedField_keepsItsLastValue_andHeadersTheirFirstPosition() {
        HttpResponse r = rest("{\"statusCode\":500,\"headers\":5,\"statusCode\":202,"
                + "\"headers\":{\"A\":\"1\",\"B\":\"2\",\"A\":\"3\"},\"body\":7,\"body\":\"last\"}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.headers().toString()).isEqualTo("{A=3, B=2, Content-Type=application/json}");
        assertThat(r.bodyAsString()).isEqualTo("last");
    }

    @Test
    void nonStringHeaderValues_areTheirJsonText() {
        HttpResponse r = rest("{\"statusCode\":200,\"headers\":{\"N\":42,\"T\":true,\"D\":1.5},"
                + "\"multiValueHeaders\":{\"M\":[1,null,\"s\"]}}");
        assertThat(r.headers().toString()).isEqualTo("{M=1, M=null, M=s, N=42, T=true, D=1.5, Content-Type=application/json}");
    }

    @Test
    void aBase64Body_isDecoded_withTheFlagAsBooleanOrText() {
        assertThat(rest("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":true}").bodyAsString()).isEqualTo("hi");
        assertThat(rest("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":\"true\"}").bodyAsString()).isEqualTo("hi");
        assertThat(rest("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":null}").bodyAsString()).isEqualTo("aGk=");
        assertThat(rest("{\"statusCode\":200,\"body\":\"a\",\"isBase64Encoded\":true}")).isNull();
    }

    @Test
    void malformedResponses_areNull() {
        assertThat(rest("")).isNull();
        assertThat(rest("[]")).isNull();
        assertThat(rest("\"text\"")).isNull();
        assertThat(rest("{\"statusCode\":200,\"extra\":1}")).isNull();
        assertThat(rest("{\"body\":\"no status\"}")).isNull();
        assertThat(rest("{\"statusCode\":99}")).isNull();
        assertThat(rest("{\"statusCode\":200.0}")).isNull();
        assertThat(rest("{\"statusCode\":200,\"body\":{\"not\":\"a string\"}}")).isNull();
        assertThat(rest("{\"statusCode\":200,\"headers\":[]}")).isNull();
        assertThat(rest("{\"statusCode\":200,\"multiValueHeaders\":{\"A\":\"not a list\"}}")).isNull();
        assertThat(rest("{\"statusCode\":200,\"body\":\"cut")).isNull();
    }

    static HttpResponse httpApi(String json) {
        return ProxyResponses.httpApi(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void payloadFormat2_withoutStatusCode_answersThePayloadAsJson() {
        assertThat(httpApi(" {\"message\":\"hi\",\"n\":[1,2]} ").bodyAsString()).isEqualTo("{\"message\":\"hi\",\"n\":[1,2]}");
        assertThat(httpApi("\"plain\"").bodyAsString()).isEqualTo("plain");
        assertThat(httpApi("42").headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(httpApi("{\"unclosed\":")).isNull();
    }

    @Test
    void payloadFormat2_cookiesBecomeSetCookie_andOtherFieldsAreIgnored() {
        HttpResponse r = httpApi("{\"statusCode\":200,\"extra\":{\"x\":[1]},\"cookies\":[\"a=1\",\"b=2\"],"
                + "\"headers\":{\"content-type\":\"text/plain\",\"n\":null},\"body\":\"ok\"}");
        assertThat(r.headers().toString()).isEqualTo("{content-type=text/plain, Set-Cookie=a=1, Set-Cookie=b=2}");
        assertThat(r.bodyAsString()).isEqualTo("ok");
        assertThat(httpApi("{\"statusCode\":null,\"body\":\"x\"}")).isNull();
        assertThat(httpApi("{\"statusCode\":200,\"headers\":\"x\"}")).isNull();
    }
}
