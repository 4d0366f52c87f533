package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compact item store against a TreeMap ordered by {@link ItemKey#compareTo} (the order the
 * engine kept before items were stored as bytes): the same contents and the same range scans for
 * random keys of every key type, and every attribute value survives encoding unchanged.
 */
class ItemStorePropertyTest {

    record Op(int kind, AttributeValue hash, AttributeValue range, AttributeValue other, int bound) {}

    @Provide
    Arbitrary<List<Op>> operations() {
        return Arbitraries.of("S", "N", "B").flatMap(hashType -> Arbitraries.of("S", "N", "B").flatMap(rangeType -> {
            Arbitrary<Op> op = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 5), key(hashType),
                    key(rangeType), key(rangeType), Arbitraries.of(-1, 0, 1)).as(Op::new);
            return op.list().ofMinSize(1).ofMaxSize(400);
        }));
    }

    private static Arbitrary<AttributeValue> key(String type) {
        return switch (type) {
            case "S" -> Arbitraries.oneOf(Arbitraries.of("", "a", "a\u0000", "a\u0000b", "ab", "b", "\u00e9", "\uffff", "\ud83d\ude00", "z"),
                    Arbitraries.strings().ofMaxLength(4).withChars("a\u0000\u00e9\ud83d\ude00b"))
                    .filter(s -> !s.isEmpty()).map(AttributeValue.S::new);
            case "N" -> Arbitraries.oneOf(Arbitraries.of("0", "1", "-1", "10", "100", "0.1", "0.15", "-0.15", "-0.1", "1E+30",
                    "-1E+30", "1E-30", "99", "101", "-99"), Arbitraries.integers().between(-1000, 1000).map(String::valueOf),
                    Arbitraries.bigDecimals().between(new BigDecimal("-100"), new BigDecimal("100")).ofScale(3).map(BigDecimal::toString))
                    .map(s -> new AttributeValue.N(new BigDecimal(s).stripTrailingZeros()));
            default -> Arbitraries.bytes().array(byte[].class).ofMaxSize(3).filter(b -> b.length > 0).map(AttributeValue.B::new);
        };
    }

    @Property(tries = 120)
    void storeAgreesWithSortedMap(@ForAll("operations") List<Op> ops) {
        ItemStore store = new ItemStore(item -> ItemKey.of(item.get("h"), item.get("r")));
        NavigableMap<ItemKey, Map<String, AttributeValue>> model = new TreeMap<>();
        int n = 0;
        for (Op op : ops) {
            ItemKey key = ItemKey.of(op.hash(), op.range());
            switch (op.kind()) {
                case 0, 1, 2 -> {
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    item.put("h", op.hash());
                    item.put("r", op.range());
                    item.put("v", new AttributeValue.N(BigDecimal.valueOf(n++)));
                    assertThat(store.put(key, item)).isEqualTo(model.put(key, item));
                }
                case 3 -> assertThat(store.remove(key)).isEqualTo(model.remove(key));
                case 4 -> assertThat(store.get(key)).isEqualTo(model.get(key));
                default -> {
                    ItemKey lo = op.bound() == 0 ? ItemKey.partitionStart(op.hash()) : ItemKey.around(op.hash(), op.range(), op.bound());
                    ItemKey hi = ItemKey.around(op.hash(), op.other(), op.bound() == 0 ? 1 : -op.bound());
                    boolean descending = op.range().hashCode() % 2 == 0;
                    List<ItemKey> expectedKeys = new ArrayList<>();
                    if (lo.compareTo(hi) <= 0) {
                        NavigableMap<ItemKey, Map<String, AttributeValue>> sub = model.subMap(lo, true, hi, true);
                        expectedKeys.addAll((descending ? sub.descendingMap() : sub).keySet());
                    }
                    assertThat(keys(lo.compareTo(hi) <= 0 ? store.range(lo, true, hi, true, descending)
                            : java.util.Collections.emptyIterator())).as("range %s..%s desc=%s", lo, hi, descending).isEqualTo(printable(expectedKeys));
                    // exclusive exact bounds, as ExclusiveStartKey uses them
                    assertThat(keys(store.range(key, false, null, true, false))).isEqualTo(printable(model.tailMap(key, false).keySet()));
                    assertThat(keys(store.range(null, true, key, false, true)))
                            .isEqualTo(printable(model.headMap(key, false).descendingMap().keySet()));
                }
            }
            assertThat(store.size()).isEqualTo(model.size());
        }
        assertThat(keys(store.all())).isEqualTo(printable(model.keySet()));
    }

    private static List<String> keys(Iterator<Map.Entry<ItemKey, Map<String, AttributeValue>>> it) {
        List<ItemKey> keys = new ArrayList<>();
        it.forEachRemaining(e -> keys.add(e.getKey()));
        return printable(keys);
    }

    /** Keys as ASCII text (a NUL cuts the test report short). */
    private static List<String> printable(java.util.Collection<ItemKey> keys) {
        return keys.stream().map(k -> {
            StringBuilder b = new StringBuilder();
            k.toString().chars().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\u%04x", c)));
            return b.toString();
        }).toList();
    }

    @Property(tries = 200)
    void everyAttributeValueSurvivesEncoding(@ForAll("items") Map<String, AttributeValue> item) {
        assertThat(ItemCodec.decode(ItemCodec.encode(item), 0)).isEqualTo(item);
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        Arbitrary<String> names = Arbitraries.strings().ofMinLength(1).ofMaxLength(5);
        return Arbitraries.maps(names, value(2)).ofMaxSize(6);
    }

    private static Arbitrary<AttributeValue> value(int depth) {
        Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(6); // any char, lone surrogates included
        Arbitrary<BigDecimal> numbers = Arbitraries.oneOf(Arbitraries.bigDecimals().ofScale(4),
                Arbitraries.of(new BigDecimal("1E+125"), new BigDecimal("-1E-130"), new BigDecimal("12345678901234567890123456789012345678")));
        List<Arbitrary<? extends AttributeValue>> choices = new ArrayList<>(List.of(
                strings.map(AttributeValue.S::new),
                numbers.map(AttributeValue.N::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(5).map(AttributeValue.B::new),
                Arbitraries.of(true, false).map(AttributeValue.Bool::new),
                Arbitraries.just(new AttributeValue.Null()),
                strings.set().ofMinSize(1).ofMaxSize(3).map(s -> new AttributeValue.SS(new LinkedHashSet<>(s))),
                numbers.set().ofMinSize(1).ofMaxSize(3).map(s -> new AttributeValue.NS(new LinkedHashSet<>(s))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3).map(AttributeValue.B::new).set().ofMinSize(1).ofMaxSize(3)
                        .map(s -> new AttributeValue.BS((Set<AttributeValue.B>) new LinkedHashSet<>(s)))));
        if (depth > 0) {
            choices.add(value(depth - 1).list().ofMaxSize(3).map(AttributeValue.L::new));
            choices.add(Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), value(depth - 1)).ofMaxSize(3)
                    .map(m -> new AttributeValue.M(new LinkedHashMap<>(m))));
        }
        return Arbitraries.oneOf(choices);
    }
}
