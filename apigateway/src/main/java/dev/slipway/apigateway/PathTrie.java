package dev.slipway.apigateway;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Routes a request path to a resource template as API Gateway does: at each segment a static part
 * beats a path parameter, which beats a greedy {@code {name+}} (which takes one or more remaining
 * segments); a failed branch falls back to the next one. At the matched resource the request's
 * method beats {@code ANY}. Immutable once built; safe to share between threads.
 */
final class PathTrie<T> {
    static final String ANY = "ANY";

    private final Node<T> root = new Node<>("/");

    private static final class Node<T> {
        final String template;
        final Map<String, Node<T>> statics = new HashMap<>();
        Node<T> param;
        String paramName;
        Node<T> greedy;
        String greedyName;
        final Map<String, T> methods = new LinkedHashMap<>();

        Node(String template) {
            this.template = template;
        }
    }

    /** A match: the value, the template that matched (e.g. {@code /users/{id}}) and the decoded parameters. */
    record Match<T>(T value, String template, Map<String, String> pathParameters) {}

    /** Adds a route; the template's segments are {@code static}, {@code {name}} or {@code {name+}} (last only). */
    void add(String template, String method, T value) {
        Node<T> node = root;
        StringBuilder path = new StringBuilder();
        for (String seg : segments(template)) {
            path.append('/').append(seg);
            if (seg.startsWith("{") && seg.endsWith("+}")) {
                if (node.greedy == null) {
                    node.greedy = new Node<>(path.toString());
                    node.greedyName = seg.substring(1, seg.length() - 2);
                }
                node = node.greedy;
            } else if (seg.startsWith("{") && seg.endsWith("}")) {
                if (node.param == null) {
                    node.param = new Node<>(path.toString());
                    node.paramName = seg.substring(1, seg.length() - 1);
                }
                node = node.param;
            } else {
                String p = path.toString();
                node = node.statics.computeIfAbsent(seg, k -> new Node<>(p));
            }
        }
        node.methods.put(method, value);
    }

    boolean isEmpty() {
        return root.methods.isEmpty() && root.statics.isEmpty() && root.param == null && root.greedy == null;
    }

    /** Finds the route for a decoded path and a method, or null when no resource has that method. */
    Match<T> match(String path, String method) {
        String[] segs = segments(path);
        Map<String, String> params = new LinkedHashMap<>(4);
        Node<T> node = find(root, segs, 0, method, params);
        if (node == null) {
            return null;
        }
        T value = node.methods.get(method);
        return new Match<>(value != null ? value : node.methods.get(ANY), node.template, params);
    }

    private Node<T> find(Node<T> node, String[] segs, int i, String method, Map<String, String> params) {
        if (i == segs.length) {
            return node.methods.containsKey(method) || node.methods.containsKey(ANY) ? node : null;
        }
        Node<T> next = node.statics.get(segs[i]);
        if (next != null) {
            Node<T> found = find(next, segs, i + 1, method, params);
            if (found != null) {
                return found;
            }
        }
        if (node.param != null) {
            params.put(node.paramName, segs[i]);
            Node<T> found = find(node.param, segs, i + 1, method, params);
            if (found != null) {
                return found;
            }
            params.remove(node.paramName);
        }
        if (node.greedy != null
                && (node.greedy.methods.containsKey(method) || node.greedy.methods.containsKey(ANY))) {
            params.put(node.greedyName, String.join("/", java.util.Arrays.asList(segs).subList(i, segs.length)));
            return node.greedy;
        }
        return null;
    }

    private static String[] segments(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return start == end ? new String[0] : path.substring(start, end).split("/", -1);
    }
}
