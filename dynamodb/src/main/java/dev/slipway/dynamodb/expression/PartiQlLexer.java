package dev.slipway.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tokens of a PartiQL statement: words, "quoted identifiers", 'string literals' (quotes doubled
 * to escape), numbers with decimals and exponents, and punctuation including {@code << >> <> !=}.
 * Comments: {@code --} to end of line and {@code /* ... *}{@code /}; a {@code #} or an unterminated
 * block comment is DynamoDB's bare "wasn't well formed" error.
 */
final class PartiQlLexer {
    private PartiQlLexer() {
    }

    enum K { WORD, QUOTED, STRING, NUMBER, PUNCT, EOF }

    record Tok(K kind, String text, int start) {
        boolean is(String punct) {
            return kind == K.PUNCT && text.equals(punct);
        }

        boolean isWord(String word) {
            return kind == K.WORD && text.equalsIgnoreCase(word);
        }
    }

    static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw PartiQl.malformed(""); // recorded: an unterminated block comment has nothing after the colon
                }
                i = end + 2;
            } else if (c == '#') {
                throw PartiQl.malformed(""); // recorded: a hash comment has nothing after the colon
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Tok(K.WORD, s.substring(start, i), start));
            } else if (c == '\'' || c == '"') {
                int start = i;
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw PartiQl.malformed("Unterminated " + (c == '"' ? "quoted identifier" : "string literal"));
                    }
                    if (s.charAt(i) == c) {
                        if (i + 1 < s.length() && s.charAt(i + 1) == c) {
                            text.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(s.charAt(i++));
                }
                out.add(new Tok(c == '"' ? K.QUOTED : K.STRING, text.toString(), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int mark = i;
                    i++;
                    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < s.length() && Character.isDigit(s.charAt(i))) {
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    } else {
                        i = mark;
                    }
                }
                out.add(new Tok(K.NUMBER, s.substring(start, i), start));
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (Set.of("<<", ">>", "<=", ">=", "<>", "!=").contains(two)) {
                    out.add(new Tok(K.PUNCT, two, i));
                    i += 2;
                } else {
                    out.add(new Tok(K.PUNCT, String.valueOf(c), i));
                    i++;
                }
            }
        }
        out.add(new Tok(K.EOF, "", s.length()));
        return out;
    }
}
