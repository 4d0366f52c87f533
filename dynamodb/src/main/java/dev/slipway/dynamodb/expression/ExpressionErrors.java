package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Base64;
import java.util.Collection;

/**
 * DynamoDB's expression error messages, one factory per message. Messages about one expression
 * are prefixed "Invalid &lt;Kind&gt;: " ({@code kind} is e.g. "ConditionExpression"); request-wide ones are not.
 * Texts follow DynamoDB's answers as documented and as recorded by the peers' test suites (dynalite, moto).
 */
final class ExpressionErrors {
    private ExpressionErrors() {
    }

    static ValidationException syntax(String kind, String token, String near) {
        return ValidationException.invalidExpression(kind, "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    static ValidationException empty(String kind) {
        return ValidationException.invalidExpression(kind, "The expression can not be empty;");
    }

    static ValidationException tooLong(String kind, int size) {
        return ValidationException.invalidExpression(kind,
                "Expression size has exceeded the maximum allowed size; expression size: " + size);
    }

    static ValidationException reservedKeyword(String kind, String word) {
        return ValidationException.invalidExpression(kind, "Attribute name is a reserved keyword; reserved keyword: " + word);
    }

    static ValidationException undefinedName(String kind, String name) {
        return ValidationException.invalidExpression(kind,
                "An expression attribute name used in the document path is not defined; attribute name: " + name);
    }

    static ValidationException undefinedValue(String kind, String name) {
        return ValidationException.invalidExpression(kind,
                "An expression attribute value used in expression is not defined; attribute value: " + name);
    }

    static ValidationException unknownFunction(String kind, String function) {
        return ValidationException.invalidExpression(kind, "Invalid function name; function: " + function);
    }

    static ValidationException functionNotAllowed(String kind, String function) {
        String where = switch (kind) {
            case "UpdateExpression" -> "an update expression";
            case "KeyConditionExpression" -> "a key condition expression";
            case "FilterExpression" -> "a filter expression";
            default -> "a condition expression";
        };
        return ValidationException.invalidExpression(kind, "The function is not allowed in " + where + "; function: " + function);
    }

    static ValidationException misusedFunction(String kind, String function) {
        return ValidationException.invalidExpression(kind,
                "The function is not allowed to be used this way in an expression; function: " + function);
    }

    static ValidationException operandCount(String kind, String function, int count) {
        return ValidationException.invalidExpression(kind,
                "Incorrect number of operands for operator or function; operator or function: " + function
                        + ", number of operands: " + count);
    }

    static ValidationException requiresPath(String kind, String function) {
        return ValidationException.invalidExpression(kind,
                "Operator or function requires a document path; operator or function: " + function);
    }

    static ValidationException operandType(String kind, String function, String type) {
        return ValidationException.invalidExpression(kind,
                "Incorrect operand type for operator or function; operator or function: " + function + ", operand type: " + type);
    }

    /** ADD and DELETE name the type in words: STRING, NUMBER, BINARY, BOOLEAN, NULL, LIST, MAP. */
    static ValidationException updateOperatorType(String operator, String typeWord) {
        return ValidationException.invalidExpression("UpdateExpression",
                "Incorrect operand type for operator or function; operator: " + operator + ", operand type: " + typeWord);
    }

    static ValidationException invalidAttributeType(String kind, String type) {
        return ValidationException.invalidExpression(kind,
                "Invalid attribute type name found; type: " + type + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }

    static ValidationException notDistinct(String kind, String operator, String firstOperand) {
        return ValidationException.invalidExpression(kind,
                "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                        + operator + ", first operand: " + firstOperand);
    }

    static ValidationException betweenTypes(String kind, AttributeValue low, AttributeValue high) {
        return ValidationException.invalidExpression(kind,
                "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
                        + describe(low) + ", upper bound operand: " + describe(high));
    }

    static ValidationException betweenOrder(String kind, AttributeValue low, AttributeValue high) {
        return ValidationException.invalidExpression(kind,
                "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
                        + describe(low) + ", upper bound operand: " + describe(high));
    }

    static ValidationException tooManyInOperands(String kind, int count) {
        return ValidationException.invalidExpression(kind,
                "The IN operator is provided with too many operands; number of operands: " + count);
    }

    static ValidationException redundantParentheses(String kind) {
        return ValidationException.invalidExpression(kind, "The expression has redundant parentheses;");
    }

    static ValidationException nestingTooDeep(String kind, int levels) {
        return ValidationException.invalidExpression(kind,
                "The document path has too many nesting levels; nesting levels: " + levels);
    }

    /** Our own limit (DynamoDB's answer for such input is not known): see package documentation. */
    static ValidationException nestedTooDeep(String kind, int limit) {
        return ValidationException.invalidExpression(kind,
                "The expression is nested too deeply; more than " + limit + " levels of NOT, parentheses or function calls");
    }

    static ValidationException sectionTwice(String section) {
        return ValidationException.invalidExpression("UpdateExpression",
                "The \"" + section + "\" section can only be used once in an update expression;");
    }

    static ValidationException pathsOverlap(String kind, Ast.Path one, Ast.Path two) {
        return ValidationException.invalidExpression(kind,
                "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                        + one.describe() + ", path two: " + two.describe());
    }

    static ValidationException pathsConflict(String kind, Ast.Path one, Ast.Path two) {
        return ValidationException.invalidExpression(kind,
                "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
                        + one.describe() + ", path two: " + two.describe());
    }

    // ---- evaluation-time errors ----

    /** ADD/DELETE against an existing attribute of another type (no "Invalid UpdateExpression" prefix, as moto records it). */
    static ValidationException incorrectOperandType() {
        return new ValidationException("An operand in the update expression has an incorrect data type");
    }

    static ValidationException tooManyDigits() {
        return new ValidationException("Attempting to store more than 38 significant digits in a Number");
    }

    static ValidationException missingAttributeInOperand() {
        return new ValidationException("The provided expression refers to an attribute that does not exist in the item");
    }

    static ValidationException invalidPathForUpdate() {
        return new ValidationException("The document path provided in the update expression is invalid for update");
    }

    // ---- request-wide ----

    static ValidationException unusedNames(Collection<String> keys) {
        return new ValidationException("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                + String.join(", ", keys) + "}");
    }

    static ValidationException unusedValues(Collection<String> keys) {
        return new ValidationException("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                + String.join(", ", keys) + "}");
    }

    static ValidationException invalidPlaceholderKey(String parameter, String key) {
        return new ValidationException(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    /** DynamoDB's rendering of a literal in messages: {@code AttributeValue: {N:2}}. */
    static String describe(AttributeValue value) {
        String body;
        if (value instanceof AttributeValue.S s) {
            body = s.value();
        } else if (value instanceof AttributeValue.N n) {
            body = n.value().toPlainString();
        } else if (value instanceof AttributeValue.B b) {
            body = Base64.getEncoder().encodeToString(b.value());
        } else {
            body = String.valueOf(value);
        }
        return "AttributeValue: {" + value.type() + ":" + body + "}";
    }
}
