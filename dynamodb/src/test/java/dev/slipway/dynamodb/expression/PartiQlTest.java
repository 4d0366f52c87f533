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
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void parameterCountMismatch_isRejected() {
        assertThatThrownBy(() -> PartiQl.parse("SELECT * FROM T WHERE pk = ?", List.of()))
                .hasMessage("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> PartiQl.parse("SELECT * FROM T", List.of(s("x"))))
                .hasMessage("Number of parameters in request and statement don't match.");
    }

    @Test
    void malformedStatements_areValidationErrors() {
        assertThatThrownBy(() -> PartiQl.parse("SELEC * FROM T", List.of()))
                .hasMessage("Statement wasn't well formed, can't be processed: Unexpected token: SELEC at position 0");
        assertThatThrownBy(() -> PartiQl.parse("SELECT * FROM", List.of()))
                .hasMessage("Statement wasn't well formed, can't be processed: Unexpected end of statement");
        assertThatThrownBy(() -> PartiQl.parse("UPDATE T WHERE pk = 'a'", List.of()))
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed:");
        assertThatThrownBy(() -> PartiQl.parse("INSERT INTO T VALUE {'a': 'unterminated}", List.of()))
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed: Unterminated string literal");
    }
}
