package dev.slipway.dynamodb.expression;

import static dev.slipway.dynamodb.expression.TestValues.item;
import static dev.slipway.dynamodb.expression.TestValues.l;
import static dev.slipway.dynamodb.expression.TestValues.m;
import static dev.slipway.dynamodb.expression.TestValues.n;
import static dev.slipway.dynamodb.expression.TestValues.names;
import static dev.slipway.dynamodb.expression.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionExpressionTest {
    static final Map<String, AttributeValue> ITEM = item(
            "id", s("k"),
            "a", m("b", m("c", n("1"), "d", n("2")), "e", s("x")),
            "arr", l(m("x", n("0")), m("x", n("1"), "y", n("9")), m("x", n("2"))),
            "name", s("reserved"));

    static Projection projection(String expression) {
        return Expressions.projection(expression, names("#n", "name"), new UsageTracker());
    }

    @Test
    void keepsOnlyTheNamedTopLevelAttributes_skippingMissingOnes() {
        assertThat(projection("id, #n, absent").apply(ITEM)).isEqualTo(item("id", s("k"), "name", s("reserved")));
    }

    @Test
    void nestedPaths_keepTheirNesting() {
        assertThat(projection("a.b.c, a.e").apply(ITEM)).isEqualTo(item("a", m("b", m("c", n("1")), "e", s("x"))));
    }

    @Test
    void listElements_comeBackCompactedInIndexOrder() {
        assertThat(projection("arr[2].x, arr[1].y, arr[7]").apply(ITEM)).isEqualTo(item("arr", l(m("y", n("9")), m("x", n("2")))));
    }

    @Test
    void topLevelAttributes_areListedForIndexProjectionChecks() {
        assertThat(projection("a.b, id, arr[0]").topLevelAttributes()).containsExactly("a", "id", "arr");
    }

    @Test
    void duplicateOrNestedPaths_overlap() {
        assertThatThrownBy(() -> projection("id, id")).hasMessage(
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [id], path two: [id]");
        assertThatThrownBy(() -> projection("a.b, a")).hasMessage(
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]");
    }

    @Test
    void mapKeyAndListIndexOnTheSamePath_conflict() {
        assertThatThrownBy(() -> projection("a.b, a[0]")).hasMessage(
                "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]");
    }

    @Test
    void reservedWordsSyntaxAndPlaceholders_areChecked() {
        assertThatThrownBy(() -> projection("id, name"))
                .hasMessage("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertThatThrownBy(() -> projection("id,"))
                .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThatThrownBy(() -> projection("#zz"))
                .hasMessage("Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #zz");
        assertThatThrownBy(() -> projection("a[x]"))
                .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"x\", near: \"[x]\"");
        assertThatThrownBy(() -> projection(""))
                .hasMessage("Invalid ProjectionExpression: The expression can not be empty;");
    }

    @Test
    void nestingDeeperThan32Levels_isRejected() {
        String path = "a" + ".b".repeat(32);
        assertThatThrownBy(() -> projection(path))
                .hasMessage("Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33");
        assertThat(projection("a" + ".b".repeat(31)).apply(ITEM)).isEmpty();
    }
}
