package dev.slipway.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Phase 1: splits expression text into tokens. A character that starts no token becomes a
 * one-character {@link Token.Kind#PUNCT} token, so that the parser reports it as DynamoDB does
 * ({@code Syntax error; token: "!", near: "= !"}) instead of the tokenizer inventing its own error.
 */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            if (isWordStart(c)) {
                while (i < n && isWordPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENTIFIER, text.substring(start, i), start));
            } else if (c >= '0' && c <= '9') {
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start));
            } else if ((c == '#' || c == ':') && i + 1 < n && isWordPart(text.charAt(i + 1))) {
                i++;
                while (i < n && isWordPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF, text.substring(start, i), start));
            } else if ((c == '<' || c == '>') && i + 1 < n && text.charAt(i + 1) == '=') {
                tokens.add(new Token(Token.Kind.PUNCT, text.substring(start, i + 2), start));
                i += 2;
            } else if (c == '<' && i + 1 < n && text.charAt(i + 1) == '>') {
                tokens.add(new Token(Token.Kind.PUNCT, "<>", start));
                i += 2;
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                tokens.add(new Token(Token.Kind.PUNCT, text.substring(start, i), start));
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", n));
        return tokens;
    }

    /** Names start with a letter: DynamoDB reads "_123" as the token "_" followed by "123". */
    static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isWordPart(char c) {
        return isWordStart(c) || c == '_' || (c >= '0' && c <= '9');
    }
}
