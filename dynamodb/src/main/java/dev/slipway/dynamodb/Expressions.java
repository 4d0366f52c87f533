package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the actions need from the expression language (package {@code dev.slipway.dynamodb.expression},
 * built separately): one call per request compiles every expression it carries, so that unused or
 * missing ExpressionAttributeNames/Values are reported across all of them, and the compiled form
 * is checked completely before anything is evaluated (STYLE rule 5).
 */
interface Expressions {

    /**
     * Compiles the expressions (and legacy parameters) of one request.
     *
     * @param request the whole request JSON: ConditionExpression, KeyConditionExpression,
     *     FilterExpression, ProjectionExpression, UpdateExpression, ExpressionAttributeNames/Values,
     *     and the legacy Expected, ConditionalOperator, AttributeUpdates, KeyConditions, QueryFilter,
     *     ScanFilter, AttributesToGet
     */
    Compiled compile(JsonNode request);

    /** The checked expressions of one request. */
    interface Compiled {
        /** Whether the condition (ConditionExpression or Expected) holds; true when there is none. */
        boolean condition(Map<String, AttributeValue> item);

        /** Whether the filter (FilterExpression, QueryFilter or ScanFilter) keeps the item; true when none. */
        boolean filter(Map<String, AttributeValue> item);

        /** Whether a projection (ProjectionExpression or AttributesToGet) was given. */
        boolean hasProjection();

        /** The top-level attributes the projection reads (for index projection checks). */
        Set<String> projectedAttributes();

        /** The item reduced to the projection; the item itself when there is none. */
        Map<String, AttributeValue> project(Map<String, AttributeValue> item);

        /** Whether an update (UpdateExpression or AttributeUpdates) was given. */
        boolean hasUpdate();

        /** The item after the update; {@code item} is never modified. Throws ValidationException on type errors. */
        Map<String, AttributeValue> update(Map<String, AttributeValue> item);

        /**
         * The key condition of a Query (KeyConditionExpression or KeyConditions), one part per
         * attribute compared, in the order written; empty when there is none. The engine checks
         * the parts against the table's or index's key schema.
         */
        Optional<List<KeyPart>> keyCondition();
    }

    /**
     * One comparison of a key condition.
     *
     * @param operator one of EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH (anything else is rejected)
     * @param values one value, or two for BETWEEN
     */
    record KeyPart(String name, String operator, List<AttributeValue> values) {}
}
