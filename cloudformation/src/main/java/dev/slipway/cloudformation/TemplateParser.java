package dev.slipway.cloudformation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
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
 * Reads a template body, JSON or YAML, into a Jackson tree. YAML short-form tags ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}, {@code !Condition C}) become their long JSON form, as
 * CloudFormation documents, so everything after parsing sees one shape.
 */
final class TemplateParser {
    private TemplateParser() {}

    static ObjectNode parse(String body) {
        String trimmed = body.stripLeading();
        JsonNode root;
        if (trimmed.startsWith("{")) {
            // CloudFormation tries JSON first, then YAML (a flow mapping is YAML too); the JSON error wins
            try {
                root = parseJson(body);
            } catch (ValidationError jsonError) {
                try {
                    root = parseYaml(body);
                } catch (ValidationError yamlError) {
                    throw jsonError;
                }
            }
        } else {
            root = parseYaml(body);
        }
        if (!(root instanceof ObjectNode object)) {
            throw ValidationError.notAnObject();
        }
        return object;
    }

    private static JsonNode parseJson(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw ValidationError.jsonNotWellFormed(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr());
        }
    }

    private static JsonNode parseYaml(String body) {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).setCodePointLimit(Integer.MAX_VALUE).build();
        try {
            Optional<Node> node = new Compose(settings).composeString(body);
            return node.map(TemplateParser::convert).orElseThrow(ValidationError::notAnObject);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw ValidationError.yamlNotWellFormed(mark.map(m -> m.getLine() + 1).orElse(1),
                    mark.map(m -> m.getColumn() + 1).orElse(1));
        } catch (YamlEngineException e) {
            throw ValidationError.yamlNotWellFormed(1, 1);
        }
    }

    private static JsonNode convert(Node node) {
        String tag = node.getTag().getValue();
        if (tag.startsWith("!") && !tag.startsWith("!!")) {
            return shortForm(tag.substring(1), node);
        }
        return plain(node);
    }

    private static JsonNode plain(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = f.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                object.set(scalarText(tuple.getKeyNode()), convert(tuple.getValueNode()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = f.arrayNode();
            sequence.getValue().forEach(item -> array.add(convert(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return f.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return f.booleanNode(value.equalsIgnoreCase("true"));
        }
        try {
            if (tag.equals(Tag.INT)) {
                return f.numberNode(new BigInteger(value.replace("_", "").replaceFirst("^\\+", "")));
            }
            if (tag.equals(Tag.FLOAT)) {
                return f.numberNode(new BigDecimal(value.replaceFirst("^\\+", "")));
            }
        } catch (NumberFormatException e) {
            return f.textNode(value); // hex, octal, .inf: CloudFormation treats them as strings
        }
        return f.textNode(value);
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : plain(node).toString();
    }

    private static JsonNode shortForm(String name, Node node) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        if (name.equals("Ref") || name.equals("Condition")) {
            object.set(name, node instanceof ScalarNode s ? JsonNodeFactory.instance.textNode(s.getValue()) : plain(node));
            return object;
        }
        if (name.equals("GetAtt") && node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            int dot = value.indexOf('.');
            ArrayNode args = JsonNodeFactory.instance.arrayNode();
            args.add(dot < 0 ? value : value.substring(0, dot));
            if (dot >= 0) {
                args.add(value.substring(dot + 1));
            }
            object.set("Fn::GetAtt", args);
            return object;
        }
        JsonNode value = node instanceof ScalarNode s ? JsonNodeFactory.instance.textNode(s.getValue()) : plain(node);
        object.set("Fn::" + name, value);
        return object;
    }
}
