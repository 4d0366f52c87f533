package dev.slipway.deploy;

/** A deployment failed: the message says what failed and why, and the rollback's outcome. */
public final class DeployException extends RuntimeException {
    private final String hint;

    public DeployException(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    public DeployException(String message, String hint, Throwable cause) {
        super(message, cause, false, false);
        this.hint = hint;
    }

    public String hint() {
        return hint == null ? "" : hint;
    }
}
