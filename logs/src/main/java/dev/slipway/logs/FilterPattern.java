package dev.slipway.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs filter patterns, compiled once per request:
 * <ul>
 * <li>terms: {@code ERROR timeout} (every term, case-sensitive), {@code "exact phrase"},
 * {@code ERROR -DEBUG} (exclusion), {@code ?ERROR ?WARN} (any of);</li>
 * <li>JSON: {@code { $.level = "ERROR" }}, {@code { $.latency > 100 && $.path = "/api/*" }},
 * {@code ||}, parentheses, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code *} wildcards in
 * strings, {@code IS TRUE|FALSE|NULL}, {@code EXISTS}, {@code NOT EXISTS}.</li>
 * </ul>
 * Space-delimited patterns ({@code [ip, user, ...]}) are not supported and rejected.
 */
final class FilterPattern {
    private FilterPattern() {}

    static Predicate<String> compile(String pattern) {
        String p = pattern == null ? "" : pattern.trim();
        if (p.isEmpty() || p.equals("\"\"")) {
            return m -> true;
        }
        if (p.startsWith("{")) {
            return new JsonParser(p).parse();
        }
        if (p.startsWith("[")) {
            throw LogsException.invalidParameter("Space-delimited filter patterns ([...]) are not supported by the "
                    + "local cloud's CloudWatch Logs");
        }
        return terms(p);
    }

    private static Predicate<String> terms(String p) {
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> target = required;
            if (c == '-' || c == '?') {
                target = c == '-' ? excluded : optional;
                i++;
            }
            String term;
            if (i < p.length() && p.charAt(i) == '"') {
                int end = p.indexOf('"', i + 1);
                if (end < 0) {
                    throw LogsException.invalidParameter("Invalid filter pattern: unterminated quoted term");
                }
                term = p.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < p.length() && !Character.isWhitespace(p.charAt(end))) {
                    end++;
                }
                term = p.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) {
                target.add(term);
            }
        }
        return m -> required.stream().allMatch(m::contains) && excluded.stream().noneMatch(m::contains)
                && (optional.isEmpty() || optional.stream().anyMatch(m::contains));
    }

    /** Recursive descent over the JSON pattern grammar: or := and ('||' and)*; and := atom ('&&' atom)*. */
    private static final class JsonParser {
        private final String s;
        private int pos;

        JsonParser(String s) {
            this.s = s;
        }

        Predicate<String> parse() {
            expect("{");
            Predicate<JsonNode> expr = or();
            expect("}");
            skip();
            if (pos != s.length()) {
                throw invalid();
            }
            return message -> {
                JsonNode doc;
                try {
                    doc = Json.parse(message);
                } catch (Exception e) {
                    return false;
                }
                return doc.isContainerNode() && expr.test(doc);
            };
        }

        private Predicate<JsonNode> or() {
            Predicate<JsonNode> left = and();
            while (accept("||")) {
                left = left.or(and());
            }
            return left;
        }

        private Predicate<JsonNode> and() {
            Predicate<JsonNode> left = atom();
            while (accept("&&")) {
                left = left.and(atom());
            }
            return left;
        }

        private Predicate<JsonNode> atom() {
            if (accept("(")) {
                Predicate<JsonNode> inner = or();
                expect(")");
                return inner;
            }
            String selector = selector();
            skip();
            if (acceptWord("NOT")) {
                expectWord("EXISTS");
                return doc -> resolve(doc, selector).isMissingNode();
            }
            if (acceptWord("EXISTS")) {
                return doc -> !resolve(doc, selector).isMissingNode();
            }
            if (acceptWord("IS")) {
                if (acceptWord("TRUE")) {
                    return doc -> resolve(doc, selector).isBoolean() && resolve(doc, selector).asBoolean();
                }
                if (acceptWord("FALSE")) {
                    return doc -> resolve(doc, selector).isBoolean() && !resolve(doc, selector).asBoolean();
                }
                expectWord("NULL");
                return doc -> resolve(doc, selector).isNull();
            }
            String op = operator();
            skip();
            if (pos < s.length() && s.charAt(pos) == '"') {
                String value = quoted();
                Pattern glob = glob(value);
                boolean equal = op.equals("=");
                if (!equal && !op.equals("!=")) {
                    throw invalid();
                }
                return doc -> {
                    JsonNode n = resolve(doc, selector);
                    boolean matches = n.isValueNode() && !n.isNull() && glob.matcher(n.asText()).matches();
                    return equal ? matches : !matches && !n.isMissingNode();
                };
            }
            String literal = bareword();
            try {
                BigDecimal number = new BigDecimal(literal);
                return doc -> {
                    JsonNode n = resolve(doc, selector);
                    if (!n.isNumber()) {
                        return op.equals("!=") && !n.isMissingNode();
                    }
                    int c = n.decimalValue().compareTo(number);
                    return switch (op) {
                        case "=" -> c == 0;
                        case "!=" -> c != 0;
                        case ">" -> c > 0;
                        case ">=" -> c >= 0;
                        case "<" -> c < 0;
                        default -> c <= 0;
                    };
                };
            } catch (NumberFormatException e) {
                Pattern glob = glob(literal);
                boolean equal = op.equals("=");
                return doc -> {
                    JsonNode n = resolve(doc, selector);
                    boolean matches = n.isValueNode() && glob.matcher(n.asText()).matches();
                    return equal ? matches : !matches && !n.isMissingNode();
                };
            }
        }

        private static JsonNode resolve(JsonNode doc, String selector) {
            JsonNode n = doc;
            for (String part : selector.substring(1).split("(?=[.\\[])")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (part.startsWith(".")) {
                    n = n.path(part.substring(1));
                } else {
                    String index = part.substring(1, part.length() - 1);
                    n = index.equals("*") ? n : n.path(Integer.parseInt(index));
                }
            }
            return n;
        }

        private static Pattern glob(String value) {
            StringBuilder re = new StringBuilder();
            for (String piece : value.split("\\*", -1)) {
                if (re.length() > 0) {
                    re.append(".*");
                }
                re.append(Pattern.quote(piece));
            }
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        }

        private String selector() {
            skip();
            int start = pos;
            if (pos >= s.length() || s.charAt(pos) != '$') {
                throw invalid();
            }
            pos++;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "._-[]*@$".indexOf(s.charAt(pos)) >= 0)) {
                pos++;
            }
            String sel = s.substring(start, pos);
            if (!sel.matches("\\$(\\.[^.\\[\\]]+|\\[(\\d+|\\*)\\])*")) {
                throw invalid();
            }
            return sel;
        }

        private String operator() {
            for (String op : List.of("!=", ">=", "<=", "=", ">", "<")) {
                if (s.startsWith(op, pos)) {
                    pos += op.length();
                    return op;
                }
            }
            throw invalid();
        }

        private String quoted() {
            int end = s.indexOf('"', pos + 1);
            if (end < 0) {
                throw invalid();
            }
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }

        private String bareword() {
            int start = pos;
            while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && "}&|)".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            if (start == pos) {
                throw invalid();
            }
            return s.substring(start, pos);
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean accept(String token) {
            skip();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private boolean acceptWord(String word) {
            skip();
            if (s.regionMatches(true, pos, word, 0, word.length())
                    && (pos + word.length() == s.length() || !Character.isLetter(s.charAt(pos + word.length())))) {
                pos += word.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw invalid();
            }
        }

        private void expectWord(String word) {
            if (!acceptWord(word)) {
                throw invalid();
            }
        }

        private LogsException invalid() {
            return LogsException.invalidParameter("Invalid filter pattern: " + s);
        }
    }
}
