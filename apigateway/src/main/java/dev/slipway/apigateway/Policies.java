package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the IAM policy a Lambda authorizer returns against a method ARN
 * ({@code arn:aws:execute-api:region:account:apiId/stage/VERB/path}): an explicit Deny wins, else
 * an Allow is needed. Actions {@code execute-api:Invoke}, {@code execute-api:*} and {@code *} apply;
 * {@code *} and {@code ?} are wildcards in actions and resources, case-sensitive as IAM's are.
 */
final class Policies {
    enum Effect { ALLOW, DENY, NONE }

    private Policies() {}

    /** Whether the document is shaped as a policy: an object with a Statement (object or array). */
    static boolean valid(JsonNode policy) {
        if (policy == null || !policy.isObject()) {
            return false;
        }
        JsonNode s = policy.get("Statement");
        return s != null && (s.isArray() || s.isObject());
    }

    static Effect evaluate(JsonNode policy, String methodArn) {
        boolean allowed = false;
        JsonNode statements = policy.get("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else {
            list.add(statements);
        }
        for (JsonNode s : list) {
            if (!matchesAny(s.get("Action"), "execute-api:Invoke") || !matchesAny(s.get("Resource"), methodArn)) {
                continue;
            }
            String effect = s.path("Effect").asText();
            if (effect.equals("Deny")) {
                return Effect.DENY;
            }
            if (effect.equals("Allow")) {
                allowed = true;
            }
        }
        return allowed ? Effect.ALLOW : Effect.NONE;
    }

    private static boolean matchesAny(JsonNode patterns, String value) {
        if (patterns == null || patterns.isNull()) {
            return false;
        }
        if (patterns.isArray()) {
            for (JsonNode p : patterns) {
                if (wildcard(p.asText(), value)) {
                    return true;
                }
            }
            return false;
        }
        return wildcard(patterns.asText(), value);
    }

    /** IAM wildcard matching: {@code *} any run of characters, {@code ?} one character. */
    static boolean wildcard(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int mark = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
