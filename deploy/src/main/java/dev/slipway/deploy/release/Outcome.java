package dev.slipway.deploy.release;

/** Where a deployment stands in the history. */
public enum Outcome {
    /** The stack is updated and traffic is being moved (a gradual strategy takes minutes). */
    IN_PROGRESS,
    /** Every alias points at its new version. */
    SUCCEEDED,
    /** The stack update or a health gate failed; the aliases were returned to the previous versions. */
    FAILED,
    /** It had succeeded, and a later {@code slipway rollback} undid it. */
    ROLLED_BACK
}
