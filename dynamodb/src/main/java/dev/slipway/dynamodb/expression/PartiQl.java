package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.expression.Ast.Path;
import dev.slipway.dynamodb.expression.Ast.PathElement;
import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parser for DynamoDB's PartiQL subset: SELECT (projection, FROM table or "table"."index",
 * WHERE, ORDER BY), INSERT INTO t VALUE {...}, UPDATE t SET/REMOVE ... WHERE, DELETE FROM t
 * WHERE. The WHERE clause compiles to the expression language's condition tree and UPDATE's
 * actions to its update tree, so evaluation is shared. {@code ?} placeholders are bound, in
 * order, to the request's Parameters.
 *
 * <p>Own lexer (PartiQL has string literals, quoted identifiers, {@code << >>} bags and
 * signed/decimal numbers, which the expression language has not).
 */
public final class PartiQl {
    private final List<Tok> tokens;
    private final List<AttributeValue> parameters;
    private int pos;
    private int nextParameter;

    private enum K { WORD, QUOTED, STRING, NUMBER, PUNCT, EOF }

    private record Tok(K kind, String text, int start) {
        boolean is(String punct) {
            return kind == K.PUNCT && text.equals(punct);
        }

        boolean isWord(String word) {
            return kind == K.WORD && text.equalsIgnoreCase(word);
        }
    }

    private PartiQl(String source, List<AttributeValue> parameters) {
        this.parameters = parameters;
        this.tokens = lex(source);
    }

    /** Parses one statement; {@code parameters} may be empty. Throws ValidationException with DynamoDB's wording. */
    public static Statement parse(String statement, List<AttributeValue> parameters) {
        if (statement == null || statement.isBlank()) {
            throw malformed("Unexpected end of statement");
        }
        PartiQl p = new PartiQl(statement, parameters == null ? List.of() : parameters);
        Statement result = p.statement();
        if (p.nextParameter != p.parameters.size()) {
            throw new ValidationException("Number of parameters in request and statement don't match.");
        }
        return result;
    }

    private static ValidationException malformed(String detail) {
        return new ValidationException("Statement wasn't well formed, can't be processed: " + detail);
    }

    private ValidationException unexpected() {
        Tok t = peek();
        return malformed(t.kind == K.EOF ? "Unexpected end of statement" : "Unexpected token: " + t.text + " at position " + t.start);
    }

    // ================= lexer =================

    private static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
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
                        throw malformed("Unterminated " + (c == '"' ? "quoted identifier" : "string literal") + " at position " + start);
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
                    i++;
                    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
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

    // ================= token helpers =================

    private Tok peek() {
        return tokens.get(pos);
    }

    private Tok peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Tok next() {
        Tok t = tokens.get(pos);
        if (t.kind != K.EOF) {
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

    private boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String punct) {
        if (!accept(punct)) {
            throw unexpected();
        }
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw unexpected();
        }
    }

    private void expectEnd() {
        accept(";");
        if (peek().kind != K.EOF) {
            throw unexpected();
        }
    }

    // ================= statements =================

    private Statement statement() {
        Tok first = peek();
        if (first.isWord("SELECT")) {
            next();
            return select();
        }
        if (first.isWord("INSERT")) {
            next();
            return insert();
        }
        if (first.isWord("UPDATE")) {
            next();
            return update();
        }
        if (first.isWord("DELETE")) {
            next();
            return delete();
        }
        throw unexpected();
    }

    private Statement select() {
        Optional<Projection> projection = Optional.empty();
        if (!accept("*")) {
            List<Path> paths = new ArrayList<>();
            do {
                paths.add(path());
            } while (accept(","));
            projection = Optional.of(new Projection(new Ast.ProjectionExpr(paths)));
        }
        expectWord("FROM");
        String table = name();
        Optional<String> index = Optional.empty();
        if (accept(".")) {
            index = Optional.of(name());
        }
        Cond where = null;
        if (acceptWord("WHERE")) {
            where = or();
        }
        Optional<String> orderBy = Optional.empty();
        boolean descending = false;
        if (acceptWord("ORDER")) {
            expectWord("BY");
            orderBy = Optional.of(name());
            if (acceptWord("DESC")) {
                descending = true;
            } else {
                acceptWord("ASC");
            }
        }
        expectEnd();
        return new Statement.SelectStatement(table, index, projection, new Condition(where), keyEqualities(where), orderBy, descending);
    }

