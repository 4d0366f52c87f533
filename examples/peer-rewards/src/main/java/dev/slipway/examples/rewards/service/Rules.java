package dev.slipway.examples.rewards.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The app's rules in one place, so the services, the tests and the SPA's README agree on them. */
public final class Rules {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9_-]{3,20}");
    public static final String USERNAME_RULE = "3–20 characters: lower-case letters, digits, _ or -";
    public static final int DISPLAY_NAME_MAX = 40;
    public static final int POINTS_MIN = 1;
    public static final int POINTS_MAX = 100;
    public static final int MESSAGE_MAX = 280;
    public static final Duration WITHDRAW_WINDOW = Duration.ofMinutes(5);
    public static final int PAGE_DEFAULT = 20;
    public static final int PAGE_MAX = 100;
    public static final int LEADERBOARD_DEFAULT = 10;
    public static final int LEADERBOARD_MAX = 50;
    /** BatchGetItem reads at most 100 keys; GET /users?usernames= accepts as many. */
    public static final int USERNAMES_PER_LOOKUP = 100;

    private Rules() {
    }

    /** Collects every broken rule of a request, then fails once with all of them. */
    static final class Violations {
        private final Map<String, String> fields = new LinkedHashMap<>();

        Violations username(String field, String value) {
            if (value == null || value.isEmpty()) {
                add(field, field + " is required");
            } else if (!USERNAME.matcher(value).matches()) {
                add(field, field + " must be " + USERNAME_RULE + " (got \"" + abbreviate(value) + "\")");
            }
            return this;
        }

        Violations range(String field, Long value, long min, long max) {
            if (value == null) {
                add(field, field + " is required");
            } else if (value < min || value > max) {
                add(field, field + " must be between " + min + " and " + max + " (got " + value + ")");
            }
            return this;
        }

        Violations text(String field, String value, int max, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(field, field + " is required");
                }
            } else if (value.codePointCount(0, value.length()) > max) {
                add(field, field + " must be at most " + max + " characters (got "
                        + value.codePointCount(0, value.length()) + ")");
            }
            return this;
        }

        Violations add(String field, String message) {
            fields.putIfAbsent(field, message);
            return this;
        }

        boolean has(String field) {
            return fields.containsKey(field);
        }

        void throwIfAny() {
            if (!fields.isEmpty()) {
                throw BadRequest.validation(fields);
            }
        }

        private static String abbreviate(String value) {
            return value.length() <= 30 ? value : value.substring(0, 27) + "...";
        }
    }
}
