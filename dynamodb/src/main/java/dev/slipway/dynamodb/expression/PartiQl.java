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
 * WHERE, ORDER BY), INSERT INTO t VALUE {...}, UPDATE t SET/REMOVE ... WHERE ... [RETURNING],
 * DELETE FROM t WHERE ... [RETURNING ALL OLD *]. The WHERE clause compiles to the expression
 * language's condition tree and UPDATE's actions to its update tree, so evaluation is shared.
 * {@code ?} placeholders are bound, in order, to the request's Parameters.
 *
 * <p>Error texts follow answers recorded from DynamoDB ("Statement wasn't well formed, can't be
 * processed: Unexpected token after expression", "... Unexpected term", "Aliasing is not
 * supported", number range errors "... under root.x"). Tokens come from {@link PartiQlLexer}.
 */
public final class PartiQl {
    private static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "ORDER", "BY", "SET", "REMOVE", "INSERT",
            "INTO", "VALUE", "UPDATE", "DELETE", "RETURNING", "ASC", "DESC", "AS");
    private static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "IS", "LIKE", "BETWEEN", "IN");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

    private final List<PartiQlLexer.Tok> tokens;
    private final List<AttributeValue> parameters;
    private int pos;
    private int nextParameter;
    private int depth;
    private final Set<Integer> failedConditionAt = new java.util.HashSet<>();

    private PartiQl(String source, List<AttributeValue> parameters) {
        this.parameters = parameters;
        this.tokens = PartiQlLexer.lex(source);
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

    static ValidationException malformed(String detail) {
        return new ValidationException(NOT_WELL_FORMED + detail);
    }

    /** The error for a token found where an operand (a "term") must start. */
    private ValidationException unexpectedTerm() {
        PartiQlLexer.Tok t = peek();
        if (t.kind() == PartiQlLexer.K.WORD && OPERATOR_WORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
            return malformed("Unexpected operator");
        }
        if (t.kind() == PartiQlLexer.K.WORD && KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
            return malformed("Unexpected keyword");
        }
        if (t.kind() == PartiQlLexer.K.PUNCT && (COMPARATORS.contains(t.text()) || t.is("+") || t.is("-") || t.is("*"))) {
            return malformed("Unexpected operator");
        }
        return malformed("Unexpected term");
    }

    // ================= token helpers =================

    private PartiQlLexer.Tok peek() {
        return tokens.get(pos);
    }

    private PartiQlLexer.Tok peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private PartiQlLexer.Tok next() {
        PartiQlLexer.Tok t = tokens.get(pos);
        if (t.kind() != PartiQlLexer.K.EOF) {
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
            throw unexpectedTerm();
        }
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw unexpectedTerm();
        }
    }

    private boolean atEnd() {
        return peek().kind() == PartiQlLexer.K.EOF || peek().is(";");
    }

    private void expectEnd() {
        accept(";");
        if (peek().kind() != PartiQlLexer.K.EOF) {
            throw malformed("Unexpected token after expression");
        }
    }

    // ================= statements =================

    private Statement statement() {
        PartiQlLexer.Tok first = next();
        if (first.isWord("SELECT")) {
            return select();
        }
        if (first.isWord("INSERT")) {
            return insert();
        }
        if (first.isWord("UPDATE")) {
            return update();
        }
        if (first.isWord("DELETE")) {
            return delete();
        }
        throw malformed("Expected data manipulation");
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
        if (atEnd()) {
            throw malformed("Unexpected term");
        }
        String table = name();
        Optional<String> index = Optional.empty();
        if (accept(".")) {
            index = Optional.of(name());
        }
        rejectAlias("WHERE", "ORDER");
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

    /** After a table name only the clause keywords may follow; any other word is an alias, which DynamoDB refuses. */
    private void rejectAlias(String... clauses) {
        PartiQlLexer.Tok t = peek();
        if (t.kind() == PartiQlLexer.K.WORD || t.kind() == PartiQlLexer.K.QUOTED) {
            for (String clause : clauses) {
                if (t.isWord(clause)) {
                    return;
                }
            }
            throw new ValidationException("Aliasing is not supported");
        }
    }

    private Statement insert() {
        expectWord("INTO");
        String table = tableName();
        if (!acceptWord("VALUE")) {
            throw malformed("Unexpected token after expression");
        }
        if (!peek().is("{")) {
            throw unexpectedTerm();
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        next();
        if (!accept("}")) {
            do {
                PartiQlLexer.Tok key = next();
                if (key.kind() != PartiQlLexer.K.STRING) {
                    pos--;
                    throw unexpectedTerm();
                }
                expect(":");
                item.put(key.text(), value("root"));
            } while (accept(","));
            expect("}");
        }
        expectEnd();
        return new Statement.InsertStatement(table, item);
    }

    private String tableName() {
        if (atEnd() || !(peek().kind() == PartiQlLexer.K.WORD || peek().kind() == PartiQlLexer.K.QUOTED) || (peek().kind() == PartiQlLexer.K.WORD && isReservedWord(peek()))) {
            throw malformed("Expected identifier for simple path");
        }
        return next().text();
    }

    private Statement update() {
        String table = tableName();
        rejectAlias("SET", "REMOVE", "WHERE");
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
            throw unexpectedTerm();
        }
        expectWord("WHERE");
        Cond where = or();
        Optional<String> returning = returning();
        expectEnd();
        Validator.checkOverlaps("UpdateExpression", actionPaths);
        Update update = new Update(new Ast.UpdateExpr(set, remove, add, delete));
        return new Statement.UpdateStatement(table, update, new Condition(where), keyEqualities(where), returning);
    }

    /** {@code RETURNING (ALL|MODIFIED) (OLD|NEW) *} as a ReturnValues name. */
    private Optional<String> returning() {
        if (!acceptWord("RETURNING")) {
            return Optional.empty();
        }
        PartiQlLexer.Tok which = next();
        PartiQlLexer.Tok age = next();
        if (!(which.isWord("ALL") || which.isWord("MODIFIED")) || !(age.isWord("OLD") || age.isWord("NEW")) || !accept("*")) {
            throw malformed("Invalid returning clause");
        }
        return Optional.of(which.text().toUpperCase(Locale.ROOT) + "_" + age.text().toUpperCase(Locale.ROOT));
    }

    private void setValue(Path target, List<Ast.SetAction> set, List<Ast.AddAction> add, List<Ast.DeleteAction> delete) {
        if ((peek().isWord("set_add") || peek().isWord("set_delete")) && peek(1).is("(")) {
            boolean isAdd = next().text().equalsIgnoreCase("set_add");
            expect("(");
            Path path = path();
            if (!path.equals(target)) {
                throw malformed((isAdd ? "set_add" : "set_delete") + " must operate on the attribute being set");
            }
            expect(",");
            AttributeValue value = value("root");
            expect(")");
            if (!(value instanceof AttributeValue.SS || value instanceof AttributeValue.NS || value instanceof AttributeValue.BS)) {
                throw ExpressionErrors.incorrectOperandType();
            }
            if (isAdd) {
                add.add(new Ast.AddAction(target, literal(value)));
            } else {
                delete.add(new Ast.DeleteAction(target, literal(value)));
            }
            return;
        }
        Operand left = updateOperand();
        if (peek().is("+") || peek().is("-")) {
            char op = next().text().charAt(0);
            left = new Ast.Arith(op, left, updateOperand());
        }
        set.add(new Ast.SetAction(target, left));
    }

    private Operand updateOperand() {
        if ((peek().isWord("list_append") || peek().isWord("if_not_exists")) && peek(1).is("(")) {
            String function = next().text().toLowerCase(Locale.ROOT);
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
        String table = tableName();
        rejectAlias("WHERE");
        expectWord("WHERE");
        Cond where = or();
        Optional<String> returning = returning();
        if (returning.isPresent() && !returning.get().equals("ALL_OLD")) {
            throw new ValidationException("Invalid returning clause: RETURNING " + returning.get().replace('_', ' ')
                    + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        }
        expectEnd();
        return new Statement.DeleteStatement(table, new Condition(where), keyEqualities(where), returning);
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
            requireRightHandSide();
            left = new Ast.Or(left, and());
        }
        return left;
    }

    private Cond and() {
        Cond left = not();
        while (acceptWord("AND")) {
            requireRightHandSide();
            left = new Ast.And(left, not());
        }
        return left;
    }

    private void requireRightHandSide() {
        if (atEnd()) {
            throw malformed("Missing right-hand side expression of infix operator");
        }
    }

    private Cond not() {
        enter();
        try {
            if (acceptWord("NOT")) {
                return new Ast.Not(not());
            }
            return predicate();
        } finally {
            depth--;
        }
    }

    /** Guards recursion (NOT, parentheses) against input nested deeply enough to overflow the stack. */
    private void enter() {
        if (++depth > Parser.MAX_DEPTH) {
            throw malformed("Statement is nested too deeply");
        }
    }

    private Cond predicate() {
        if (peek().is("(")) {
            int start = pos;
            int startParameter = nextParameter;
            if (!failedConditionAt.contains(start)) {
                try {
                    next();
                    Cond inner = or();
                    expect(")");
                    return inner;
                } catch (ValidationException asCondition) {
                    // "(a) = 1": the parentheses wrapped an operand; parse again as one. Remembered
                    // so that deeply nested parentheses cost linear, not exponential, time.
                    failedConditionAt.add(start);
                }
            }
            pos = start;
            nextParameter = startParameter;
        }
        if (peek().kind() == PartiQlLexer.K.WORD && peek(1).is("(")) {
            String function = peek().text().toLowerCase(Locale.ROOT);
            if (Set.of("begins_with", "contains", "attribute_type").contains(function)) {
                next();
                expect("(");
                Operand path = new Ast.PathRef(path());
                expect(",");
                Operand arg = operand();
                expect(")");
                if (function.equals("attribute_type") && !(arg instanceof Ast.ValueRef v && v.value() instanceof AttributeValue.S)) {
                    throw malformed("attribute_type expects a type name string");
                }
                return new Ast.FunctionCond(new Ast.Call(function, List.of(path, arg)));
            }
        }
        Operand left = operand();
        PartiQlLexer.Tok t = peek();
        if (t.kind() == PartiQlLexer.K.PUNCT && COMPARATORS.contains(t.text())) {
            next();
            return new Ast.Compare(t.text().equals("!=") ? "<>" : t.text(), left, operand());
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
                throw new ValidationException("The IN operator is provided with too many operands; number of operands: " + candidates.size());
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
                throw malformed("Expected type name");
            }
            return negate ? new Ast.Not(test) : test;
        }
        if (atEnd()) {
            throw malformed("Unexpected term");
        }
        throw malformed("Unexpected token after expression");
    }

    private Operand requirePath(Operand operand) {
        if (!(operand instanceof Ast.PathRef)) {
            throw malformed("IS MISSING and IS NULL apply to attributes");
        }
        return operand;
    }

    private Operand operand() {
        if (accept("(")) {
            enter();
            try {
                Operand inner = operand();
                expect(")");
                return inner;
            } finally {
                depth--;
            }
        }
        PartiQlLexer.Tok t = peek();
        if (t.isWord("size") && peek(1).is("(")) {
            next();
            expect("(");
            Operand path = new Ast.PathRef(path());
            expect(")");
            return new Ast.Call("size", List.of(path));
        }
        if (t.kind() == PartiQlLexer.K.QUOTED || (t.kind() == PartiQlLexer.K.WORD && !isLiteralWord(t) && !isReservedWord(t))) {
            return new Ast.PathRef(path());
        }
        return literal(value("root"));
    }

    private static boolean isLiteralWord(PartiQlLexer.Tok t) {
        return t.isWord("TRUE") || t.isWord("FALSE") || t.isWord("NULL");
    }

    private static boolean isReservedWord(PartiQlLexer.Tok t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        return KEYWORDS.contains(upper) || OPERATOR_WORDS.contains(upper) || upper.equals("NOT");
    }

    private static Ast.ValueRef literal(AttributeValue value) {
        return new Ast.ValueRef("?", value);
    }

    // ================= names, paths, values =================

    private String name() {
        PartiQlLexer.Tok t = peek();
        if (t.kind() == PartiQlLexer.K.QUOTED || (t.kind() == PartiQlLexer.K.WORD && !isReservedWord(t))) {
            next();
            return t.text();
        }
        throw unexpectedTerm();
    }

    private Path path() {
        List<PathElement> elements = new ArrayList<>();
        elements.add(new Ast.Attr(name()));
        while (true) {
            if (peek().is(".") && (peek(1).kind() == PartiQlLexer.K.WORD || peek(1).kind() == PartiQlLexer.K.QUOTED)) {
                next();
                elements.add(new Ast.Attr(name()));
            } else if (accept("[")) {
                PartiQlLexer.Tok t = next();
                if (t.kind() == PartiQlLexer.K.NUMBER && t.text().chars().allMatch(Character::isDigit)) {
                    elements.add(new Ast.Index(Integer.parseInt(t.text())));
                } else if (t.kind() == PartiQlLexer.K.STRING) {
                    elements.add(new Ast.Attr(t.text()));
                } else {
                    pos--;
                    throw unexpectedTerm();
                }
                expect("]");
            } else {
                return new Path(elements);
            }
        }
    }

    /** A literal (or a bound parameter); {@code where} names its place for number range errors, as DynamoDB does. */
    private AttributeValue value(String where) {
        PartiQlLexer.Tok t = peek();
        if (accept("?")) {
            if (nextParameter >= parameters.size()) {
                throw new ValidationException("Number of parameters in request and statement don't match.");
            }
            return parameters.get(nextParameter++);
        }
        if (t.kind() == PartiQlLexer.K.STRING) {
            next();
            return new AttributeValue.S(t.text());
        }
        if (t.kind() == PartiQlLexer.K.NUMBER || (t.is("-") && peek(1).kind() == PartiQlLexer.K.NUMBER)) {
            boolean negative = accept("-");
            return number(next().text(), negative, where);
        }
        if (t.isWord("TRUE") || t.isWord("FALSE")) {
            next();
            return new AttributeValue.Bool(t.text().equalsIgnoreCase("TRUE"));
        }
        if (t.isWord("NULL")) {
            next();
            return new AttributeValue.Null();
        }
        if (accept("[")) {
            List<AttributeValue> list = new ArrayList<>();
            if (!accept("]")) {
                do {
                    list.add(value(where + "[" + list.size() + "]"));
                } while (accept(","));
                expect("]");
            }
            return new AttributeValue.L(list);
        }
        if (accept("{")) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            if (!accept("}")) {
                do {
                    PartiQlLexer.Tok key = next();
                    if (key.kind() != PartiQlLexer.K.STRING) {
                        pos--;
                        throw unexpectedTerm();
                    }
                    expect(":");
                    map.put(key.text(), value(where + "." + key.text()));
                } while (accept(","));
                expect("}");
            }
            return new AttributeValue.M(map);
        }
        if (accept("<<")) {
            List<AttributeValue> elements = new ArrayList<>();
            do {
                elements.add(value(where));
            } while (accept(","));
            expect(">>");
            return set(elements);
        }
        throw unexpectedTerm();
    }

    /** DynamoDB's number rules: at most 38 significant digits, magnitude between 1E-130 and 9.99...E+125. */
    private static AttributeValue number(String text, boolean negative, String where) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(""); // recorded: an exponent too large to read leaves nothing after the colon
        }
        value = negative ? value.negate() : value;
        if (value.signum() == 0) {
            return new AttributeValue.N(BigDecimal.ZERO);
        }
        value = value.stripTrailingZeros();
        long magnitude = (long) value.precision() - value.scale() - 1;
        if (magnitude > 125) {
            throw new ValidationException("Number overflow. Attempting to store a number with magnitude larger than supported range under " + where);
        }
        if (magnitude < -130) {
            throw new ValidationException("Number underflow. Attempting to store a number with magnitude smaller than supported range under " + where);
        }
        if (value.precision() > 38) {
            throw new ValidationException("Attempting to store more than 38 significant digits in a Number under " + where);
        }
        return new AttributeValue.N(value);
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
