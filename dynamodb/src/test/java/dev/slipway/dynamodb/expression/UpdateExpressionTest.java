package dev.slipway.dynamodb.expression;

import static dev.slipway.dynamodb.expression.TestValues.bool;
import static dev.slipway.dynamodb.expression.TestValues.bs;
import static dev.slipway.dynamodb.expression.TestValues.item;
import static dev.slipway.dynamodb.expression.TestValues.l;
import static dev.slipway.dynamodb.expression.TestValues.m;
import static dev.slipway.dynamodb.expression.TestValues.n;
import static dev.slipway.dynamodb.expression.TestValues.names;
import static dev.slipway.dynamodb.expression.TestValues.ns;
import static dev.slipway.dynamodb.expression.TestValues.s;
import static dev.slipway.dynamodb.expression.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UpdateExpressionTest {

    static final Map<String, AttributeValue> ITEM = item(
            "id", s("k1"),
            "count", n("5"),
            "str", s("hello"),
            "tags", ss("red", "blue"),
            "nums", ns("1", "2"),
            "blobs", bs("x"),
            "arr", l(s("a"), s("b"), s("c"), s("d")),
            "doc", m("nest", m("leaf", n("7")), "other", s("o")));

    static Update update(String expression, Object... valuePairs) {
        return Expressions.update(expression, names("#c", "count"), item(valuePairs), new UsageTracker());
    }

    static Map<String, AttributeValue> apply(String expression, Object... valuePairs) {
        return update(expression, valuePairs).apply(ITEM);
    }

    static String error(String expression, Object... valuePairs) {
        try {
            Expressions.update(expression, names("#c", "count"), item(valuePairs), new UsageTracker());
        } catch (ValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ValidationException for " + expression);
    }

    static String applyError(String expression, Object... valuePairs) {
        Update update = update(expression, valuePairs);
        try {
            update.apply(ITEM);
        } catch (ValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ValidationException applying " + expression);
    }

    @Nested
    class Set {
        @Test
        void setsTopLevelAndNestedAttributes() {
            Map<String, AttributeValue> result = apply("SET a = :v, doc.nest.leaf = :w, doc.added = :v", ":v", s("x"), ":w", n("8"));
            assertThat(result.get("a")).isEqualTo(s("x"));
            assertThat(result.get("doc")).isEqualTo(m("nest", m("leaf", n("8")), "other", s("o"), "added", s("x")));
        }

        @Test
        void arithmetic_addsAndSubtractsNumbers() {
            assertThat(apply("SET #c = #c + :one", ":one", n("1")).get("count")).isEqualTo(n("6"));
            assertThat(apply("SET #c = #c - :d", ":d", n("7.5")).get("count")).isEqualTo(n("-2.5"));
            assertThat(apply("SET a = :x + :y", ":x", n("0.1"), ":y", n("0.2")).get("a")).isEqualTo(n("0.3"));
        }

        @Test
        void ifNotExists_keepsAnExistingValue_orUsesTheDefault() {
            assertThat(apply("SET #c = if_not_exists(#c, :z) + :one", ":z", n("0"), ":one", n("1")).get("count")).isEqualTo(n("6"));
            assertThat(apply("SET fresh = if_not_exists(fresh, :z) + :one", ":z", n("0"), ":one", n("1")).get("fresh")).isEqualTo(n("1"));
        }

        @Test
        void listAppend_concatenatesInOrder() {
            assertThat(apply("SET arr = list_append(arr, :more)", ":more", l(s("e"))).get("arr"))
                    .isEqualTo(l(s("a"), s("b"), s("c"), s("d"), s("e")));
            assertThat(apply("SET arr = list_append(:more, arr)", ":more", l(s("z"))).get("arr"))
                    .isEqualTo(l(s("z"), s("a"), s("b"), s("c"), s("d")));
        }

        @Test
        void listIndex_replacesOrAppendsPastTheEnd() {
            assertThat(apply("SET arr[1] = :v", ":v", s("B")).get("arr")).isEqualTo(l(s("a"), s("B"), s("c"), s("d")));
            assertThat(apply("SET arr[10] = :v", ":v", s("E")).get("arr")).isEqualTo(l(s("a"), s("b"), s("c"), s("d"), s("E")));
        }

        @Test
        void operandsAreReadFromTheOriginalItem_soAssignmentsCanSwap() {
            Map<String, AttributeValue> result = apply("SET str = id, id = str");
            assertThat(result.get("str")).isEqualTo(s("k1"));
            assertThat(result.get("id")).isEqualTo(s("hello"));
        }

        @Test
        void parenthesisedValues_areAccepted() {
            assertThat(apply("SET a = (:v)", ":v", n("1")).get("a")).isEqualTo(n("1"));
            assertThat(apply("SET a = (#c + :v)", ":v", n("1")).get("a")).isEqualTo(n("6"));
            assertThat(apply("SET a = (#c) + :v", ":v", n("1")).get("a")).isEqualTo(n("6"));
        }
    }

    @Nested
    class Remove {
        @Test
        void removesAttributesNestedKeysAndMissingOnesQuietly() {
            Map<String, AttributeValue> result = apply("REMOVE str, doc.nest, absent, doc.nada.deeper");
            assertThat(result).doesNotContainKey("str");
            assertThat(result.get("doc")).isEqualTo(m("other", s("o")));
        }

        @Test
        void listIndexes_referToTheOriginalPositions() {
            assertThat(apply("REMOVE arr[0], arr[2]").get("arr")).isEqualTo(l(s("b"), s("d")));
            assertThat(apply("REMOVE arr[2], arr[0], arr[9]").get("arr")).isEqualTo(l(s("b"), s("d")));
        }
    }

    @Nested
    class AddAndDelete {
        @Test
        void add_sumsNumbers_andStartsAbsentAttributesFromTheOperand() {
            assertThat(apply("ADD #c :v", ":v", n("-5")).get("count")).isEqualTo(n("0"));
            assertThat(apply("ADD fresh :v", ":v", n("3")).get("fresh")).isEqualTo(n("3"));
            assertThat(apply("ADD fresh :v", ":v", ss("a")).get("fresh")).isEqualTo(ss("a"));
        }

        @Test
        void add_unitesSetsOfTheSameType() {
            assertThat(apply("ADD tags :v", ":v", ss("blue", "green")).get("tags")).isEqualTo(ss("red", "blue", "green"));
            assertThat(apply("ADD nums :v", ":v", ns("2.0", "3")).get("nums")).isEqualTo(ns("1", "2", "3"));
            assertThat(apply("ADD blobs :v", ":v", bs("y")).get("blobs")).isEqualTo(bs("x", "y"));
        }

        @Test
        void delete_removesElements_andTheAttributeWhenTheSetEmpties() {
            assertThat(apply("DELETE tags :v", ":v", ss("red", "absent")).get("tags")).isEqualTo(ss("blue"));
            assertThat(apply("DELETE tags :v", ":v", ss("red", "blue"))).doesNotContainKey("tags");
            assertThat(apply("DELETE nums :v", ":v", ns("1.0"))).containsEntry("nums", ns("2"));
            assertThat(apply("DELETE absent :v", ":v", ss("x"))).doesNotContainKey("absent");
        }

        @Test
        void allFourClauses_inAnyOrder() {
            Map<String, AttributeValue> result = apply("delete tags :t add #c :one remove str set a = :one",
                    ":t", ss("red"), ":one", n("1"));
            assertThat(result).containsEntry("tags", ss("blue")).containsEntry("count", n("6")).containsEntry("a", n("1"))
                    .doesNotContainKey("str");
        }
    }

    @Nested
    class EvaluationErrors {
        @Test
        void arithmeticOnNonNumbers() {
            // moto's executors (checked against DynamoDB) name the operator and the offending type
            assertThat(applyError("SET str = str + :one", ":one", n("1"))).isEqualTo(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S");
            assertThat(applyError("SET a = :one - tags", ":one", n("1"))).isEqualTo(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: SS");
        }

        @Test
        void listAppendOnNonLists() {
            assertThat(applyError("SET str = list_append(str, :l)", ":l", l(s("x")))).isEqualTo(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
            assertThat(applyError("SET arr = list_append(arr, absent)"))
                    .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        }

        @Test
        void addAndDeleteOnMismatchedTypes() {
            assertThat(applyError("ADD str :one", ":one", n("1")))
                    .isEqualTo("An operand in the update expression has an incorrect data type");
            assertThat(applyError("ADD tags :v", ":v", ns("1")))
                    .isEqualTo("An operand in the update expression has an incorrect data type");
            assertThat(applyError("DELETE nums :v", ":v", ss("1")))
                    .isEqualTo("An operand in the update expression has an incorrect data type");
        }

        @Test
        void operandAttributeMissing() {
            assertThat(applyError("SET a = absent"))
                    .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        }

        @Test
        void nestedPathThroughMissingOrNonMapParent() {
            assertThat(applyError("SET absent.x = :v", ":v", n("1")))
                    .isEqualTo("The document path provided in the update expression is invalid for update");
            assertThat(applyError("SET str.x = :v", ":v", n("1")))
                    .isEqualTo("The document path provided in the update expression is invalid for update");
            assertThat(applyError("SET doc[0] = :v", ":v", n("1")))
                    .isEqualTo("The document path provided in the update expression is invalid for update");
        }

        @Test
        void aFailingActionLeavesTheOriginalItemUnchanged() {
            Map<String, AttributeValue> original = new HashMap<>(ITEM);
            Update update = update("SET a = :v, str = str + :v", ":v", n("1"));
            assertThatThrownBy(() -> update.apply(original)).isInstanceOf(ValidationException.class);
            assertThat(original).isEqualTo(ITEM);
        }
    }

    @Nested
    class ValidationErrors {
        @Test
        void sectionUsedTwice() {
            assertThat(error("SET a = :v SET b = :v", ":v", n("1")))
                    .isEqualTo("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        }

        @Test
        void overlappingPaths() {
            assertThat(error("SET a = :v REMOVE a", ":v", n("1"))).isEqualTo(
                    "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
            assertThat(error("SET a.b = :v, a = :v", ":v", n("1"))).isEqualTo(
                    "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]");
        }

        @Test
        void conflictingPaths() {
            assertThat(error("SET a.b = :v, a[1] = :v", ":v", n("1"))).isEqualTo(
                    "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]");
        }

        @Test
        void addAndDeleteOperandTypes() {
            assertThat(error("ADD a :v", ":v", s("x"))).isEqualTo(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
            assertThat(error("DELETE a :v", ":v", n("1"))).isEqualTo(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
            assertThat(error("ADD a :v", ":v", l())).isEqualTo(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST");
        }

        @Test
        void functionOperands() {
            assertThat(error("SET a = if_not_exists(:v, a)", ":v", n("1"))).isEqualTo(
                    "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
            assertThat(error("SET a = list_append(a)")).isEqualTo(
                    "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1");
            assertThat(error("SET a = list_append(a, :v)", ":v", s("x"))).isEqualTo(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
            assertThat(error("SET a = a + :v", ":v", s("x"))).isEqualTo(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S");
        }

        @Test
        void conditionFunctionsAreNotAllowed_andUnknownOnesAreInvalid() {
            assertThat(error("SET a = size(b)")).isEqualTo(
                    "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
            assertThat(error("SET a = foo(b)")).isEqualTo("Invalid UpdateExpression: Invalid function name; function: foo");
        }

        @Test
        void syntaxErrors() {
            // Recorded from DynamoDB in moto's test suite: "SET path = VALUE 1"
            assertThat(error("SET path = VALUE 1")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"1\", near: \"VALUE 1\"");
            assertThat(error("SET a = b + c + d")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"+\", near: \"c + d\"");
            assertThat(error("UPSERT a = :v")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"UPSERT\", near: \"UPSERT a\"");
            assertThat(error("REMOVE a b")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"");
            assertThat(error("ADD a b")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"");
            assertThat(error("")).isEqualTo("Invalid UpdateExpression: The expression can not be empty;");
            // Recorded from DynamoDB: Alternator's and others' test suites
            assertThat(error("SET _123 = :v", ":v", n("1"))).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"");
            assertThat(error("ADD  SET #c = :v", ":v", n("1"))).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"SET\", near: \"ADD  SET #c\"");
            assertThat(error("SET a = {\"NULL\": true}")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"{\", near: \"= {\"\"");
            assertThat(error("INVALID SYNTAX")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
            assertThat(error("SET a = :v,", ":v", n("1"))).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        }

        @Test
        void reservedWordsAndUndefinedPlaceholders() {
            assertThat(error("SET count = :v", ":v", n("1")))
                    .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: count");
            assertThat(error("SET #zz = :v", ":v", n("1"))).isEqualTo(
                    "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #zz");
            assertThat(error("SET a = :nope")).isEqualTo(
                    "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope");
        }
    }

    @Nested
    class Metadata {
        @Test
        void touchedTopLevelAttributes_listsEveryActionsFirstName() {
            assertThat(update("SET a.b = :v REMOVE c[1] ADD #c :v DELETE tags :s", ":v", n("1"), ":s", ss("x"))
                    .touchedTopLevelAttributes()).containsExactly("a", "c", "count", "tags");
        }

        @Test
        void updatedAttributes_projectsTheActionPaths() {
            Update update = update("SET doc.nest.leaf = :v, str = :s", ":v", n("9"), ":s", s("new"));
            Map<String, AttributeValue> after = update.apply(ITEM);
            assertThat(update.updatedAttributes(after)).isEqualTo(item("doc", m("nest", m("leaf", n("9"))), "str", s("new")));
            assertThat(update.updatedAttributes(ITEM)).isEqualTo(item("doc", m("nest", m("leaf", n("7"))), "str", s("hello")));
        }

        @Test
        void applyingToAnAbsentItemStartsFromTheGivenKey() {
            Update update = update("SET flag = :t", ":t", bool(true));
            assertThat(update.apply(item("id", s("new")))).isEqualTo(item("id", s("new"), "flag", bool(true)));
        }
    }
}
