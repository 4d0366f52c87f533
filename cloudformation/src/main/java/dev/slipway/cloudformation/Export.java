package dev.slipway.cloudformation;

/** An exported output, as ListExports returns it. */
public record Export(String exportingStackId, String name, String value) {}
