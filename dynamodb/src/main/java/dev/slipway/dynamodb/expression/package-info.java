/**
 * DynamoDB's expression language: condition, filter, key-condition, projection and update
 * expressions with ExpressionAttributeNames/Values, the legacy request parameters converted to
 * the same trees, and PartiQL statements. See README.md in this package for the phases
 * (tokenizer → parser → AST → validation passes → evaluator) and the entry points:
 * {@link dev.slipway.dynamodb.expression.Expressions} and
 * {@link dev.slipway.dynamodb.expression.UsageTracker}.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>When one expression has several problems, DynamoDB reports one of them; the order of
 *       the passes here follows what DynamoDB and its peers' recorded answers show, but rarer
 *       combinations may name a different problem than DynamoDB would.</li>
 *   <li>{@code size()} of a string counts UTF-8 bytes.</li>
 *   <li>Syntax errors always have the form {@code Syntax error; token: "t", near: "p t"} with
 *       the previous token as context; DynamoDB's context can be wider in a few cases.</li>
 *   <li>Arithmetic keeps full precision and rejects results with more than 38 significant digits;
 *       DynamoDB's exact overflow messages for SET arithmetic are not reproduced.</li>
 * </ul>
 */
package dev.slipway.dynamodb.expression;
