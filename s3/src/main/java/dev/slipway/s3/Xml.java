package dev.slipway.s3;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Writes S3's XML responses and reads its XML request bodies (no DTDs, no external entities). */
final class Xml {
    static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    static Xml document(String root) {
        Xml xml = new Xml();
        xml.sb.append('<').append(root).append(" xmlns=\"").append(NS).append("\">");
        return xml;
    }

    static Xml documentWithoutNamespace(String root) {
        Xml xml = new Xml();
        xml.sb.append('<').append(root).append('>');
        return xml;
    }

    Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    Xml element(String name, Object value) {
        sb.append('<').append(name).append('>');
        escape(String.valueOf(value));
        sb.append("</").append(name).append('>');
        return this;
    }

    Xml elementIfPresent(String name, Optional<?> value) {
        value.ifPresent(v -> element(name, v));
        return this;
    }

    Xml raw(String xml) {
        sb.append(xml);
        return this;
    }

    byte[] end(String root) {
        close(root);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String timestamp(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    // ---- reading

    /** Parses a request body; anything that is not well-formed XML is S3's MalformedXML. */
    static Element parse(byte[] body) {
        if (body.length == 0) {
            throw S3Exception.malformedXml();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (Exception e) {
            throw S3Exception.malformedXml();
        }
    }

    static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(name(e))) {
                result.add(e);
            }
        }
        return result;
    }

    static Optional<Element> child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(Element::getTextContent);
    }
}
