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
 *   <li>When one expression has several problems, DynamoDB reports one of them; the passes run
 *       in the order DynamoDB's recorded answers show (syntax, parentheses, functions, reserved
 *       words, placeholders, operands, paths), but rarer combinations may name a different
 *       problem than DynamoDB would.</li>
 *   <li>Syntax errors name the offending token with the previous and next token as context
 *       ({@code token: "_", near: "SET _123"}), which matches every answer we found recorded
 *       from DynamoDB; where DynamoDB's grammar would fail at a different token than this
 *       recursive-descent parser, the token named may differ.</li>
 *   <li>{@code size()} of a string counts UTF-8 bytes.</li>
 *   <li>Arithmetic keeps full precision and rejects results of more than 38 significant digits
 *       with "Attempting to store more than 38 significant digits in a Number"; DynamoDB's
 *       overflow/underflow range checks on computed numbers are left to the engine's item checks.</li>
 *   <li>size(), begins_with() and contains() on an existing attribute of a type they do not
 *       take fail the request (ValidationException), as observed from DynamoDB; for contains()
 *       that is BOOL, M and NULL, while a number attribute only makes contains() false. The
 *       legacy parameters and PartiQL treat all such cases as false.</li>
 *   <li>Comparisons whose literal operand has a type that can never be ordered (a list, a map)
 *       evaluate to false rather than being rejected when the expression is parsed.</li>
 *   <li>Expressions nested more than 200 levels deep (NOT, parentheses, function calls) are
 *       rejected with our own message ("The expression is nested too deeply; ..."), so that no
 *       input within the 4 KB limit can exhaust a request thread's stack. DynamoDB's answer for
 *       such input is not known.</li>
 *   <li>Legacy {@code AttributeUpdates} and {@code Expected} report type mismatches found while
 *       applying them with the expression language's messages ("An operand in the update
 *       expression has an incorrect data type"), not the legacy API's own wording.</li>
 *   <li>PartiQL: the subset DynamoDB documents for single-table statements (SELECT with WHERE,
 *       projection, ORDER BY; INSERT ... VALUE; UPDATE with SET (incl. {@code + - list_append
 *       if_not_exists set_add set_delete}) and REMOVE; DELETE). Syntax errors say "Statement
 *       wasn't well formed, can't be processed:" followed by the detail DynamoDB gives where it
 *       was recorded (unexpected term/keyword/operator, token after expression, data
 *       manipulation expected) and our own description otherwise. No EXISTS(), no nested SELECT, no functions beyond
 *       begins_with, contains, attribute_type, size, IS [NOT] MISSING / NULL.</li>
 * </ul>
 */
package dev.slipway.dynamodb.expression;
