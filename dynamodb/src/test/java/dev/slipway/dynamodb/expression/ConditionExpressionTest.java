package dev.slipway.dynamodb.expression;

import static dev.slipway.dynamodb.expression.TestValues.b;
import static dev.slipway.dynamodb.expression.TestValues.bool;
import static dev.slipway.dynamodb.expression.TestValues.bs;
import static dev.slipway.dynamodb.expression.TestValues.item;
import static dev.slipway.dynamodb.expression.TestValues.l;
import static dev.slipway.dynamodb.expression.TestValues.m;
import static dev.slipway.dynamodb.expression.TestValues.n;
import static dev.slipway.dynamodb.expression.TestValues.names;
import static dev.slipway.dynamodb.expression.TestValues.ns;
import static dev.slipway.dynamodb.expression.TestValues.nul;
import static dev.slipway.dynamodb.expression.TestValues.s;
import static dev.slipway.dynamodb.expression.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConditionExpressionTest {

    static final Map<String, AttributeValue> ITEM = item(
            "id", s("k1"),
            "num", n("10"),
            "str", s("hello"),
            "bin", b("abc"),
            "flag", bool(true),
            "nothing", nul(),
            "tags", ss("red", "blue"),
            "scores", ns("1", "2.5"),
            "blobs", bs("x", "y"),
            "arr", l(s("a"), n("2"), m("deep", s("v"))),
            "doc", m("nest", m("leaf", n("7")), "name", s("n")));

    static boolean eval(String expression, Object... valuePairs) {
        return eval(expression, Map.of(), valuePairs);
    }

    static boolean eval(String expression, Map<String, String> names, Object... valuePairs) {
        return Expressions.condition(expression, names.isEmpty() ? null : names, item(valuePairs), new UsageTracker()).test(ITEM);
    }

    static String error(String expression, Object... valuePairs) {
        return error(expression, Map.of(), valuePairs);
    }

    static String error(String expression, Map<String, String> names, Object... valuePairs) {
        try {
            Expressions.condition(expression, names, item(valuePairs), new UsageTracker());
        } catch (ValidationException e) {
            assertThat(e.errorCode()).isEqualTo("ValidationException");
            return e.getMessage();
        }
        throw new AssertionError("expected a ValidationException for " + expression);
    }

    @Nested
    class Comparisons {
        @Test
        void numbers_compareNumerically_notAsText() {
            assertThat(eval("num > :v", ":v", n("9"))).isTrue();
            assertThat(eval("num < :v", ":v", n("100"))).isTrue();
            assertThat(eval("num = :v", ":v", n("10.0"))).isTrue();
            assertThat(eval("num >= :v", ":v", n("10"))).isTrue();
            assertThat(eval("num <= :v", ":v", n("9.99"))).isFalse();
        }

        @Test
        void strings_compareByCodePoint() {
            assertThat(eval("str > :v", ":v", s("Hello"))).isTrue(); // 'h' (0x68) > 'H' (0x48)
            assertThat(eval("str < :v", ":v", s("hellp"))).isTrue();
            assertThat(eval("str < :v", ":v", s("\uD83D\uDE00"))).isTrue(); // supplementary code point sorts after BMP
        }

        @Test
        void binaries_compareAsUnsignedBytes() {
            AttributeValue high = new AttributeValue.B(new byte[] {(byte) 0xFF});
            assertThat(eval("bin < :v", ":v", high)).isTrue();
        }

        @Test
        void differentTypes_areNeitherEqualNorOrdered() {
            assertThat(eval("num = :v", ":v", s("10"))).isFalse();
            assertThat(eval("num < :v", ":v", s("99"))).isFalse();
            assertThat(eval("num > :v", ":v", s("1"))).isFalse();
            assertThat(eval("num <> :v", ":v", s("10"))).isTrue();
        }

        @Test
        void missingAttribute_makesComparisonsFalse_andNotEqualTrue() {
            assertThat(eval("absent = :v", ":v", n("1"))).isFalse();
            assertThat(eval("absent < :v", ":v", n("1"))).isFalse();
            assertThat(eval("absent <> :v", ":v", n("1"))).isTrue();
        }

        @Test
        void documentsCompareDeeply() {
            assertThat(eval("doc.nest = :v", ":v", m("leaf", n("7")))).isTrue();
            assertThat(eval("arr = :v", ":v", l(s("a"), n("2"), m("deep", s("v"))))).isTrue();
            assertThat(eval("tags = :v", ":v", ss("blue", "red"))).isTrue();
        }

        @Test
        void nestedPathsAndListIndexes_areFollowed() {
            assertThat(eval("doc.nest.leaf = :v", ":v", n("7"))).isTrue();
            assertThat(eval("arr[2].deep = :v", ":v", s("v"))).isTrue();
            assertThat(eval("arr[9] = :v", ":v", s("v"))).isFalse();
            assertThat(eval("str.x = :v", ":v", s("v"))).isFalse();
        }

        @Test
        void betweenIsInclusive_andIn_matchesAnyCandidate() {
            assertThat(eval("num BETWEEN :a AND :b", ":a", n("10"), ":b", n("20"))).isTrue();
            assertThat(eval("num BETWEEN :a AND :b", ":a", n("11"), ":b", n("20"))).isFalse();
            assertThat(eval("str IN (:a, :b)", ":a", s("x"), ":b", s("hello"))).isTrue();
            assertThat(eval("str IN (:a)", ":a", s("x"))).isFalse();
        }
    }

    @Nested
    class LogicalOperators {
        @Test
        void andBindsTighterThanOr() {
            // true OR (false AND false) = true; (true OR false) AND false would be false
            assertThat(eval("num = :ten OR num = :one AND num = :two", ":ten", n("10"), ":one", n("1"), ":two", n("2"))).isTrue();
        }

        @Test
        void parenthesesOverridePrecedence() {
            assertThat(eval("(num = :ten OR num = :one) AND num = :two", ":ten", n("10"), ":one", n("1"), ":two", n("2"))).isFalse();
        }

        @Test
        void notNegates_andKeywordsAreCaseInsensitive() {
            assertThat(eval("not num = :v", ":v", n("1"))).isTrue();
            assertThat(eval("NOT (num = :v and str = :s)", ":v", n("10"), ":s", s("hello"))).isFalse();
            assertThat(eval("num between :a and :b", ":a", n("1"), ":b", n("10"))).isTrue();
        }

        @Test
        @Timeout(60) // a safety net only: exponential backtracking would never finish at this depth
        void deeplyNestedParentheses_parseInLinearTime() {
            String deep = "(".repeat(150) + "num" + ")".repeat(150) + " = :v";
            assertThat(error(deep, ":v", n("10"))).isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
            String unbalanced = "(".repeat(150) + "num = :v";
            assertThat(error(unbalanced, ":v", n("10"))).startsWith("Invalid ConditionExpression: Syntax error; token: \"<EOF>\"");
        }

        @Test
        void nestingAsDeepAsTheSizeLimitAllows_isAnErrorNotAStackOverflow() {
            String tooDeep = "Invalid ConditionExpression: The expression is nested too deeply; more than 200 levels of NOT, parentheses or function calls";
            assertThat(error("(".repeat(2040) + "num" + ")".repeat(2040) + " = :v", ":v", n("10"))).isEqualTo(tooDeep);
            assertThat(error("NOT ".repeat(1020) + "num = :v", ":v", n("10"))).isEqualTo(tooDeep);
            assertThat(error("(".repeat(2000) + "num = :v" + ")".repeat(2000), ":v", n("10"))).isEqualTo(tooDeep);
            assertThat(eval("NOT ".repeat(150) + "num = :v", ":v", n("10"))).isTrue();
        }

        @Test
        void parenthesisedOperands_areAccepted() {
            assertThat(eval("(num) = :v", ":v", n("10"))).isTrue();
            assertThat(eval("((num = :v))".substring(1, 11), ":v", n("10"))).isTrue();
        }
    }

    @Nested
    class Functions {
        @Test
        void attributeExistsAndNotExists() {
            assertThat(eval("attribute_exists(nothing)")).isTrue();
            assertThat(eval("attribute_exists(doc.nest.leaf)")).isTrue();
            assertThat(eval("attribute_not_exists(absent)")).isTrue();
            assertThat(eval("attribute_not_exists(id)")).isFalse();
        }

        @Test
        void attributeType_matchesTheWireTypeName() {
            assertThat(eval("attribute_type(tags, :t)", ":t", s("SS"))).isTrue();
            assertThat(eval("attribute_type(num, :t)", ":t", s("S"))).isFalse();
            assertThat(eval("attribute_type(nothing, :t)", ":t", s("NULL"))).isTrue();
        }

        @Test
        void beginsWith_onStringsAndBinaries() {
            assertThat(eval("begins_with(str, :p)", ":p", s("he"))).isTrue();
            assertThat(eval("begins_with(str, :p)", ":p", s("lo"))).isFalse();
            assertThat(eval("begins_with(bin, :p)", ":p", b("ab"))).isTrue();
            assertThat(eval("begins_with(str, :p)", ":p", b("he"))).isFalse(); // a literal of the other type: just false
        }

        @Test
        void contains_onStringsSetsAndLists() {
            assertThat(eval("contains(str, :v)", ":v", s("ell"))).isTrue();
            assertThat(eval("contains(tags, :v)", ":v", s("red"))).isTrue();
            assertThat(eval("contains(tags, :v)", ":v", s("re"))).isFalse();
            assertThat(eval("contains(scores, :v)", ":v", n("2.50"))).isTrue();
            assertThat(eval("contains(blobs, :v)", ":v", b("x"))).isTrue();
            assertThat(eval("contains(arr, :v)", ":v", n("2"))).isTrue();
            assertThat(eval("contains(bin, :v)", ":v", b("bc"))).isTrue();
        }

        @Test
        void size_perType() {
            assertThat(eval("size(str) = :v", ":v", n("5"))).isTrue();
            assertThat(eval("size(bin) = :v", ":v", n("3"))).isTrue();
            assertThat(eval("size(tags) = :v", ":v", n("2"))).isTrue();
            assertThat(eval("size(arr) = :v", ":v", n("3"))).isTrue();
            assertThat(eval("size(doc) = :v", ":v", n("2"))).isTrue();
            assertThat(eval("size(absent) < :v", ":v", n("2"))).isFalse();
        }

        @Test
        void functionsAppliedToAnExistingAttributeOutsideTheirDomain_areValidationErrors() {
            // Observed from DynamoDB by other emulators' suites: an error, not a false condition
            assertThatThrownBy(() -> eval("size(num) = :v", ":v", n("2"))).hasMessage(
                    "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N");
            assertThatThrownBy(() -> eval("size(flag) = :v", ":v", n("2"))).hasMessage(
                    "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: BOOL");
            assertThatThrownBy(() -> eval("begins_with(num, :p)", ":p", s("1"))).hasMessage(
                    "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
            assertThatThrownBy(() -> eval("contains(doc, :p)", ":p", s("1"))).hasMessage(
                    "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: contains, operand type: M");
            assertThatThrownBy(() -> Expressions.filter("contains(flag, :p)", null, item(":p", s("1")), new UsageTracker()).test(ITEM))
                    .hasMessage("Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: contains, operand type: BOOL");
        }
    }

    @Nested
    class Placeholders {
        @Test
        void namePlaceholders_substituteReservedWordsAndDottedNames() {
            Map<String, AttributeValue> item = item("name", s("x"), "a.b", n("1"));
            UsageTracker usage = new UsageTracker();
            Condition c = Expressions.condition("#n = :v AND #dot = :one", names("#n", "name", "#dot", "a.b"),
                    item(":v", s("x"), ":one", n("1")), usage);
            assertThat(c.test(item)).isTrue();
        }

        @Test
        void theSameTextWithOtherPlaceholderMaps_isBoundAfresh() {
            // parses are cached by text; names and values must still be bound per request
            Map<String, AttributeValue> values = item(":v", s("hello"));
            assertThat(Expressions.condition("#x = :v", names("#x", "str"), values, new UsageTracker()).test(ITEM)).isTrue();
            assertThat(Expressions.condition("#x = :v", names("#x", "id"), values, new UsageTracker()).test(ITEM)).isFalse();
            assertThat(error("#x = :v", Map.of(), ":v", s("hello"))).isEqualTo(
                    "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x");
            assertThat(Expressions.filter("#x = :v", names("#x", "str"), values, new UsageTracker()).test(ITEM)).isTrue();
        }

        @Test
        void undefinedName_isReported() {
            assertThat(error("#x = :v", Map.of(), ":v", s("x")))
                    .isEqualTo("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x");
        }

        @Test
        void undefinedValue_isReported() {
            assertThat(error("str = :v"))
                    .isEqualTo("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        }

        @Test
        void unusedNamesAndValues_areReportedAcrossTheRequest() {
            UsageTracker usage = new UsageTracker();
            Map<String, String> names = names("#a", "a", "#x", "x");
            Map<String, AttributeValue> values = item(":v", n("1"), ":w", n("2"));
            Expressions.condition("#a = :v", names, values, usage);
            assertThatThrownBy(() -> usage.verifyAllUsed(names, values))
                    .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}");
            Expressions.update("SET #x = :w", names, values, usage);
            usage.verifyAllUsed(names, values);
        }

        @Test
        void placeholderKeys_mustBeHashOrColonWords() {
            // dynalite's and moto's suites record these answers from DynamoDB
            assertThatThrownBy(() -> Expressions.checkPlaceholderKeys(names("a", "a"), null))
                    .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
            assertThatThrownBy(() -> Expressions.checkPlaceholderKeys(null, item("loc", s("sth"))))
                    .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"loc\"");
            assertThatThrownBy(() -> Expressions.checkPlaceholderKeys(null, item(":name:name", s("sth"))))
                    .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \":name:name\"");
            Expressions.checkPlaceholderKeys(names("#a_1", "a"), item(":B2", s("x")));
        }

        @Test
        void unusedValues_areReportedAfterNames() {
            UsageTracker usage = new UsageTracker();
            Map<String, AttributeValue> values = item(":v", n("1"), ":w", n("2"), ":z", n("3"));
            Expressions.condition("a = :v", null, values, usage);
            assertThatThrownBy(() -> usage.verifyAllUsed(null, values))
                    .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w, :z}");
        }
    }

    @Nested
    class Errors {
        @Test
        void reservedWord_isRejectedWithItsSpelling() {
            assertThat(error("name = :v", ":v", s("x")))
                    .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");
            assertThat(error("a.Status = :v", ":v", s("x")))
                    .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Status");
        }

        @Test
        void syntaxErrors_nameTokenAndContext() {
            // Recorded from DynamoDB (LowVoltage test suite): ConditionExpression "foo"
            assertThat(error("foo")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"foo\"");
            assertThat(error("a = ")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
            assertThat(error("a == :v", ":v", s("x"))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\"");
            assertThat(error("a = :v b", ":v", s("x"))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"b\", near: \":v b\"");
            assertThat(error("a = !!", ":v", s("x"))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"!\", near: \"= !!\"");
            assertThat(error("a = 1")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"1\", near: \"= 1\"");
            // Recorded from DynamoDB (zio-dynamodb): the context is previous, offending and next token
            assertThat(error("attribute_exists(([1]))")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"[\", near: \"([1\"");
            assertThat(error("attribute_not_exists(")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
            assertThat(error("a AND = :v", ":v", s("x"))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"a AND =\"");
        }

        @Test
        void emptyExpression_isRejected() {
            assertThat(error(" ")).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
        }

        @Test
        void unknownFunction() {
            assertThat(error("foo(a)")).isEqualTo("Invalid ConditionExpression: Invalid function name; function: foo");
        }

        @Test
        void updateFunctions_areNotAllowedInConditions() {
            assertThat(error("if_not_exists(a, :v) = :v", ":v", s("x")))
                    .isEqualTo("Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
        }

        @Test
        void sizeAsACondition_andConditionFunctionsAsOperands_areMisused() {
            assertThat(error("size(a)")).isEqualTo(
                    "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
            assertThat(error("attribute_exists(a) = :v", ":v", bool(true))).isEqualTo(
                    "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
        }

        @Test
        void wrongNumberOfOperands() {
            assertThat(error("attribute_exists(a, b)")).isEqualTo(
                    "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
        }

        @Test
        void attributeExists_requiresAPath() {
            assertThat(error("attribute_exists(:v)", ":v", s("x"))).isEqualTo(
                    "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
        }

        @Test
        void beginsWith_rejectsNonStringLiterals() {
            assertThat(error("begins_with(a, :v)", ":v", n("1"))).isEqualTo(
                    "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        }

        @Test
        void attributeType_rejectsUnknownTypeNames() {
            assertThat(error("attribute_type(a, :t)", ":t", s("STRING"))).isEqualTo(
                    "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }

        @Test
        void sameOperandTwice_isRejected() {
            assertThat(error("a = a")).isEqualTo(
                    "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]");
        }

        @Test
        void inCandidates_mustDifferFromTheTestedPath() {
            assertThat(error("a IN (:v, a)", ":v", s("x"))).isEqualTo(
                    "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: IN, first operand: [a]");
        }

        @Test
        void betweenBounds_mustBeOrderedAndOfOneType() {
            assertThat(error("a BETWEEN :hi AND :lo", ":lo", n("1"), ":hi", n("2"))).isEqualTo(
                    "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                            + "lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}");
            assertThat(error("a BETWEEN :lo AND :hi", ":lo", n("1"), ":hi", s("2"))).isEqualTo(
                    "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:2}");
        }

        @Test
        void redundantParentheses_areRejected() {
            assertThat(error("((a = :v))", ":v", s("x"))).isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        }

        @Test
        void inAcceptsAtMost100Candidates() {
            StringBuilder expr = new StringBuilder("a IN (");
            Object[] values = new Object[202];
            for (int i = 0; i < 101; i++) {
                expr.append(i == 0 ? "" : ", ").append(":v").append(i);
                values[2 * i] = ":v" + i;
                values[2 * i + 1] = n(String.valueOf(i));
            }
            assertThat(error(expr.append(")").toString(), values)).isEqualTo(
                    "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
        }

        @Test
        void filterExpressions_sayFilterExpression() {
            assertThatThrownBy(() -> Expressions.filter("a =", null, null, new UsageTracker()))
                    .hasMessage("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        }

        @Test
        void overlongExpression_isRejected() {
            String expr = "a = :v" + " ".repeat(4091);
            assertThat(error(expr, ":v", s("x"))).isEqualTo(
                    "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
        }
    }
}
