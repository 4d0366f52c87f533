package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed PartiQL statement (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction), with
 * its parameters already bound. The engine executes it with the same objects as the
 * expression-based actions:
 *
 * <ul>
 *   <li>{@link SelectStatement}: read the table (or index), keep items with {@code where.test},
 *       apply {@code projection} (empty = all attributes). {@code keyEqualities} holds the
 *       top-level {@code attr = literal} terms of the WHERE clause's AND chain, so the engine
 *       can turn a partition-key equality into a query instead of a scan.</li>
 *   <li>{@link InsertStatement}: put {@code item}; DynamoDB answers DuplicateItemException
 *       ("Duplicate primary key exists in table") when an item with that key exists.</li>
 *   <li>{@link UpdateStatement} / {@link DeleteStatement}: the item is the one whose key is in
 *       {@code keyEqualities} (DynamoDB requires an equality on every key attribute); the whole
 *       WHERE clause is a condition on that item (ConditionalCheckFailedException when it does
 *       not hold, including when the item does not exist for UPDATE). Without an equality on
 *       every key attribute DynamoDB answers "Where clause does not contain a mandatory equality
 *       on all key attributes".</li>
 * </ul>
 */
public sealed interface Statement permits Statement.SelectStatement, Statement.InsertStatement,
        Statement.UpdateStatement, Statement.DeleteStatement {

    String tableName();

    record SelectStatement(String tableName, Optional<String> indexName, Optional<Projection> projection,
                           Condition where, Map<String, AttributeValue> keyEqualities,
                           Optional<String> orderBy, boolean descending) implements Statement {
    }

    record InsertStatement(String tableName, Map<String, AttributeValue> item) implements Statement {
    }

    /** {@code returnValues}: the RETURNING clause as a ReturnValues name (ALL_OLD, MODIFIED_OLD, ALL_NEW, MODIFIED_NEW). */
    record UpdateStatement(String tableName, Update update, Condition where,
                           Map<String, AttributeValue> keyEqualities, Optional<String> returnValues) implements Statement {
    }

    /** {@code returnValues}: ALL_OLD when the statement ends with RETURNING ALL OLD *. */
    record DeleteStatement(String tableName, Condition where, Map<String, AttributeValue> keyEqualities,
                           Optional<String> returnValues) implements Statement {
    }
}
