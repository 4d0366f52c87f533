package dev.slipway.cloudformation;

/** A stack output; {@code exportName} is "" when not exported. */
public record Output(String outputKey, String outputValue, String description, String exportName) {}
