package dev.slipway.examples.rewards.handler;

import static dev.slipway.examples.rewards.handler.ApiEvents.json;
import static dev.slipway.examples.rewards.handler.ApiEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.slipway.examples.rewards.App;
import dev.slipway.examples.rewards.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersHandlerTest {

    final App app = App.inMemory(MutableClock.at("2026-11-26T12:00:00Z"));
    final UsersHandler handler = new UsersHandler(app);

    APIGatewayProxyResponseEvent post(String body) {
        return handler.handleRequest(request("POST", "/users", "/users").withBody(body), null);
    }

    APIGatewayProxyResponseEvent get(Map<String, String> query) {
        return handler.handleRequest(request("GET", "/users", "/users").withQueryStringParameters(query), null);
    }

    @Test
    void postUsers_registersAndAnswers201WithTheUserAndCorsHeaders() {
        var response = post("{\"username\":\"alice\",\"displayName\":\"Alice\"}");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders())
                .containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(json(response).toString()).isEqualTo("{\"username\":\"alice\",\"displayName\":\"Alice\","
                + "\"points\":0,\"createdAt\":\"2026-11-26T12:00:00Z\"}");
    }

    @Test
    void postUsers_withAnInvalidUsername_answers400WithTheRuleAndCorsHeaders() {
        var response = post("{\"username\":\"Al\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(json(response).get("error").asText()).isEqualTo("ValidationError");
        assertThat(json(response).get("message").asText())
                .isEqualTo("username must be 3–20 characters: lower-case letters, digits, _ or - (got \"Al\")");
        assertThat(json(response).at("/fields/username").asText()).startsWith("username must be");
    }

    @Test
    void postUsers_twice_answers409() {
        post("{\"username\":\"alice\"}");

        var response = post("{\"username\":\"alice\"}");

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).get("error").asText()).isEqualTo("UsernameTaken");
    }

    @Test
    void postUsers_withBrokenJson_answers400InvalidJson() {
        for (String body : new String[] {"{\"username\":", "", "[1]", "\"alice\""}) {
            var response = post(body);

            assertThat(response.getStatusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("error").asText()).as(body).isEqualTo("InvalidJson");
            assertThat(json(response).get("message").asText()).startsWith("the request body is not valid JSON: ");
        }
    }

    @Test
    void postUsers_withANonStringUsername_answers400() {
        var response = post("{\"username\":42}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("username must be a string");
    }

    @Test
    void postUsers_acceptsABase64EncodedBody() {
        var event = request("POST", "/users", "/users")
                .withBody(java.util.Base64.getEncoder().encodeToString("{\"username\":\"alice\"}".getBytes()))
                .withIsBase64Encoded(true);

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(201);
    }

    @Test
    void getUsers_listsEveryUserByUsername() {
        post("{\"username\":\"carol\"}");
        post("{\"username\":\"alice\"}");

        var response = get(null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("items").findValuesAsText("username")).containsExactly("alice", "carol");
    }

    @Test
    void getUsers_withUsernames_returnsThoseThatExist() {
        post("{\"username\":\"alice\"}");
        post("{\"username\":\"bob\"}");
        post("{\"username\":\"carol\"}");

        var response = get(Map.of("usernames", "carol, nobody,alice,"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("items").findValuesAsText("username")).containsExactly("alice", "carol");
    }

    @Test
    void deleteUsers_answers405WithAllow() {
        var response = handler.handleRequest(request("DELETE", "/users", "/users"), null);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, POST")
                .containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(json(response).get("error").asText()).isEqualTo("MethodNotAllowed");
    }

    @Test
    void options_answers204WithCorsHeaders() {
        var response = handler.handleRequest(request("OPTIONS", "/users", "/users"), null);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders()).containsAllEntriesOf(ApiHandler.CORS);
    }
}
