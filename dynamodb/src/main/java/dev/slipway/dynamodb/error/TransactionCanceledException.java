package dev.slipway.dynamodb.error;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A transaction was cancelled; one reason per action, in request order ("None" where that action
 * was fine). DynamoDB's message lists the codes: "Transaction cancelled, please refer cancellation
 * reasons for specific reasons [None, ConditionalCheckFailed]".
 */
public final class TransactionCanceledException extends DynamoDbException {
    /** One entry of CancellationReasons. */
    public record Reason(String code, Optional<String> message, Optional<Map<String, AttributeValue>> item) {
        public static Reason none() {
            return new Reason("None", Optional.empty(), Optional.empty());
        }
    }

    private final List<Reason> reasons;

    private TransactionCanceledException(List<Reason> reasons) {
        super("TransactionCanceledException", "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + reasons.stream().map(Reason::code).collect(Collectors.joining(", ", "[", "]")), 400);
        this.reasons = List.copyOf(reasons);
    }

    public static TransactionCanceledException cancelled(List<Reason> reasons) {
        return new TransactionCanceledException(reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
