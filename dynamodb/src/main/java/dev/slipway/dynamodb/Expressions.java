package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the actions need from the expression language (package {@code dev.slipway.dynamodb.expression}):
 * one call per request (or per table of a batch, per action of a transaction) compiles every
 * expression it carries, so that unused or missing ExpressionAttributeNames/Values are reported
 * across all of them, and everything is checked before anything is evaluated (STYLE rule 5).
 */
interface Expressions {

    /**
     * Compiles the expressions of one request.
     *
     * @param request the request JSON (ConditionExpression, KeyConditionExpression, FilterExpression,
     *     ProjectionExpression, UpdateExpression, ExpressionAttributeNames/Values, legacy parameters)
     * @param queryKeys the key schema a KeyConditionExpression is checked against; null when not a Query
     */
    Compiled compile(JsonNode request, KeySchema queryKeys);

    /** The checked expressions of one request. */
    interface Compiled {
        /** Whether the condition holds for the item (empty map when absent); true when there is none. */
        boolean condition(Map<String, AttributeValue> item);

        /** Whether the filter keeps the item; true when there is none. */
        boolean filter(Map<String, AttributeValue> item);

        /** The top-level attributes the projection reads; empty when there is no projection. */
        Set<String> projectedAttributes();

        /** The item reduced to the projection; the item itself when there is none. */
        Map<String, AttributeValue> project(Map<String, AttributeValue> item);

        /** Whether an update was given. */
        boolean hasUpdate();

        /** The item after the update; never modifies its argument. */
        Map<String, AttributeValue> update(Map<String, AttributeValue> item);

        /** Top-level attributes the update writes or removes. */
        Set<String> updatedTopLevelAttributes();

        /** The parts of the item the update's paths address (ReturnValues UPDATED_OLD/UPDATED_NEW). */
        Map<String, AttributeValue> updatedParts(Map<String, AttributeValue> item);

        /** The key condition of a Query, if given. */
        Optional<QueryKey> keyCondition();
    }

    /** A Query's partition key value and optional sort key condition. */
    record QueryKey(AttributeValue hashValue, Optional<KeyPart> range) {}

    /**
     * @param operator one of EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH
     * @param values one value, or two for BETWEEN
     */
    record KeyPart(String name, String operator, List<AttributeValue> values) {}
}
