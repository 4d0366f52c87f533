package dev.slipway.examples.rewards.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.examples.rewards.App;
import dev.slipway.examples.rewards.service.MethodNotAllowed;
import dev.slipway.examples.rewards.service.NotFound;
import dev.slipway.examples.rewards.service.UserService;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code users} function.
 * <ul>
 * <li>{@code GET /users}: every user, {@code {"items": [User...]}}</li>
 * <li>{@code GET /users?usernames=a,b}: those users that exist, with one BatchGetItem</li>
 * <li>{@code POST /users {"username", "displayName"?}}: registers a user, 201</li>
 * </ul>
 */
public final class UsersHandler extends ApiHandler {

    private final UserService users;

    /** Used by Lambda: the services of {@link App#instance()}. */
    public UsersHandler() {
        this(App.instance());
    }

    public UsersHandler(App app) {
        this.users = app.users();
    }

    @Override
    Result route(ApiRequest request) {
        if (!request.resource().orElse(request.path()).equals("/users")) {
            throw NotFound.route(request.method(), request.path());
        }
        return switch (request.method()) {
            case "GET" -> {
                String usernames = request.query("usernames");
                yield Result.ok(Map.of("items", usernames == null
                        ? users.list()
                        : users.lookup(Arrays.stream(usernames.split(",")).map(String::strip)
                                .filter(name -> !name.isEmpty()).toList())));
            }
            case "POST" -> {
                JsonNode body = request.jsonBody();
                yield Result.created(users.register(Json.text(body, "username"), Json.text(body, "displayName")));
            }
            default -> throw MethodNotAllowed.of(request.method(), request.path(), "GET, POST");
        };
    }
}
