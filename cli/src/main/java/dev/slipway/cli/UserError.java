package dev.slipway.cli;

/**
 * A failure the user can fix: what is wrong (with the place, e.g. file:line:column) and how to
 * fix it. Printed without a stack trace; exit code 1.
 */
public final class UserError extends RuntimeException {
    private final String hint;
    private final int exitCode;

    public UserError(String message, String hint) {
        this(message, hint, 1);
    }

    public UserError(String message, String hint, int exitCode) {
        super(message, null, false, false);
        this.hint = hint;
        this.exitCode = exitCode;
    }

    /** How to fix it; may be empty. */
    public String hint() {
        return hint == null ? "" : hint;
    }

    public int exitCode() {
        return exitCode;
    }
}
