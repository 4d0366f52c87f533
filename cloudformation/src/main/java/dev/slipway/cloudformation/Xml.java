package dev.slipway.cloudformation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A small streaming XML writer for Query-protocol responses. */
final class Xml {
    private final StringBuilder out = new StringBuilder(512);

    Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    Xml openNs(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes an element, or nothing when the value is empty (AWS omits empty members). */
    Xml element(String name, String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        out.append('<').append(name).append('>');
        escape(value);
        out.append("</").append(name).append('>');
        return this;
    }

    Xml element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    Xml element(String name, Instant value) {
        return element(name, DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.MILLIS)));
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
