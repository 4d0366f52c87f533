package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.expression.Ast.Attr;
import dev.slipway.dynamodb.expression.Ast.Call;
import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Index;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.expression.Ast.Path;
import dev.slipway.dynamodb.expression.Ast.PathElement;
import dev.slipway.dynamodb.expression.Ast.ValueRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phase 2: recursive-descent parser from tokens to {@link Ast}. It only knows the grammar; every
 * check that DynamoDB reports after a successful parse (reserved words, placeholders, functions,
 * overlapping paths) is left to {@link Validator}, except the two facts only the parser sees:
 * redundant parentheses and a repeated update section, which it records for the validator.
 *
 * <p>Where the grammar is ambiguous — {@code (} may open a parenthesised condition or a
 * parenthesised operand — the parser tries the condition first and falls back to the operand;
 * when both fail, the syntax error names the token where parsing got furthest.
 */
final class Parser {
    private static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> UPDATE_KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

    private final String source;
    private final String kind;
    private final List<Token> tokens;
    private final Set<String> keywords;
    private final Set<Object> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Positions where "(" was tried as the start of a parenthesised condition and failed. */
    private final Map<Integer, SyntaxFailure> failedConditionAt = new HashMap<>();
    private int pos;
    private int depth;
    /** Deepest nesting of NOT, parentheses and function calls accepted (no real expression comes close). */
    static final int MAX_DEPTH = 200;

    /** Facts the validator reports in DynamoDB's order of precedence. */
    boolean redundantParentheses;
    String repeatedSection;
    /** Every path an update action writes or removes, in textual order (for overlap messages). */
    final List<Path> actionPaths = new ArrayList<>();

    private Parser(String source, String kind, Set<String> keywords) {
        this.source = source;
        this.kind = kind;
        this.tokens = Tokenizer.tokenize(source);
        this.keywords = keywords;
    }

    /** Thrown inside the parser; {@code index} is the token where parsing failed. */
    private static final class SyntaxFailure extends RuntimeException {
        final int index;

        SyntaxFailure(int index) {
            super(null, null, false, false);
            this.index = index;
        }
    }

    // ---- entry points ----

    static Parsed<Cond> condition(String text, String kind) {
        Parser p = new Parser(text, kind, CONDITION_KEYWORDS);
        p.requireNonEmpty();
        Cond cond = p.run(() -> {
            Cond c = p.parseOr();
            p.expectEof();
            return c;
        });
        return p.parsed(cond);
    }

    static Parsed<Ast.UpdateExpr> update(String text) {
        Parser p = new Parser(text, "UpdateExpression", UPDATE_KEYWORDS);
        p.requireNonEmpty();
        return p.parsed(p.run(p::parseUpdate));
    }

    static Parsed<Ast.ProjectionExpr> projection(String text, String kind) {
        Parser p = new Parser(text, kind, Set.of());
        p.requireNonEmpty();
        Ast.ProjectionExpr expr = p.run(() -> {
            List<Path> paths = new ArrayList<>();
            do {
                paths.add(p.parsePath());
            } while (p.accept(","));
            p.expectEof();
            return new Ast.ProjectionExpr(paths);
        });
        return p.parsed(expr);
    }

    /** A parse result with the parser's observations for the validator; immutable, so it can be cached. */
    record Parsed<T>(T ast, boolean redundantParentheses, String repeatedSection, List<Path> actionPaths) {
        Parsed {
            actionPaths = List.copyOf(actionPaths);
        }
    }

    private <T> Parsed<T> parsed(T ast) {
        return new Parsed<>(ast, redundantParentheses, repeatedSection, actionPaths);
    }

    private void requireNonEmpty() {
        if (source.isBlank()) {
            throw ExpressionErrors.empty(kind);
        }
    }

    private <T> T run(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (SyntaxFailure f) {
            throw syntaxError(f.index);
        }
    }

    /**
     * DynamoDB shows the offending token with its neighbours as they were written: the previous
     * token, the offending one and the next ("SET _123" for token "_", "ADD  SET #createdAt"
     * for token "SET", "([1" for token "[", all recorded from DynamoDB).
     */
    private RuntimeException syntaxError(int index) {
        Token token = tokens.get(index);
        Token first = index > 0 ? tokens.get(index - 1) : token;
        Token last = token;
        if (token.kind() != Token.Kind.EOF && tokens.get(index + 1).kind() != Token.Kind.EOF) {
            last = tokens.get(index + 1);
        }
        int end = last.kind() == Token.Kind.EOF ? first.end() : last.end();
        return ExpressionErrors.syntax(kind, token.display(), source.substring(first.start(), end));
    }

    // ---- token helpers ----

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String punct) {
        if (!accept(punct)) {
            throw fail();
        }
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectEof() {
        if (peek().kind() != Token.Kind.EOF) {
            throw fail();
        }
    }

    private SyntaxFailure fail() {
        return new SyntaxFailure(pos);
    }

    private boolean isKeyword(Token t) {
        return t.kind() == Token.Kind.IDENTIFIER && keywords.contains(t.text().toUpperCase(Locale.ROOT));
    }

    private static SyntaxFailure furthest(SyntaxFailure a, SyntaxFailure b) {
        return a.index >= b.index ? a : b;
    }

    // ---- conditions ----

    private Cond parseOr() {
        Cond left = parseAnd();
        while (acceptKeyword("OR")) {
            left = new Ast.Or(left, parseAnd());
        }
        return left;
    }

    private Cond parseAnd() {
        Cond left = parseNot();
        while (acceptKeyword("AND")) {
            left = new Ast.And(left, parseNot());
        }
        return left;
    }

    private Cond parseNot() {
        enter();
        try {
            if (acceptKeyword("NOT")) {
                return new Ast.Not(parseNot());
            }
            return parsePrimary();
        } finally {
            depth--;
        }
    }

    /**
     * Guards the recursion of NOT, parentheses and function arguments: the 4 KB limit still
     * allows ~2000 levels, enough to overflow the stack of a request thread.
     */
    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw ExpressionErrors.nestedTooDeep(kind, MAX_DEPTH);
        }
    }

    private Cond parsePrimary() {
        if (!peek().is("(")) {
            return parseComparison();
        }
        int start = pos;
        boolean redundantBefore = redundantParentheses;
        SyntaxFailure asCondition = failedConditionAt.get(start);
        if (asCondition == null) {
            try {
                next();
                Cond inner = parseOr();
                expect(")");
                if (parenthesized.contains(inner)) {
                    redundantParentheses = true;
                }
                parenthesized.add(inner);
                return inner;
            } catch (SyntaxFailure failure) {
                // Remembered so that nested "((((a)))) = :v" costs linear, not exponential, time.
                failedConditionAt.put(start, failure);
                asCondition = failure;
            }
        }
        pos = start;
        redundantParentheses = redundantBefore;
        try {
            return parseComparison();
        } catch (SyntaxFailure asOperand) {
            throw furthest(asCondition, asOperand);
        }
    }

    private Cond parseComparison() {
        if (isCallStart()) {
            int start = pos;
            Call call = parseCall();
            Token t = peek();
            if (!(t.kind() == Token.Kind.PUNCT && COMPARATORS.contains(t.text())) && !t.isKeyword("BETWEEN") && !t.isKeyword("IN")) {
                return new Ast.FunctionCond(call);
            }
            pos = start;
        }
        Operand left = parseOperand();
        Token t = peek();
        if (t.kind() == Token.Kind.PUNCT && COMPARATORS.contains(t.text())) {
            next();
            return new Ast.Compare(t.text(), left, parseOperand());
        }
        if (acceptKeyword("BETWEEN")) {
            Operand low = parseOperand();
            if (!acceptKeyword("AND")) {
                throw fail();
            }
            return new Ast.Between(left, low, parseOperand());
        }
        if (acceptKeyword("IN")) {
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(parseOperand());
            } while (accept(","));
            expect(")");
            return new Ast.In(left, candidates);
        }
        throw fail();
    }

    // ---- operands ----

    private boolean isCallStart() {
        return peek().kind() == Token.Kind.IDENTIFIER && !isKeyword(peek()) && peek(1).is("(");
    }

    private Operand parseOperand() {
        enter();
        try {
            return parseOperandInner();
        } finally {
            depth--;
        }
    }

    private Operand parseOperandInner() {
        Token t = peek();
        if (t.is("(")) {
            next();
            Operand inner = parseOperand();
            expect(")");
            if (parenthesized.contains(inner)) {
                redundantParentheses = true;
            }
            parenthesized.add(inner);
            return inner;
        }
        if (t.kind() == Token.Kind.VALUE_REF) {
            next();
            return new ValueRef(t.text(), null);
        }
        if (isCallStart()) {
            return parseCall();
        }
        return new Ast.PathRef(parsePath());
    }

    private Call parseCall() {
        String name = next().text();
        expect("(");
        List<Operand> args = new ArrayList<>();
        do {
            args.add(parseOperand());
        } while (accept(","));
        expect(")");
        return new Call(name, args);
    }

    Path parsePath() {
        List<PathElement> elements = new ArrayList<>();
        elements.add(parsePathName());
        while (true) {
            if (accept(".")) {
                elements.add(parsePathName());
            } else if (peek().is("[")) {
                next();
                Token number = peek();
                if (number.kind() != Token.Kind.NUMBER) {
                    throw fail();
                }
                int index;
                try {
                    index = Integer.parseInt(number.text());
                } catch (NumberFormatException e) {
                    throw fail();
                }
                next();
                expect("]");
                elements.add(new Index(index));
            } else {
                return new Path(elements);
            }
        }
    }

    private Attr parsePathName() {
        Token t = peek();
        if ((t.kind() == Token.Kind.IDENTIFIER && !isKeyword(t)) || t.kind() == Token.Kind.NAME_REF) {
            next();
            return new Attr(t.text());
        }
        throw fail();
    }

    // ---- update expressions ----

    private Ast.UpdateExpr parseUpdate() {
        List<Ast.SetAction> set = new ArrayList<>();
        List<Path> remove = new ArrayList<>();
        List<Ast.AddAction> add = new ArrayList<>();
        List<Ast.DeleteAction> delete = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        while (peek().kind() != Token.Kind.EOF) {
            Token clause = peek();
            if (!isKeyword(clause)) {
                throw fail();
            }
            next();
            String section = clause.text().toUpperCase(Locale.ROOT);
            if (!seen.add(section) && repeatedSection == null) {
                repeatedSection = section;
            }
            do {
                switch (section) {
                    case "SET" -> {
                        Path path = parsePath();
                        actionPaths.add(path);
                        expect("=");
                        set.add(new Ast.SetAction(path, parseSetValue()));
                    }
                    case "REMOVE" -> remove.add(actionPath());
                    case "ADD" -> add.add(new Ast.AddAction(actionPath(), parseValueRef()));
                    default -> delete.add(new Ast.DeleteAction(actionPath(), parseValueRef()));
                }
            } while (accept(","));
        }
        return new Ast.UpdateExpr(set, remove, add, delete);
    }

    private Path actionPath() {
        Path path = parsePath();
        actionPaths.add(path);
        return path;
    }

    private ValueRef parseValueRef() {
        Token t = peek();
        if (t.kind() != Token.Kind.VALUE_REF) {
            throw fail();
        }
        next();
        return new ValueRef(t.text(), null);
    }

    private Operand parseSetValue() {
        if (peek().is("(")) {
            int start = pos;
            try {
                next();
                Operand inner = parseArithmetic();
                expect(")");
                if (peek().is("+") || peek().is("-")) {
                    throw fail(); // "(a) + b": the parentheses wrapped an operand, not the value
                }
                return inner;
            } catch (SyntaxFailure wrapped) {
                pos = start;
                try {
                    return parseArithmetic();
                } catch (SyntaxFailure plain) {
                    throw furthest(wrapped, plain);
                }
            }
        }
        return parseArithmetic();
    }

    private Operand parseArithmetic() {
        Operand left = parseOperand();
        if (peek().is("+") || peek().is("-")) {
            char op = next().text().charAt(0);
            return new Ast.Arith(op, left, parseOperand());
        }
        return left;
    }
}
