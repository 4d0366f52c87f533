package dev.slipway.service;

import java.nio.file.Path;

/**
 * One problem found in a service configuration: where (file:line:column, 1-based), what is wrong
 * and how to fix it. Line and column are 0 when the place is not known (e.g. a missing file).
 */
public record Problem(Severity severity, Path file, int line, int column, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: message} followed by the hint on its own line when there is one. */
    public String format(Path relativeTo) {
        String where = file == null ? "" : (relativeTo == null ? file.toString() : relativize(relativeTo, file));
        if (line > 0) {
            where += ":" + line + ":" + column;
        }
        String head = (where.isEmpty() ? "" : where + ": ") + severity.name().toLowerCase() + ": " + message;
        return hint == null || hint.isEmpty() ? head : head + "\n  fix: " + hint;
    }

    private static String relativize(Path base, Path file) {
        try {
            return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