    private Statement insert() {
        expectWord("INTO");
        String table = name();
        expectWord("VALUE");
        if (!peek().is("{")) {
            throw unexpected();
        }
        AttributeValue value = value();
        expectEnd();
        return new Statement.InsertStatement(table, ((AttributeValue.M) value).value());
    }

    private Statement update() {
        String table = name();
        List<Ast.SetAction> set = new ArrayList<>();
        List<Path> remove = new ArrayList<>();
        List<Ast.AddAction> add = new ArrayList<>();
        List<Ast.DeleteAction> delete = new ArrayList<>();
        List<Path> actionPaths = new ArrayList<>();
        boolean any = false;
        while (true) {
            if (acceptWord("SET")) {
                do {
                    Path path = path();
                    actionPaths.add(path);
                    expect("=");
                    setValue(path, set, add, delete);
                } while (accept(","));
            } else if (acceptWord("REMOVE")) {
                do {
                    Path path = path();
                    actionPaths.add(path);
                    remove.add(path);
                } while (accept(","));
            } else {
                break;
            }
            any = true;
        }
        if (!any) {
            throw unexpected();
        }
        expectWord("WHERE");
        Cond where = or();
        expectEnd();
        Validator.checkOverlaps("UpdateExpression", actionPaths);
        Update update = new Update(new Ast.UpdateExpr(set, remove, add, delete));
        return new Statement.UpdateStatement(table, update, new Condition(where), keyEqualities(where));
    }

    private void setValue(Path target, List<Ast.SetAction> set, List<Ast.AddAction> add, List<Ast.DeleteAction> delete) {
        if ((peek().isWord("set_add") || peek().isWord("set_delete")) && peek(1).is("(")) {
            boolean isAdd = next().text.equalsIgnoreCase("set_add");
            expect("(");
            Path path = path();
            if (!path.equals(target)) {
                throw malformed((isAdd ? "set_add" : "set_delete") + " must operate on the attribute being set");
            }
            expect(",");
            AttributeValue value = value();
            expect(")");
            Ast.ValueRef ref = literal(value);
            if (!(value instanceof AttributeValue.SS || value instanceof AttributeValue.NS || value instanceof AttributeValue.BS)) {
                throw ExpressionErrors.incorrectOperandType();
            }
            if (isAdd) {
                add.add(new Ast.AddAction(target, ref));
            } else {
                delete.add(new Ast.DeleteAction(target, ref));
            }
            return;
        }
        Operand left = updateOperand();
        if (peek().is("+") || peek().is("-")) {
            char op = next().text.charAt(0);
            left = new Ast.Arith(op, left, updateOperand());
        }
        set.add(new Ast.SetAction(target, left));
    }

    private Operand updateOperand() {
        if ((peek().isWord("list_append") || peek().isWord("if_not_exists")) && peek(1).is("(")) {
            String function = next().text.toLowerCase(Locale.ROOT);
            expect("(");
            Operand first = updateOperand();
            expect(",");
            Operand second = updateOperand();
            expect(")");
            if (function.equals("if_not_exists") && !(first instanceof Ast.PathRef)) {
                throw ExpressionErrors.requiresPath("UpdateExpression", "if_not_exists");
            }
            return new Ast.Call(function, List.of(first, second));
        }
        return operand();
    }

    private Statement delete() {
        expectWord("FROM");
        String table = name();
        expectWord("WHERE");
        Cond where = or();
        expectEnd();
        return new Statement.DeleteStatement(table, new Condition(where), keyEqualities(where));
    }

