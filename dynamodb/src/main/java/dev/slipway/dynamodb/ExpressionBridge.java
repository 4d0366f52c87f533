package dev.slipway.dynamodb;

/**
 * Chooses the expression implementation. Until the expression package publishes its entry point
 * this is {@link PendingExpressions}, which answers any expression with an error naming it.
 */
final class ExpressionBridge {
    private ExpressionBridge() {}

    static Expressions create() {
        return new PendingExpressions();
    }
}
