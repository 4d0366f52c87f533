package dev.slipway.dynamodb.expression;

import static dev.slipway.dynamodb.expression.TestValues.item;
import static dev.slipway.dynamodb.expression.TestValues.l;
import static dev.slipway.dynamodb.expression.TestValues.n;
import static dev.slipway.dynamodb.expression.TestValues.s;
import static dev.slipway.dynamodb.expression.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dynamodb.expression.KeyCondition.RangeCondition;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LegacyParametersTest {
    static final Map<String, AttributeValue> ITEM = item("id", s("k"), "name", s("alice"), "age", n("30"), "tags", ss("a", "b"));

    static Map<String, LegacyCondition> conditions(Object... nameConditionPairs) {
        Map<String, LegacyCondition> map = new LinkedHashMap<>();
        for (int i = 0; i < nameConditionPairs.length; i += 2) {
            map.put((String) nameConditionPairs[i], (LegacyCondition) nameConditionPairs[i + 1]);
        }
        return map;
    }

    static LegacyCondition op(String operator, AttributeValue... values) {
        return LegacyCondition.of(operator, List.of(values));
    }

    @Nested
    class Expected {
        @Test
        void valueAlone_meansEquality_andExistsFalse_meansAbsent() {
            // "name" is a reserved word in expressions, but legacy parameters take names literally.
            assertThat(LegacyParameters.expected(conditions("name", LegacyCondition.expected(Optional.of(s("alice")), Optional.empty())),
                    Optional.empty()).test(ITEM)).isTrue();
            assertThat(LegacyParameters.expected(conditions("zip", LegacyCondition.expected(Optional.empty(), Optional.of(false))),
                    Optional.empty()).test(ITEM)).isTrue();
            assertThat(LegacyParameters.expected(conditions("id", LegacyCondition.expected(Optional.empty(), Optional.of(false))),
                    Optional.empty()).test(ITEM)).isFalse();
        }

        @Test
        void conditionalOperator_combinesWithAndByDefault_orOr() {
            Map<String, LegacyCondition> c = conditions("age", op("GT", n("40")), "name", op("BEGINS_WITH", s("al")));
            assertThat(LegacyParameters.expected(c, Optional.empty()).test(ITEM)).isFalse();
            assertThat(LegacyParameters.expected(c, Optional.of("AND")).test(ITEM)).isFalse();
            assertThat(LegacyParameters.expected(c, Optional.of("OR")).test(ITEM)).isTrue();
        }

        @Test
        void inconsistentEntries_getDynamoDbsMessages() {
            assertThatThrownBy(() -> LegacyParameters.expected(conditions("a", LegacyCondition.expected(Optional.empty(), Optional.of(true))), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a");
            assertThatThrownBy(() -> LegacyParameters.expected(conditions("a", LegacyCondition.expected(Optional.empty(), Optional.empty())), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a");
            assertThatThrownBy(() -> LegacyParameters.expected(conditions("a", LegacyCondition.expected(Optional.of(s("x")), Optional.of(false))), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a");
            assertThatThrownBy(() -> LegacyParameters.expected(conditions("a", new LegacyCondition(Optional.of("EQ"), Optional.empty(), Optional.of(s("x")), Optional.of(true))), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: a");
            assertThatThrownBy(() -> LegacyParameters.expected(conditions("a", new LegacyCondition(Optional.empty(), Optional.of(List.of(s("x"))), Optional.empty(), Optional.empty())), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
        }
    }

    @Nested
    class Filters {
        @Test
        void everyComparisonOperator() {
            assertThat(filter("age", op("EQ", n("30")))).isTrue();
            assertThat(filter("age", op("NE", n("30")))).isFalse();
            assertThat(filter("zip", op("NE", n("30")))).isTrue();
            assertThat(filter("age", op("LE", n("30")))).isTrue();
            assertThat(filter("age", op("LT", n("30")))).isFalse();
            assertThat(filter("age", op("GE", n("31")))).isFalse();
            assertThat(filter("age", op("GT", n("3")))).isTrue();
            assertThat(filter("zip", op("NULL"))).isTrue();
            assertThat(filter("age", op("NOT_NULL"))).isTrue();
            assertThat(filter("tags", op("CONTAINS", s("a")))).isTrue();
            assertThat(filter("tags", op("NOT_CONTAINS", s("a")))).isFalse();
            assertThat(filter("name", op("BEGINS_WITH", s("ali")))).isTrue();
            assertThat(filter("age", op("IN", n("1"), n("30")))).isTrue();
            assertThat(filter("age", op("BETWEEN", n("30"), n("31")))).isTrue();
        }

        private boolean filter(String name, LegacyCondition condition) {
            return LegacyParameters.filter(conditions(name, condition), Optional.empty()).test(ITEM);
        }

        @Test
        void wrongArgumentCounts_andTypes_areRejected() {
            assertThatThrownBy(() -> LegacyParameters.filter(conditions("a", op("EQ")), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
            assertThatThrownBy(() -> LegacyParameters.filter(conditions("a", op("NULL", s("x"))), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator");
            assertThatThrownBy(() -> LegacyParameters.filter(conditions("a", op("BETWEEN", n("1"))), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator");
            assertThatThrownBy(() -> LegacyParameters.filter(conditions("a", op("GT", ss("x"))), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: ComparisonOperator GT is not valid for SS AttributeValue type");
            assertThatThrownBy(() -> LegacyParameters.filter(conditions("a", op("BEGINS_WITH", n("1"))), Optional.empty()))
                    .hasMessage("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        }

        @Test
        void functionsOutsideTheirDomain_areJustFalse() {
            assertThat(filter("age", op("BEGINS_WITH", s("3")))).isFalse();
        }

        @Test
        void emptyFilter_matchesEverything() {
            assertThat(LegacyParameters.filter(Map.of(), Optional.empty()).test(ITEM)).isTrue();
        }
    }

    @Nested
    class KeyConditions {
        @Test
        void hashAndRange_becomeAKeyCondition() {
            KeyCondition k = LegacyParameters.keyConditions(conditions("pk", op("EQ", s("a")), "sk", op("BETWEEN", n("1"), n("2"))),
                    "pk", Optional.of("sk"));
            assertThat(k.hashValue()).isEqualTo(s("a"));
            assertThat(k.range()).contains(new RangeCondition("sk", RangeCondition.Operator.BETWEEN, List.of(n("1"), n("2"))));
        }

        @Test
        void dynamoDbsKeyConditionErrors() {
            assertThatThrownBy(() -> LegacyParameters.keyConditions(conditions("pk", op("NE", s("a"))), "pk", Optional.empty()))
                    .hasMessage("Attempted conditional constraint is not an indexable operation");
            assertThatThrownBy(() -> LegacyParameters.keyConditions(conditions("pk", op("GT", s("a"))), "pk", Optional.empty()))
                    .hasMessage("Query key condition not supported");
            assertThatThrownBy(() -> LegacyParameters.keyConditions(conditions("sk", op("GT", s("a"))), "pk", Optional.of("sk")))
                    .hasMessage("Query condition missed key schema element: pk");
            assertThatThrownBy(() -> LegacyParameters.keyConditions(Map.of(), "pk", Optional.of("sk")))
                    .hasMessage("Conditions can be of length 1 or 2 only");
        }
    }

    @Nested
    class AttributeUpdates {
        @Test
        void putAddAndDelete() {
            Map<String, LegacyUpdate> updates = new LinkedHashMap<>();
            updates.put("name", new LegacyUpdate(Optional.of(s("bob")), Optional.empty()));
            updates.put("age", new LegacyUpdate(Optional.of(n("1")), Optional.of("ADD")));
            updates.put("tags", new LegacyUpdate(Optional.of(ss("a")), Optional.of("DELETE")));
            updates.put("id", new LegacyUpdate(Optional.empty(), Optional.of("DELETE")));
            updates.put("list", new LegacyUpdate(Optional.of(l(n("1"))), Optional.of("ADD")));
            Update update = LegacyParameters.attributeUpdates(updates);
            assertThat(update.apply(ITEM)).isEqualTo(item("name", s("bob"), "age", n("31"), "tags", ss("b"), "list", l(n("1"))));
            assertThat(update.touchedTopLevelAttributes()).containsExactly("name", "list", "id", "age", "tags");
        }

        @Test
        void invalidActions_getDynamoDbsMessages() {
            assertThatThrownBy(() -> LegacyParameters.attributeUpdates(Map.of("a", new LegacyUpdate(Optional.empty(), Optional.empty()))))
                    .hasMessage("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified");
            assertThatThrownBy(() -> LegacyParameters.attributeUpdates(Map.of("a", new LegacyUpdate(Optional.of(s("x")), Optional.of("DELETE")))))
                    .hasMessage("One or more parameter values were invalid: DELETE action with value is not supported for the type S");
            assertThatThrownBy(() -> LegacyParameters.attributeUpdates(Map.of("a", new LegacyUpdate(Optional.of(s("x")), Optional.of("ADD")))))
                    .hasMessage("One or more parameter values were invalid: ADD action is not supported for the type S");
        }
    }

    @Nested
    class AttributesToGetAndMixing {
        @Test
        void attributesToGet_projectsTopLevelNamesLiterally() {
            assertThat(LegacyParameters.attributesToGet(List.of("name", "a.b")).apply(item("name", s("x"), "a.b", n("1"), "c", n("2"))))
                    .isEqualTo(item("name", s("x"), "a.b", n("1")));
        }

        @Test
        void duplicateAttributesToGet_areRejected() {
            assertThatThrownBy(() -> LegacyParameters.attributesToGet(List.of("a", "a")))
                    .hasMessage("One or more parameter values were invalid: Duplicate value in attribute name: a");
        }

        @Test
        void mixingLegacyAndExpressionParameters_isRejected() {
            assertThatThrownBy(() -> LegacyParameters.checkNotMixed(List.of("AttributesToGet"), List.of("ProjectionExpression")))
                    .hasMessage("Can not use both expression and non-expression parameters in the same request: "
                            + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
            LegacyParameters.checkNotMixed(List.of("AttributesToGet"), List.of());
        }

        @Test
        void placeholderMaps_needExpressions_andMustNotBeEmpty() {
            assertThatThrownBy(() -> LegacyParameters.checkPlaceholderMaps(false, Map.of("#a", "a"), null))
                    .hasMessage("ExpressionAttributeNames can only be specified when using expressions");
            assertThatThrownBy(() -> LegacyParameters.checkPlaceholderMaps(false, null, Map.of(":a", s("a"))))
                    .hasMessage("ExpressionAttributeValues can only be specified when using expressions");
            assertThatThrownBy(() -> LegacyParameters.checkPlaceholderMaps(true, Map.of(), null))
                    .hasMessage("ExpressionAttributeNames must not be empty");
            assertThatThrownBy(() -> LegacyParameters.checkPlaceholderMaps(true, null, Map.of()))
                    .hasMessage("ExpressionAttributeValues must not be empty");
        }
    }
}
