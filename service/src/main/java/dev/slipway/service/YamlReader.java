package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML (and JSON, a subset) into Jackson nodes, recording the line:column of every key and
 * value. CloudFormation's short-form tags become the long form: {@code !Ref X} is
 * {@code {"Ref": "X"}}, {@code !GetAtt a.b} is {@code {"Fn::GetAtt": ["a", "b"]}}, {@code !Sub …}
 * is {@code {"Fn::Sub": …}}. Merge keys ({@code <<: *anchor}) are applied as js-yaml does.
 */
final class YamlReader {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> FN_TAGS = Set.of("Sub", "Join", "If", "Select", "Split", "FindInMap", "Base64",
            "ImportValue", "Equals", "And", "Or", "Not", "GetAZs", "Cidr", "Length", "ToJsonString", "Transform");

    /** A syntax error, with its place. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private final Path file;
    private final Locations locations;
    private final List<Problem> problems;

    private YamlReader(Path file, Locations locations, List<Problem> problems) {
        this.file = file;
        this.locations = locations;
        this.problems = problems;
    }

    /**
     * Parses {@code text}; positions go into {@code locations} when given (only for the main
     * file). Duplicate keys are reported into {@code problems}.
     */
    static JsonNode read(String text, Path file, Locations locations, List<Problem> problems) throws SyntaxError {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setUseMarks(true)
                .setSchema(new CoreSchema()).setAllowDuplicateKeys(true).setCodePointLimit(64 * 1024 * 1024).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String what = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String ctx = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new SyntaxError(ctx + what, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1);
        } catch (YamlEngineException e) {
            throw new SyntaxError(e.getMessage(), 0, 0);
        }
        if (root.isEmpty()) {
            return F.objectNode();
        }
        return new YamlReader(file, locations, problems).convert(root.get(), "");
    }

    private JsonNode convert(Node node, String path) throws SyntaxError {
        mark(path, node);
        String tag = node.getTag().getValue();
        if (tag.startsWith("!") && !tag.startsWith("!!")) {
            return intrinsic(tag.substring(1), node, path);
        }
        if (node instanceof MappingNode m) {
            return mapping(m, path);
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            int i = 0;
            for (Node item : s.getValue()) {
                a.add(convert(item, Locations.child(path, i++)));
            }
            return a;
        }
        return scalar((ScalarNode) node);
    }

    private ObjectNode mapping(MappingNode m, String path) throws SyntaxError {
        ObjectNode o = F.objectNode();
        ObjectNode merged = null;
        for (NodeTuple t : m.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode ks)) {
                throw syntax("a key must be a plain value, not a list or a map", keyNode);
            }
            String key = ks.getValue();
            if ("<<".equals(key)) {
                merged = merged == null ? F.objectNode() : merged;
                Node v = t.getValueNode();
                List<Node> sources = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
                for (Node src : sources) {
                    JsonNode converted = convert(src, path);
                    if (converted instanceof ObjectNode so) {
                        for (var it = so.fields(); it.hasNext(); ) {
                            var e = it.next();
                            if (!merged.has(e.getKey())) {
                                merged.set(e.getKey(), e.getValue());
                            }
                        }
                    }
                }
                continue;
            }
            String childPath = Locations.child(path, key);
            if (o.has(key)) {
                Position p = position(keyNode);
                problems.add(new Problem(Problem.Severity.ERROR, file, p.line, p.column,
                        "duplicate key \"" + key + "\" (the later value would silently replace the earlier one)",
                        "remove one of the two \"" + key + "\" entries"));
            }
            if (locations != null) {
                Position p = position(keyNode);
                locations.putKey(childPath, new Locations.Position(file, p.line, p.column));
            }
            o.set(key, convert(t.getValueNode(), childPath));
        }
        if (merged != null) {
            for (var it = merged.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!o.has(e.getKey())) {
                    o.set(e.getKey(), e.getValue());
                }
            }
        }
        return o;
    }

    private JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (Tag.NULL.equals(tag)) {
            return F.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return F.booleanNode(v.equalsIgnoreCase("true"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                String digits = v.replace("_", "");
                BigInteger b = digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16)
                        : digits.startsWith("0o") ? new BigInteger(digits.substring(2), 8) : new BigInteger(digits);
                return b.bitLength() < 32 ? F.numberNode(b.intValue())
                        : b.bitLength() < 64 ? F.numberNode(b.longValue()) : F.numberNode(b);
            } catch (NumberFormatException e) {
                return F.textNode(v);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            String l = v.toLowerCase();
            if (l.contains("inf") || l.contains("nan")) {
                return F.textNode(v);
            }
            try {
                return F.numberNode(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                return F.textNode(v);
            }
        }
        return F.textNode(v);
    }

    private JsonNode intrinsic(String name, Node node, String path) throws SyntaxError {
        ObjectNode o = F.objectNode();
        switch (name) {
            case "Ref" -> o.set("Ref", scalarOrConvert(node, path));
            case "Condition" -> o.set("Condition", scalarOrConvert(node, path));
            case "GetAtt" -> {
                if (node instanceof ScalarNode s) {
                    String v = s.getValue();
                    int dot = v.indexOf('.');
                    ArrayNode a = F.arrayNode();
                    if (dot < 0) {
                        throw syntax("!GetAtt needs LogicalId.Attribute, got \"" + v + "\"", node);
                    }
                    a.add(v.substring(0, dot)).add(v.substring(dot + 1));
                    o.set("Fn::GetAtt", a);
                } else {
                    o.set("Fn::GetAtt", untagged(node, path));
                }
            }
            default -> {
                if (!FN_TAGS.contains(name)) {
                    throw syntax("unknown tag !" + name + " (CloudFormation's short forms are !Ref, !GetAtt, !Sub, "
                            + "!Join, !If, !Select, !Split, !FindInMap, !Base64, !ImportValue, !Equals, !And, !Or, "
                            + "!Not, !Condition, !GetAZs, !Cidr)", node);
                }
                o.set("Fn::" + name, node instanceof ScalarNode s ? F.textNode(s.getValue()) : untagged(node, path));
            }
        }
        return o;
    }

    private JsonNode scalarOrConvert(Node node, String path) throws SyntaxError {
        return node instanceof ScalarNode s ? F.textNode(s.getValue()) : untagged(node, path);
    }

    /** Converts a tagged collection's content (the tag itself already handled). */
    private JsonNode untagged(Node node, String path) throws SyntaxError {
        if (node instanceof MappingNode m) {
            return mapping(m, path);
        }
        ArrayNode a = F.arrayNode();
        int i = 0;
        for (Node item : ((SequenceNode) node).getValue()) {
            a.add(convert(item, Locations.child(path, i++)));
        }
        return a;
    }

    private record Position(int line, int column) {}

    private static Position position(Node n) {
        return n.getStartMark().map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(new Position(0, 0));
    }

    private void mark(String path, Node node) {
        if (locations != null) {
            Position p = position(node);
            locations.putValue(path, new Locations.Position(file, p.line, p.column));
        }
    }

    private SyntaxError syntax(String message, Node at) {
        Position p = position(at);
        return new SyntaxError(message, p.line, p.column);
    }
}
