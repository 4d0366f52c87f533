package dev.slipway.cloudformation;

/**
 * A parameter value given to CreateStack, UpdateStack or CreateChangeSet.
 *
 * @param key the parameter's name in the template
 * @param value its value ("" when {@code usePreviousValue})
 * @param usePreviousValue keep the stack's current value
 */
public record Parameter(String key, String value, boolean usePreviousValue) {
    public Parameter {
        value = value == null ? "" : value;
    }

    public static Parameter of(String key, String value) {
        return new Parameter(key, value, false);
    }

    public static Parameter usePrevious(String key) {
        return new Parameter(key, "", true);
    }
}
