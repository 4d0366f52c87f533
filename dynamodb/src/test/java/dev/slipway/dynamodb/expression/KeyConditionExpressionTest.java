package dev.slipway.dynamodb.expression;

import static dev.slipway.dynamodb.expression.TestValues.b;
import static dev.slipway.dynamodb.expression.TestValues.item;
import static dev.slipway.dynamodb.expression.TestValues.n;
import static dev.slipway.dynamodb.expression.TestValues.names;
import static dev.slipway.dynamodb.expression.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dynamodb.expression.KeyCondition.RangeCondition;
import dev.slipway.dynamodb.expression.KeyCondition.RangeCondition.Operator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyConditionExpressionTest {

    static KeyCondition key(String expression, Object... values) {
        return Expressions.keyCondition(expression, names("#s", "sk"), item(values), new UsageTracker(), "pk", Optional.of("sk"));
    }

    static KeyCondition hashOnly(String expression, Object... values) {
        return Expressions.keyCondition(expression, null, item(values), new UsageTracker(), "pk", Optional.empty());
    }

    @Test
    void hashEqualityAlone_hasNoRangeCondition() {
        KeyCondition k = key("pk = :p", ":p", s("a"));
        assertThat(k.hashValue()).isEqualTo(s("a"));
        assertThat(k.range()).isEmpty();
    }

    @Test
    void everyRangeOperator_isRecognised_fromEitherSide() {
        assertThat(key("pk = :p AND sk < :v", ":p", s("a"), ":v", n("1")).range()).contains(new RangeCondition("sk", Operator.LT, List.of(n("1"))));
        assertThat(key("pk = :p AND sk <= :v", ":p", s("a"), ":v", n("1")).range().get().operator()).isEqualTo(Operator.LE);
        assertThat(key("pk = :p AND sk > :v", ":p", s("a"), ":v", n("1")).range().get().operator()).isEqualTo(Operator.GT);
        assertThat(key("pk = :p AND sk >= :v", ":p", s("a"), ":v", n("1")).range().get().operator()).isEqualTo(Operator.GE);
        assertThat(key("pk = :p AND sk = :v", ":p", s("a"), ":v", n("1")).range().get().operator()).isEqualTo(Operator.EQ);
        assertThat(key(":v > #s AND :p = pk", ":p", s("a"), ":v", n("1")).range().get().operator()).isEqualTo(Operator.LT);
        assertThat(key("pk = :p AND #s BETWEEN :lo AND :hi", ":p", s("a"), ":lo", n("1"), ":hi", n("5")).range())
                .contains(new RangeCondition("sk", Operator.BETWEEN, List.of(n("1"), n("5"))));
        assertThat(key("begins_with(sk, :pre) AND pk = :p", ":p", s("a"), ":pre", s("x")).range())
                .contains(new RangeCondition("sk", Operator.BEGINS_WITH, List.of(s("x"))));
    }

    @Test
    void rangeConditions_matchSortKeysAsDynamoDbOrdersThem() {
        KeyCondition between = key("pk = :p AND sk BETWEEN :lo AND :hi", ":p", s("a"), ":lo", n("2"), ":hi", n("10"));
        assertThat(between.test(item("pk", s("a"), "sk", n("9")))).isTrue();
        assertThat(between.test(item("pk", s("a"), "sk", n("10")))).isTrue();
        assertThat(between.test(item("pk", s("a"), "sk", n("11")))).isFalse();
        assertThat(between.test(item("pk", s("b"), "sk", n("5")))).isFalse();
        KeyCondition prefix = key("pk = :p AND begins_with(sk, :x)", ":p", s("a"), ":x", b("ab"));
        assertThat(prefix.range().get().matches(b("abc"))).isTrue();
        assertThat(prefix.range().get().matches(s("abc"))).isFalse();
    }

    @Test
    void unsupportedOperators_areNamed() {
        assertThatThrownBy(() -> key("pk = :p OR sk = :p", ":p", s("a"))).hasMessage("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> key("NOT pk = :p", ":p", s("a"))).hasMessage("Invalid operator used in KeyConditionExpression: NOT");
        assertThatThrownBy(() -> key("pk IN (:p)", ":p", s("a"))).hasMessage("Invalid operator used in KeyConditionExpression: IN");
        assertThatThrownBy(() -> key("pk = :p AND attribute_exists(sk)", ":p", s("a")))
                .hasMessage("Invalid operator used in KeyConditionExpression: attribute_exists");
        assertThatThrownBy(() -> key("pk = :p AND sk <> :p", ":p", s("a"))).hasMessage("Invalid operator used in KeyConditionExpression: <>");
    }

    @Test
    void hashKey_mustBeMatchedByEquality() {
        assertThatThrownBy(() -> key("pk > :p", ":p", s("a"))).hasMessage("Query key condition not supported");
        assertThatThrownBy(() -> key("sk = :p", ":p", s("a"))).hasMessage("Query condition missed key schema element: pk");
    }

    @Test
    void oneConditionPerKey_atMostTwoConditions_onlyKeyAttributes() {
        assertThatThrownBy(() -> key("pk = :p AND pk = :p", ":p", s("a")))
                .hasMessage("KeyConditionExpressions must only contain one condition per key");
        assertThatThrownBy(() -> key("pk = :p AND sk = :p AND x = :p", ":p", s("a")))
                .hasMessage("Conditions can be of length 1 or 2 only");
        assertThatThrownBy(() -> key("pk = :p AND extra = :p", ":p", s("a")))
                .hasMessage("Query condition missed key schema element: sk");
        assertThatThrownBy(() -> hashOnly("pk = :p AND extra = :p", ":p", s("a")))
                .hasMessage("Query key condition not supported");
        assertThatThrownBy(() -> key("pk = :p AND sk.x = :p", ":p", s("a")))
                .hasMessage("KeyConditionExpressions cannot have conditions on nested attributes");
    }

    @Test
    void expressionErrors_sayKeyConditionExpression() {
        assertThatThrownBy(() -> key("pk = ")).hasMessage("Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        assertThatThrownBy(() -> key("pk = :nope"))
                .hasMessage("Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope");
    }
}
