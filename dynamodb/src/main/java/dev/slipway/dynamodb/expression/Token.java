package dev.slipway.dynamodb.expression;

/** One lexical token of an expression; {@code start} is its offset in the source text. */
record Token(Kind kind, String text, int start) {

    enum Kind {
        /** A bare word: attribute name, function name or keyword (keywords are decided by the parser). */
        IDENTIFIER,
        /** {@code #name}: an ExpressionAttributeNames placeholder. */
        NAME_REF,
        /** {@code :value}: an ExpressionAttributeValues placeholder. */
        VALUE_REF,
        /** Digits, only meaningful as a list index. */
        NUMBER,
        /** One of {@code ( ) [ ] . , = <> < <= > >= + -}. */
        PUNCT,
        EOF
    }

    int end() {
        return start + text.length();
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** How DynamoDB names the token in a syntax error. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
