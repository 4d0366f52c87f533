package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;
import java.util.Optional;

/**
 * Facade of the expression language: turns expression text plus the request's
 * ExpressionAttributeNames/Values into validated, evaluable objects. Every method throws
 * {@link ValidationException} with DynamoDB's exact message for anything DynamoDB rejects
 * before touching data. Names and values may be null (absent from the request).
 *
 * <p>Pass the same {@link UsageTracker} to every call made for one request, then call
 * {@link UsageTracker#verifyAllUsed(Map, Map)} once all of the request's expressions are built.
 */
public final class Expressions {
    /** https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters (4 KB). */
    public static final int MAX_EXPRESSION_LENGTH = 4096;

    private Expressions() {
    }

    /** A ConditionExpression (PutItem, UpdateItem, DeleteItem, TransactWriteItems). */
    public static Condition condition(String expression, Map<String, String> names, Map<String, AttributeValue> values,
                                      UsageTracker tracker) {
        return condition("ConditionExpression", expression, names, values, tracker);
    }

    /** A FilterExpression (Query, Scan): same grammar, errors say "Invalid FilterExpression". */
    public static Condition filter(String expression, Map<String, String> names, Map<String, AttributeValue> values,
                                   UsageTracker tracker) {
        return condition("FilterExpression", expression, names, values, tracker);
    }

    static Condition condition(String kind, String expression, Map<String, String> names,
                               Map<String, AttributeValue> values, UsageTracker tracker) {
        checkLength(kind, expression);
        Parser.Parsed<Ast.Cond> parsed = ParseCache.get(kind, expression, () -> Parser.condition(expression, kind));
        return new Condition(new Validator(kind, names, values, tracker).condition(parsed), kind);
    }

    /** An UpdateExpression (UpdateItem, TransactWriteItems Update). */
    public static Update update(String expression, Map<String, String> names, Map<String, AttributeValue> values,
                                UsageTracker tracker) {
        checkLength("UpdateExpression", expression);
        Parser.Parsed<Ast.UpdateExpr> parsed = ParseCache.get("UpdateExpression", expression, () -> Parser.update(expression));
        return new Update(new Validator("UpdateExpression", names, values, tracker).update(parsed));
    }

    /** A ProjectionExpression (GetItem, Query, Scan, BatchGetItem, TransactGetItems). */
    public static Projection projection(String expression, Map<String, String> names, UsageTracker tracker) {
        checkLength("ProjectionExpression", expression);
        Parser.Parsed<Ast.ProjectionExpr> parsed = ParseCache.get("ProjectionExpression", expression,
                () -> Parser.projection(expression, "ProjectionExpression"));
        return new Projection(new Validator("ProjectionExpression", names, null, tracker).projection(parsed));
    }

    /**
     * A KeyConditionExpression for a table or index whose key is {@code hashKeyName} and, if
     * present, {@code rangeKeyName}. Checks DynamoDB's key-condition rules (hash key equality,
     * at most one range condition among = &lt; &lt;= &gt; &gt;= BETWEEN begins_with).
     */
    public static KeyCondition keyCondition(String expression, Map<String, String> names,
                                            Map<String, AttributeValue> values, UsageTracker tracker,
                                            String hashKeyName, Optional<String> rangeKeyName) {
        Condition condition = condition("KeyConditionExpression", expression, names, values, tracker);
        return KeyConditions.analyse(condition.tree(), hashKeyName, rangeKeyName);
    }

    /**
     * DynamoDB's check of the placeholder maps' keys, made before any expression is parsed:
     * {@code ExpressionAttributeNames contains invalid key: Syntax error; key: "a"} (names must
     * be {@code #word}, values {@code :word}). Null maps are absent and pass.
     */
    public static void checkPlaceholderKeys(Map<String, String> names, Map<String, AttributeValue> values) {
        if (names != null) {
            for (String key : names.keySet()) {
                if (!isPlaceholder(key, '#')) {
                    throw ExpressionErrors.invalidPlaceholderKey("ExpressionAttributeNames", key);
                }
            }
        }
        if (values != null) {
            for (String key : values.keySet()) {
                if (!isPlaceholder(key, ':')) {
                    throw ExpressionErrors.invalidPlaceholderKey("ExpressionAttributeValues", key);
                }
            }
        }
    }

    private static boolean isPlaceholder(String key, char prefix) {
        if (key.length() < 2 || key.charAt(0) != prefix) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (!Tokenizer.isWordPart(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void checkLength(String kind, String expression) {
        if (expression == null) {
            throw ExpressionErrors.empty(kind);
        }
        int size = expression.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > MAX_EXPRESSION_LENGTH) {
            throw ExpressionErrors.tooLong(kind, size);
        }
    }
}