    /** The {@code path = literal} terms (top-level attributes only) of the WHERE clause's top AND chain. */
    private static Map<String, AttributeValue> keyEqualities(Cond where) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        collectEqualities(where, result);
        return result;
    }

    private static void collectEqualities(Cond cond, Map<String, AttributeValue> into) {
        if (cond instanceof Ast.And a) {
            collectEqualities(a.left(), into);
            collectEqualities(a.right(), into);
        } else if (cond instanceof Ast.Compare c && c.op().equals("=")) {
            if (c.left() instanceof Ast.PathRef p && p.path().size() == 1 && c.right() instanceof Ast.ValueRef v) {
                into.putIfAbsent(p.path().top(), v.value());
            } else if (c.right() instanceof Ast.PathRef p && p.path().size() == 1 && c.left() instanceof Ast.ValueRef v) {
                into.putIfAbsent(p.path().top(), v.value());
            }
        }
    }

    // ================= WHERE conditions =================

    private Cond or() {
        Cond left = and();
        while (acceptWord("OR")) {
            left = new Ast.Or(left, and());
        }
        return left;
    }

    private Cond and() {
        Cond left = not();
        while (acceptWord("AND")) {
            left = new Ast.And(left, not());
        }
        return left;
    }

    private Cond not() {
        if (acceptWord("NOT")) {
            return new Ast.Not(not());
        }
        return predicate();
    }

    private Cond predicate() {
        if (peek().is("(")) {
            int start = pos;
            int startParameter = nextParameter;
            try {
                next();
                Cond inner = or();
                expect(")");
                return inner;
            } catch (ValidationException asCondition) {
                pos = start; // "(a) = 1": the parentheses wrapped an operand; parse again as one
                nextParameter = startParameter;
            }
        }
        if (peek().kind == K.WORD && peek(1).is("(")) {
            String function = peek().text.toLowerCase(Locale.ROOT);
            if (Set.of("begins_with", "contains", "attribute_type").contains(function)) {
                next();
                expect("(");
                Operand path = new Ast.PathRef(path());
                expect(",");
                Operand arg = operand();
                expect(")");
                if (function.equals("attribute_type")) {
                    if (!(arg instanceof Ast.ValueRef v && v.value() instanceof AttributeValue.S)) {
                        throw malformed("attribute_type expects a type name string");
                    }
                }
                return new Ast.FunctionCond(new Ast.Call(function, List.of(path, arg)));
            }
            if (function.equals("exists") || function.equals("missing")) {
                throw malformed("Unsupported function: " + function);
            }
        }
        Operand left = operand();
        Tok t = peek();
        if (t.kind == K.PUNCT && Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(t.text)) {
            next();
            return new Ast.Compare(t.text.equals("!=") ? "<>" : t.text, left, operand());
        }
        if (acceptWord("BETWEEN")) {
            Operand low = operand();
            expectWord("AND");
            return new Ast.Between(left, low, operand());
        }
        if (acceptWord("IN")) {
            String close = accept("[") ? "]" : null;
            if (close == null) {
                expect("(");
                close = ")";
            }
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (accept(","));
            expect(close);
            if (candidates.size() > Validator.MAX_IN_OPERANDS) {
                throw malformed("IN operator supports up to " + Validator.MAX_IN_OPERANDS + " values");
            }
            return new Ast.In(left, candidates);
        }
        if (acceptWord("IS")) {
            boolean negate = acceptWord("NOT");
            Cond test;
            if (acceptWord("MISSING")) {
                test = new Ast.FunctionCond(new Ast.Call("attribute_not_exists", List.of(requirePath(left))));
            } else if (acceptWord("NULL")) {
                test = new Ast.FunctionCond(new Ast.Call("attribute_type", List.of(requirePath(left),
                        literal(new AttributeValue.S("NULL")))));
            } else {
                throw unexpected();
            }
            return negate ? new Ast.Not(test) : test;
        }
        throw unexpected();
    }

    private Operand requirePath(Operand operand) {
        if (!(operand instanceof Ast.PathRef)) {
            throw malformed("IS MISSING and IS NULL apply to attributes");
        }
        return operand;
    }

    private Operand operand() {
        if (accept("(")) {
            Operand inner = operand();
            expect(")");
            return inner;
        }
        Tok t = peek();
        if (t.isWord("size") && peek(1).is("(")) {
            next();
            expect("(");
            Operand path = new Ast.PathRef(path());
            expect(")");
            return new Ast.Call("size", List.of(path));
        }
        if (t.kind == K.WORD && !isLiteralWord(t) || t.kind == K.QUOTED) {
            return new Ast.PathRef(path());
        }
        return literal(value());
    }

    private static boolean isLiteralWord(Tok t) {
        return t.isWord("TRUE") || t.isWord("FALSE") || t.isWord("NULL");
    }

    private static Ast.ValueRef literal(AttributeValue value) {
        return new Ast.ValueRef("?", value);
    }

    // ================= names, paths, values =================

    private String name() {
        Tok t = peek();
        if (t.kind == K.WORD || t.kind == K.QUOTED) {
            next();
            return t.text;
        }
        throw unexpected();
    }

    private Path path() {
        List<PathElement> elements = new ArrayList<>();
        elements.add(new Ast.Attr(name()));
        while (true) {
            if (peek().is(".") && (peek(1).kind == K.WORD || peek(1).kind == K.QUOTED)) {
                next();
                elements.add(new Ast.Attr(name()));
            } else if (accept("[")) {
                Tok t = next();
                if (t.kind == K.NUMBER && t.text.chars().allMatch(Character::isDigit)) {
                    elements.add(new Ast.Index(Integer.parseInt(t.text)));
                } else if (t.kind == K.STRING) {
                    elements.add(new Ast.Attr(t.text));
                } else {
                    pos--;
                    throw unexpected();
                }
                expect("]");
            } else {
                return new Path(elements);
            }
        }
    }

    private AttributeValue value() {
        Tok t = peek();
        if (accept("?")) {
            if (nextParameter >= parameters.size()) {
                throw new ValidationException("Number of parameters in request and statement don't match.");
            }
            return parameters.get(nextParameter++);
        }
        if (t.kind == K.STRING) {
            next();
            return new AttributeValue.S(t.text);
        }
        if (t.kind == K.NUMBER || (t.is("-") && peek(1).kind == K.NUMBER)) {
            boolean negative = accept("-");
            Tok number = next();
            try {
                BigDecimal value = new BigDecimal(number.text);
                value = negative ? value.negate() : value;
                return new AttributeValue.N(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
            } catch (NumberFormatException e) {
                throw malformed("Invalid number: " + number.text);
            }
        }
        if (t.isWord("TRUE") || t.isWord("FALSE")) {
            next();
            return new AttributeValue.Bool(t.text.equalsIgnoreCase("TRUE"));
        }
        if (t.isWord("NULL")) {
            next();
            return new AttributeValue.Null();
        }
        if (accept("[")) {
            List<AttributeValue> list = new ArrayList<>();
            if (!accept("]")) {
                do {
                    list.add(value());
                } while (accept(","));
                expect("]");
            }
            return new AttributeValue.L(list);
        }
        if (accept("{")) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            if (!accept("}")) {
                do {
                    Tok key = next();
                    if (key.kind != K.STRING) {
                        pos--;
                        throw unexpected();
                    }
                    expect(":");
                    map.put(key.text, value());
                } while (accept(","));
                expect("}");
            }
            return new AttributeValue.M(map);
        }
        if (accept("<<")) {
            List<AttributeValue> elements = new ArrayList<>();
            do {
                elements.add(value());
            } while (accept(","));
            expect(">>");
            return set(elements);
        }
        throw unexpected();
    }

    private static AttributeValue set(List<AttributeValue> elements) {
        String type = elements.get(0).type();
        for (AttributeValue e : elements) {
            if (!e.type().equals(type) || !Set.of("S", "N", "B").contains(type)) {
                throw malformed("A set must contain strings, numbers or binaries, all of one type");
            }
        }
        return switch (type) {
            case "S" -> {
                Set<String> set = new LinkedHashSet<>();
                elements.forEach(e -> set.add(((AttributeValue.S) e).value()));
                yield new AttributeValue.SS(set);
            }
            case "N" -> {
                Set<BigDecimal> set = new LinkedHashSet<>();
                elements.forEach(e -> set.add(((AttributeValue.N) e).value()));
                yield new AttributeValue.NS(set);
            }
            default -> {
                Set<AttributeValue.B> set = new LinkedHashSet<>();
                elements.forEach(e -> set.add((AttributeValue.B) e));
                yield new AttributeValue.BS(set);
            }
        };
    }
}
