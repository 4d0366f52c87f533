package dev.slipway.events;

import dev.slipway.protocol.AwsServiceException;

/** EventBridge's errors, one factory per message (JSON 1.1: {@code {"__type": …, "message": …}}). */
final class EventsException extends AwsServiceException {
    private EventsException(String code, String message, int status) {
        super(code, message, status);
    }

    static EventsException invalidScheduleExpression() {
        return new EventsException("ValidationException", "Parameter ScheduleExpression is not valid.", 400);
    }

    static EventsException ruleNotFound(String name) {
        return new EventsException("ResourceNotFoundException", "Rule " + name + " does not exist on EventBus default.",
                400);
    }

    static EventsException ruleHasTargets() {
        return new EventsException("ValidationException", "Rule can't be deleted since it has targets.", 400);
    }

    static EventsException missingParameter(String name) {
        return new EventsException("ValidationException", "1 validation error detected: Value null at '" + name
                + "' failed to satisfy constraint: Member must not be null", 400);
    }

    static EventsException invalidState(String state) {
        return new EventsException("ValidationException", "1 validation error detected: Value '" + state
                + "' at 'state' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, DISABLED, ENABLED]", 400);
    }

    static EventsException patternOrSchedule() {
        return new EventsException("ValidationException",
                "Parameter(s) EventPattern or ScheduleExpression must be specified.", 400);
    }

    static EventsException invalidName(String name) {
        return new EventsException("ValidationException", "1 validation error detected: Value '" + name
                + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\.\\-_A-Za-z0-9]+", 400);
    }

    static EventsException unknownOperation(String target) {
        return new EventsException("UnknownOperationException", "Slipway's EventBridge does not implement "
                + target + "; implemented: ListRules, DescribeRule, ListTargetsByRule, PutRule, PutTargets, "
                + "RemoveTargets, EnableRule, DisableRule, DeleteRule, SlipwayFireRule", 400);
    }

    static EventsException invalidNextToken() {
        return new EventsException("ValidationException", "The NextToken provided is invalid.", 400);
    }

    static EventsException serialization(String detail) {
        return new EventsException("SerializationException", detail, 400);
    }
}
