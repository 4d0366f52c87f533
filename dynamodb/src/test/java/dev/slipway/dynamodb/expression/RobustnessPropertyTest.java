package dev.slipway.dynamodb.expression;

import static dev.slipway.dynamodb.expression.TestValues.item;
import static dev.slipway.dynamodb.expression.TestValues.l;
import static dev.slipway.dynamodb.expression.TestValues.m;
import static dev.slipway.dynamodb.expression.TestValues.n;
import static dev.slipway.dynamodb.expression.TestValues.names;
import static dev.slipway.dynamodb.expression.TestValues.s;
import static dev.slipway.dynamodb.expression.TestValues.ss;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever text arrives, building and applying an expression either works or fails with a
 * ValidationException: never another exception (which the wire layer would turn into a 500).
 */
class RobustnessPropertyTest {
    static final Map<String, String> NAMES = names("#n", "a", "#m", "m");
    static final Map<String, AttributeValue> VALUES = item(":s", s("x"), ":n", n("1"), ":l", l(n("1")), ":ss", ss("x"),
            ":t", s("S"), ":m", m("k", n("1")));
    static final Map<String, AttributeValue> ITEM = item("a", n("5"), "b", s("xy"), "l", l(s("x"), m("k", n("1"))),
            "m", m("k", n("2"), "l", l(n("1"))), "tags", ss("x", "y"));

    static final List<String> EXPRESSION_TOKENS = List.of("a", "b", "l", "m", "tags", "k", "#n", "#m", "#zz", ":s", ":n", ":l",
            ":ss", ":t", ":m", ":zz", "(", ")", "[", "0", "1", "7", "]", ".", ",", "=", "<>", "<", "<=", ">", ">=", "AND", "OR",
            "NOT", "BETWEEN", "IN", "size", "attribute_exists", "attribute_not_exists", "begins_with", "contains",
            "attribute_type", "if_not_exists", "list_append", "+", "-", "SET", "REMOVE", "ADD", "DELETE", "!", "_", "name", "#");

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.of(EXPRESSION_TOKENS).list().ofMinSize(1).ofMaxSize(14)
                .map(tokens -> String.join(" ", tokens));
    }

    @Property(tries = 3000)
    void conditionsNeverFailOtherwiseThanWithAValidationException(@ForAll("expressions") String text) {
        onlyValidationErrors(() -> Expressions.condition(text, NAMES, VALUES, new UsageTracker()).test(ITEM));
        onlyValidationErrors(() -> Expressions.keyCondition(text, NAMES, VALUES, new UsageTracker(), "a", Optional.of("b")));
    }

    @Property(tries = 3000)
    void updatesNeverFailOtherwiseThanWithAValidationException(@ForAll("expressions") String text) {
        onlyValidationErrors(() -> Expressions.update("SET " + text, NAMES, VALUES, new UsageTracker()).apply(ITEM));
        onlyValidationErrors(() -> Expressions.update(text, NAMES, VALUES, new UsageTracker()).apply(ITEM));
    }

    @Property(tries = 2000)
    void projectionsNeverFailOtherwiseThanWithAValidationException(@ForAll("expressions") String text) {
        onlyValidationErrors(() -> Expressions.projection(text, NAMES, new UsageTracker()).apply(ITEM));
    }

    static final List<String> PARTIQL_TOKENS = List.of("SELECT", "INSERT", "INTO", "UPDATE", "DELETE", "FROM", "WHERE", "SET",
            "REMOVE", "VALUE", "ORDER", "BY", "RETURNING", "ALL", "OLD", "NEW", "*", "\"T\"", "a", "b", "'x'", "1", "-2.5", "1e999",
            "?", "=", "<>", "!=", "<", ">", "AND", "OR", "NOT", "IS", "MISSING", "NULL", "TRUE", "(", ")", "[", "]", "{", "}",
            ":", ",", ".", "<<", ">>", "size", "begins_with", "contains", "list_append", "set_add", "+", ";");

    @Provide
    Arbitrary<String> statements() {
        return Arbitraries.of(PARTIQL_TOKENS).list().ofMinSize(1).ofMaxSize(16).map(tokens -> String.join(" ", tokens));
    }

    @Property(tries = 3000)
    void partiqlNeverFailsOtherwiseThanWithAValidationException(@ForAll("statements") String text) {
        onlyValidationErrors(() -> {
            Statement statement = PartiQl.parse(text, List.of(s("p")));
            if (statement instanceof Statement.SelectStatement select) {
                select.where().test(ITEM);
                select.projection().ifPresent(p -> p.apply(ITEM));
            } else if (statement instanceof Statement.UpdateStatement update) {
                update.where().test(ITEM);
                update.update().apply(ITEM);
            } else if (statement instanceof Statement.DeleteStatement delete) {
                delete.where().test(ITEM);
            }
        });
    }

    /** Every #placeholder stands for one of the item's attributes, whatever its spelling. */
    static final Map<String, String> ANY_NAME = new java.util.HashMap<>() {
        @Override
        public String get(Object key) {
            return List.of("a", "b", "l", "m", "tags").get(Math.floorMod(key.hashCode(), 5));
        }
    };
    static final Map<String, AttributeValue> TEN_VALUES = item(":v0", s("x"), ":v1", n("1"), ":v2", l(n("1")), ":v3", ss("x"),
            ":v4", s("S"), ":v5", m("k", n("1")), ":v6", n("-3"), ":v7", TestValues.bool(true), ":v8", TestValues.nul(),
            ":v9", TestValues.b("xy"));

    @Property(tries = 2000)
    void wellFormedConditionsEvaluateOrFailWithAValidationException(@ForAll("conditions") Ast.Cond tree) {
        String text = Printer.condition(tree);
        onlyValidationErrors(() -> Expressions.condition(text, ANY_NAME, TEN_VALUES, new UsageTracker()).test(ITEM));
    }

    @Property(tries = 2000)
    void wellFormedUpdatesApplyOrFailWithAValidationException(@ForAll("updates") Ast.UpdateExpr tree) {
        String text = Printer.update(tree);
        onlyValidationErrors(() -> Expressions.update(text, ANY_NAME, TEN_VALUES, new UsageTracker()).apply(ITEM));
    }

    @Provide
    Arbitrary<Ast.Cond> conditions() {
        return new ParsePrintPropertyTest().conditions();
    }

    @Provide
    Arbitrary<Ast.UpdateExpr> updates() {
        return new ParsePrintPropertyTest().updates();
    }

    private static void onlyValidationErrors(Runnable action) {
        try {
            action.run();
        } catch (ValidationException expected) {
            // the only acceptable failure
        }
    }
}
