package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Route precedence as "Set up a proxy integration with a proxy resource" (API Gateway guide) describes it. */
class PathTrieTest {
    final PathTrie<String> trie = new PathTrie<>();

    PathTrieTest() {
        trie.add("/", "GET", "root");
        trie.add("/users", "GET", "list");
        trie.add("/users/{id}", "GET", "get");
        trie.add("/users/me", "GET", "me");
        trie.add("/users/{id}/orders/{orderId}", "GET", "order");
        trie.add("/users/me/settings", "PUT", "settings");
        trie.add("/{proxy+}", "ANY", "proxy");
        trie.add("/files/{path+}", "GET", "files");
    }

    String route(String path, String method) {
        var m = trie.match(path, method);
        return m == null ? null : m.value();
    }

    @Test
    void staticBeatsParameterBeatsGreedy() {
        assertThat(route("/users/me", "GET")).isEqualTo("me");
        assertThat(route("/users/7", "GET")).isEqualTo("get");
        assertThat(route("/users/7/x", "GET")).isEqualTo("proxy");
    }

    @Test
    void aFailedStaticBranch_fallsBackToTheParameter() {
        var m = trie.match("/users/me/orders/9", "GET");
        assertThat(m.value()).isEqualTo("order");
        assertThat(m.pathParameters()).containsEntry("id", "me").containsEntry("orderId", "9");
        assertThat(m.template()).isEqualTo("/users/{id}/orders/{orderId}");
    }

    @Test
    void methodBeatsAny_andAMissingMethodFallsBackToAGreedyAny() {
        assertThat(route("/users/me/settings", "PUT")).isEqualTo("settings");
        assertThat(route("/users/me/settings", "GET")).isEqualTo("proxy");
        assertThat(trie.match("/users/me/settings", "GET").pathParameters()).containsEntry("proxy", "users/me/settings");
    }

    @Test
    void greedyTakesOneOrMoreSegments_neverZero() {
        assertThat(trie.match("/files/a/b.txt", "GET").pathParameters()).containsEntry("path", "a/b.txt");
        assertThat(route("/files", "GET")).isEqualTo("proxy");
        assertThat(route("/", "GET")).isEqualTo("root");
        assertThat(route("/", "POST")).isNull();
    }

    @Test
    void trailingSlash_isTheSameResource() {
        assertThat(route("/users/", "GET")).isEqualTo("list");
    }
}
