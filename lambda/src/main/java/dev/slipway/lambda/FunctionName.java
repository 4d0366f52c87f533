package dev.slipway.lambda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FunctionName parameter as Lambda accepts it: a name, a partial ARN ({@code 123456789012:function:name})
 * or a full ARN, each optionally followed by {@code :qualifier}.
 */
record FunctionName(String name, Optional<String> qualifier) {
    /** botocore's NamespacedFunctionName pattern. */
    static final String PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern REGEX = Pattern.compile(PATTERN);
    /** Names already parsed: every invoke parses its function name, mostly the same few. */
    private static final Map<String, FunctionName> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 4096;

    static FunctionName parse(String value, String member) {
        FunctionName known = value == null ? null : PARSED.get(value);
        if (known != null) {
            return known;
        }
        if (value == null || value.isEmpty()) {
            throw ValidationException.of(List.of(ValidationException.constraint(value, member,
                    "Member must have length greater than or equal to 1")));
        }
        Matcher m = REGEX.matcher(value);
        if (value.length() > 170 || !m.matches()) {
            throw ValidationException.of(List.of(ValidationException.constraint(value, member,
                    "Member must satisfy regular expression pattern: " + PATTERN)));
        }
        String name = m.group(10);
        if (name.length() > Limits.FUNCTION_NAME_CHARS) {
            throw ValidationException.of(List.of(ValidationException.constraint(value, member,
                    "Member must have length less than or equal to " + Limits.FUNCTION_NAME_CHARS)));
        }
        FunctionName parsed = new FunctionName(name, Optional.ofNullable(m.group(12)));
        if (PARSED.size() < MAX_PARSED) {
            PARSED.put(value, parsed);
        }
        return parsed;
    }
}
