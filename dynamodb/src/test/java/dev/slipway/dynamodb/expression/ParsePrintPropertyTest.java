package dev.slipway.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.expression.Ast.Path;
import dev.slipway.dynamodb.expression.Ast.PathElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Printing a syntax tree and parsing the text back gives the same tree, for every expression kind. */
class ParsePrintPropertyTest {

    @Property(tries = 300)
    void conditions_roundTripThroughText(@ForAll("conditions") Cond tree) {
        String text = Printer.condition(tree);
        Parser.Parsed<Cond> parsed = Parser.condition(text, "ConditionExpression");
        assertThat(parsed.ast()).as(text).isEqualTo(tree);
        assertThat(parsed.redundantParentheses()).as(text).isFalse();
    }

    @Property(tries = 200)
    void updates_roundTripThroughText(@ForAll("updates") Ast.UpdateExpr tree) {
        String text = Printer.update(tree);
        assertThat(Parser.update(text).ast()).as(text).isEqualTo(tree);
    }

    @Property(tries = 200)
    void projections_roundTripThroughText(@ForAll("projections") Ast.ProjectionExpr tree) {
        String text = Printer.projection(tree);
        assertThat(Parser.projection(text, "ProjectionExpression").ast()).as(text).isEqualTo(tree);
    }

    @Property(tries = 500)
    void stringOrder_isTheOrderOfUtf8Bytes(@ForAll String a, @ForAll String b) {
        int byCodePoint = Integer.signum(Values.compareCodePoints(a, b));
        int byBytes = Integer.signum(Values.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        // Lone surrogates are not valid UTF-16 and encode lossily; only compare well-formed strings.
        if (isWellFormed(a) && isWellFormed(b)) {
            assertThat(byCodePoint).isEqualTo(byBytes);
        }
    }

    private static boolean isWellFormed(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }

    // ---- generators ----

    static Arbitrary<PathElement> name() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3).map(s -> "q" + s),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3).map(s -> "#" + s))
                .map(Ast.Attr::new);
    }

    static Arbitrary<Path> path() {
        Arbitrary<PathElement> element = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, name()),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 20).map(Ast.Index::new)));
        return Combinators.combine(name(), element.list().ofMaxSize(3)).as((head, tail) -> {
            List<PathElement> elements = new ArrayList<>();
            elements.add(head);
            elements.addAll(tail);
            return new Path(elements);
        });
    }

    static Arbitrary<Ast.ValueRef> value() {
        return Arbitraries.integers().between(0, 9).map(i -> new Ast.ValueRef(":v" + i, null));
    }

    static Arbitrary<Operand> operand() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, path().map(Ast.PathRef::new)),
                net.jqwik.api.Tuple.of(3, value()),
                net.jqwik.api.Tuple.of(1, path().map(p -> new Ast.Call("size", List.of(new Ast.PathRef(p))))));
    }

    @Provide
    Arbitrary<Cond> conditions() {
        return Arbitraries.recursive(ParsePrintPropertyTest::leafCondition, inner -> Arbitraries.oneOf(
                Combinators.combine(inner, inner).as(Ast.And::new),
                Combinators.combine(inner, inner).as(Ast.Or::new),
                inner.map(Ast.Not::new)), 0, 4);
    }

    static Arbitrary<Cond> leafCondition() {
        Arbitrary<String> comparator = Arbitraries.of("=", "<>", "<", "<=", ">", ">=");
        return Arbitraries.oneOf(
                Combinators.combine(comparator, operand(), operand()).as(Ast.Compare::new),
                Combinators.combine(operand(), operand(), operand()).as(Ast.Between::new),
                Combinators.combine(operand(), operand().list().ofMinSize(1).ofMaxSize(4)).as(Ast.In::new),
                Combinators.combine(Arbitraries.of("attribute_exists", "attribute_not_exists", "begins_with", "contains"),
                        operand().list().ofMinSize(1).ofMaxSize(2)).as((f, args) -> new Ast.FunctionCond(new Ast.Call(f, args))));
    }

    @Provide
    Arbitrary<Ast.UpdateExpr> updates() {
        Arbitrary<Operand> setValue = Arbitraries.oneOf(
                operand(),
                Combinators.combine(Arbitraries.of('+', '-'), operand(), operand()).as(Ast.Arith::new),
                Combinators.combine(path(), operand()).as((p, v) -> new Ast.Call("if_not_exists", List.of(new Ast.PathRef(p), v))),
                Combinators.combine(operand(), operand()).as((a, b) -> new Ast.Call("list_append", List.of(a, b))));
        Arbitrary<List<Ast.SetAction>> sets = Combinators.combine(path(), setValue).as(Ast.SetAction::new).list().ofMaxSize(3);
        Arbitrary<List<Path>> removes = path().list().ofMaxSize(3);
        Arbitrary<List<Ast.AddAction>> adds = Combinators.combine(path(), value()).as(Ast.AddAction::new).list().ofMaxSize(2);
        Arbitrary<List<Ast.DeleteAction>> deletes = Combinators.combine(path(), value()).as(Ast.DeleteAction::new).list().ofMaxSize(2);
        return Combinators.combine(sets, removes, adds, deletes).as(Ast.UpdateExpr::new)
                .filter(u -> !(u.set().isEmpty() && u.remove().isEmpty() && u.add().isEmpty() && u.delete().isEmpty()));
    }

    @Provide
    Arbitrary<Ast.ProjectionExpr> projections() {
        return path().list().ofMinSize(1).ofMaxSize(5).map(Ast.ProjectionExpr::new);
    }
}
