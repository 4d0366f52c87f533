package dev.slipway.dynamodb.expression;

import static dev.slipway.dynamodb.expression.TestValues.bool;
import static dev.slipway.dynamodb.expression.TestValues.item;
import static dev.slipway.dynamodb.expression.TestValues.l;
import static dev.slipway.dynamodb.expression.TestValues.m;
import static dev.slipway.dynamodb.expression.TestValues.n;
import static dev.slipway.dynamodb.expression.TestValues.ns;
import static dev.slipway.dynamodb.expression.TestValues.nul;
import static dev.slipway.dynamodb.expression.TestValues.s;
import static dev.slipway.dynamodb.expression.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dynamodb.expression.Statement.DeleteStatement;
import dev.slipway.dynamodb.expression.Statement.InsertStatement;
import dev.slipway.dynamodb.expression.Statement.SelectStatement;
import dev.slipway.dynamodb.expression.Statement.UpdateStatement;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PartiQlTest {
    static final Map<String, AttributeValue> ITEM = item("pk", s("a"), "sk", n("2"), "tags", ss("x"), "n", n("5"), "doc", m("k", s("v")));

    @Test
    void select_withTableIndexProjectionWhereAndOrder() {
        SelectStatement select = (SelectStatement) PartiQl.parse(
                "SELECT pk, doc.k FROM \"Orders\".\"byDate\" WHERE pk = ? AND sk >= 1 ORDER BY sk DESC", List.of(s("a")));
        assertThat(select.tableName()).isEqualTo("Orders");
        assertThat(select.indexName()).contains("byDate");
        assertThat(select.keyEqualities()).isEqualTo(item("pk", s("a")));
        assertThat(select.where().test(ITEM)).isTrue();
        assertThat(select.projection().get().apply(ITEM)).isEqualTo(item("pk", s("a"), "doc", m("k", s("v"))));
        assertThat(select.orderBy()).contains("sk");
        assertThat(select.descending()).isTrue();
    }

    @Test
    void selectStar_withoutWhere_matchesEverything() {
        SelectStatement select = (SelectStatement) PartiQl.parse("select * from Orders", List.of());
        assertThat(select.projection()).isEmpty();
        assertThat(select.where().test(ITEM)).isTrue();
        assertThat(select.keyEqualities()).isEmpty();
    }

    @Test
    void whereClause_supportsDynamoDbsPredicates() {
        assertThat(where("pk = 'a' AND (sk = 1 OR sk = 2)")).isTrue();
        assertThat(where("pk <> 'a' OR NOT sk != 2")).isTrue();
        assertThat(where("sk BETWEEN 1 AND 3")).isTrue();
        assertThat(where("sk IN [1, 3]")).isFalse();
        assertThat(where("sk IN (2, 3)")).isTrue();
        assertThat(where("begins_with(pk, 'a') AND contains(tags, 'x')")).isTrue();
        assertThat(where("attribute_type(n, 'N')")).isTrue();
        assertThat(where("absent IS MISSING AND pk IS NOT MISSING")).isTrue();
        assertThat(where("size(tags) = 1")).isTrue();
        assertThat(where("doc.k = 'v' AND doc['k'] = 'v'")).isTrue();
        assertThat(where("(sk) = 2")).isTrue();
        assertThat(where("n > -1.5e1")).isTrue();
    }

    private static boolean where(String clause) {
        return ((SelectStatement) PartiQl.parse("SELECT * FROM t WHERE " + clause, List.of())).where().test(ITEM);
    }

    @Test
    void insert_parsesEveryLiteralKind() {
        InsertStatement insert = (InsertStatement) PartiQl.parse(
                "INSERT INTO \"T\" VALUE {'pk': 'it''s', 'n': -1.50, 'b': true, 'z': null, 'l': [1, 'two'], 'm': {'x': false}, "
                        + "'ss': <<'a', 'b'>>, 'ns': <<1, 2>>, 'p': ?}", List.of(n("9")));
        assertThat(insert.item()).isEqualTo(item("pk", s("it's"), "n", n("-1.5"), "b", bool(true), "z", nul(),
                "l", l(n("1"), s("two")), "m", m("x", bool(false)), "ss", ss("a", "b"), "ns", ns("1", "2"), "p", n("9")));
    }

    @Test
    void update_withSetAndRemove_compilesToAnUpdateAndACondition() {
        UpdateStatement update = (UpdateStatement) PartiQl.parse(
                "UPDATE T SET n = n + 1 SET doc.k = 'w', tags = set_add(tags, <<'y'>>) REMOVE sk WHERE pk = 'a'", List.of());
        assertThat(update.keyEqualities()).isEqualTo(item("pk", s("a")));
        assertThat(update.where().test(ITEM)).isTrue();
        assertThat(update.update().apply(ITEM)).isEqualTo(item("pk", s("a"), "tags", ss("x", "y"), "n", n("6"), "doc", m("k", s("w"))));
        assertThat(update.update().touchedTopLevelAttributes()).containsExactlyInAnyOrder("n", "doc", "tags", "sk");
    }

    @Test
    void delete_collectsKeyEqualities() {
        DeleteStatement delete = (DeleteStatement) PartiQl.parse("DELETE FROM T WHERE pk = ? AND sk = ? AND n > 1", List.of(s("a"), n("2")));
        assertThat(delete.keyEqualities()).isEqualTo(item("pk", s("a"), "sk", n("2")));
        assertThat(delete.where().test(ITEM)).isTrue();
    }


    @Test
    @Timeout(60) // a safety net only: exponential backtracking would never finish at this depth
    void deeplyNestedParentheses_parseInLinearTime() {
        assertThat(where("(".repeat(150) + "sk" + ")".repeat(150) + " = 2")).isTrue();
        assertThat(error("SELECT * FROM t WHERE " + "(".repeat(300) + "sk = 2")).startsWith(NOT_WELL_FORMED);
        assertThat(error("SELECT * FROM t WHERE " + "NOT ".repeat(2000) + "sk = 2")).isEqualTo(NOT_WELL_FORMED + "Statement is nested too deeply");
    }

    @Test
    void theExamplesInTheUserDocumentation_parse() {
        // docs/dynamodb-expressions.md
        PartiQl.parse("SELECT * FROM \"Orders\" WHERE pk = ? AND sk >= 10 ORDER BY sk DESC", List.of(s("o1")));
        PartiQl.parse("SELECT pk, details.total FROM \"Orders\".\"byCustomer\" WHERE customer = 'c1'", List.of());
        PartiQl.parse("INSERT INTO \"Orders\" VALUE {'pk': 'o1', 'sk': 1, 'tags': <<'new'>>, 'lines': [{'sku': 'x'}]}", List.of());
        UpdateStatement update = (UpdateStatement) PartiQl.parse("UPDATE \"Orders\" SET total = total + 5 SET tags = set_add(tags, <<'paid'>>) "
                + "REMOVE draft WHERE pk = 'o1' AND sk = 1 RETURNING ALL NEW *", List.of());
        assertThat(update.update().apply(item("pk", s("o1"), "sk", n("1"), "total", n("10"), "tags", ss("new"), "draft", bool(true))))
                .isEqualTo(item("pk", s("o1"), "sk", n("1"), "total", n("15"), "tags", ss("new", "paid")));
        PartiQl.parse("DELETE FROM \"Orders\" WHERE pk = 'o1' AND sk = 1 RETURNING ALL OLD *", List.of());
    }

    @Test
    void returningClauses() {
        UpdateStatement update = (UpdateStatement) PartiQl.parse("UPDATE T SET a = 1 WHERE pk = 'a' RETURNING MODIFIED NEW *", List.of());
        assertThat(update.returnValues()).contains("MODIFIED_NEW");
        DeleteStatement delete = (DeleteStatement) PartiQl.parse("DELETE FROM T WHERE pk = 'a' RETURNING ALL OLD *", List.of());
        assertThat(delete.returnValues()).contains("ALL_OLD");
        assertThatThrownBy(() -> PartiQl.parse("DELETE FROM T WHERE pk = 'a' RETURNING MODIFIED OLD *", List.of()))
                .hasMessage("Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
    }

    // The messages below were recorded from DynamoDB (eu-west-2, October 2026) by another emulator's test suite.
    static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";

    static String error(String statement) {
        try {
            PartiQl.parse(statement, List.of());
        } catch (ValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ValidationException for " + statement);
    }

    @Test
    void leftoverTokens() {
        for (String statement : List.of("SELECT * FROM \"N\" WHERE pk = 1 foo", "SELECT * FROM \"N\" WHERE pk = 1 e5",
                "INSERT INTO \"N\" VALUE {'pk': 970001} foo", "UPDATE \"N\" SET a = 9 WHERE pk = 970002 foo",
                "DELETE FROM \"N\" WHERE pk = 970003 foo", "SELECT * FROM \"N\" WHERE pk = 1)",
                "DELETE FROM \"N\" WHERE pk = 970004 ORDER BY pk", "SELECT * FROM \"N\" ORDER BY pk WHERE pk = 1",
                "INSERT INTO \"S\" t VALUE {'pk': 'x'}")) {
            assertThat(error(statement)).as(statement).isEqualTo(NOT_WELL_FORMED + "Unexpected token after expression");
        }
    }

    @Test
    void unreadableLiteralsAndComments_haveNothingAfterTheColon() {
        for (String statement : List.of("SELECT * FROM \"N\" WHERE pk = 1e2147483648", "SELECT * FROM \"N\" WHERE pk = 1.5e-2147483647",
                "SELECT * FROM \"N\" WHERE pk = 1 # note", "SELECT * FROM \"N\" WHERE pk = 1 /* note")) {
            assertThat(error(statement)).as(statement).isEqualTo(NOT_WELL_FORMED);
        }
    }

    @Test
    void aliases_areNotSupported() {
        assertThat(error("SELECT * FROM \"S\" t WHERE pk = 'x'")).isEqualTo("Aliasing is not supported");
        assertThat(error("SELECT * FROM \"S\" AS t WHERE pk = 'x'")).isEqualTo("Aliasing is not supported");
        assertThat(error("UPDATE \"S\" t SET a = 3 WHERE pk = 'x'")).isEqualTo("Aliasing is not supported");
        assertThat(error("DELETE FROM \"S\" t WHERE pk = 'x'")).isEqualTo("Aliasing is not supported");
    }

    @Test
    void numbersOutsideDynamoDbsRange_nameTheirPlace() {
        assertThat(error("SELECT * FROM \"N\" WHERE pk = 1e126"))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range under root");
        assertThat(error("SELECT * FROM \"N\" WHERE pk = 1e-131"))
                .isEqualTo("Number underflow. Attempting to store a number with magnitude smaller than supported range under root");
        assertThat(error("SELECT * FROM \"N\" WHERE pk = 123456789012345678901234567890123456789"))
                .isEqualTo("Attempting to store more than 38 significant digits in a Number under root");
        assertThat(error("INSERT INTO \"N\" VALUE {'pk': 1e126}"))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range under root");
        assertThat(error("UPDATE \"N\" SET a = 1e-131 WHERE pk = 970005"))
                .isEqualTo("Number underflow. Attempting to store a number with magnitude smaller than supported range under root");
        assertThat(error("INSERT INTO \"N\" VALUE {'pk': 970006, 'm': {'x': 1e126}}"))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range under root.x");
        assertThat(error("INSERT INTO \"N\" VALUE {'pk': 970007, 'l': [1, 1e126]}"))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range under root[1]");
    }

    @Test
    void missingTerms() {
        for (String statement : List.of("SELECT * FROM \"S\" WHERE", "SELECT * FROM \"S\" WHERE;", "SELECT * FROM \"S\" WHERE   ",
                "SELECT pk FROM \"S\" WHERE", "UPDATE \"S\" SET a = 1 WHERE", "DELETE FROM \"S\" WHERE",
                "SELECT * FROM \"S\" WHERE NOT", "SELECT * FROM \"S\" WHERE (", "SELECT * FROM")) {
            assertThat(error(statement)).as(statement).isEqualTo(NOT_WELL_FORMED + "Unexpected term");
        }
        assertThat(error("SELECT * FROM \"S\" WHERE pk = 'p1' AND")).isEqualTo(NOT_WELL_FORMED + "Missing right-hand side expression of infix operator");
        assertThat(error("SELECT * FROM \"S\" WHERE pk = 'p1' OR")).isEqualTo(NOT_WELL_FORMED + "Missing right-hand side expression of infix operator");
        assertThat(error("SELECT * FROM \"S\" WHERE ORDER BY pk")).isEqualTo(NOT_WELL_FORMED + "Unexpected keyword");
        assertThat(error("SELECT * FROM \"S\" WHERE pk = 'a' AND x IS FOO")).isEqualTo(NOT_WELL_FORMED + "Expected type name");
        assertThat(error("SELECT * FROM \"S\" WHERE IS NULL")).isEqualTo(NOT_WELL_FORMED + "Unexpected operator");
        assertThat(error("SELECT * FROM \"S\" WHERE pk = LIKE")).isEqualTo(NOT_WELL_FORMED + "Unexpected operator");
        for (String statement : List.of("DELETE FROM", "DELETE FROM   ", "DELETE FROM;", "DELETE FROM WHERE pk = 'a'")) {
            assertThat(error(statement)).as(statement).isEqualTo(NOT_WELL_FORMED + "Expected identifier for simple path");
        }
    }

    @Test
    void somethingOtherThanAStatement_isNotDataManipulation() {
        assertThat(error("SLECT * FROM \"T\" WHERE pk = 'a'")).isEqualTo(NOT_WELL_FORMED + "Expected data manipulation");
    }

    @Test
    void inAcceptsAtMost100Values() {
        String values = String.join(", ", java.util.Collections.nCopies(101, "1"));
        assertThat(error("SELECT * FROM t WHERE pk IN [" + values + "]"))
                .isEqualTo("The IN operator is provided with too many operands; number of operands: 101");
        PartiQl.parse("SELECT * FROM t WHERE pk IN [" + String.join(", ", java.util.Collections.nCopies(100, "1")) + "]", List.of());
    }

    @Test
    void parameterCountMismatch_isRejected() {
        assertThatThrownBy(() -> PartiQl.parse("SELECT * FROM T WHERE pk = ?", List.of()))
                .hasMessage("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> PartiQl.parse("SELECT * FROM T", List.of(s("x"))))
                .hasMessage("Number of parameters in request and statement don't match.");
    }
}
