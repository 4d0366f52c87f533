package dev.slipway.lambda;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Lambda runtimes Slipway runs. Java runtimes run Amazon's runtime interface client in a JVM
 * of at least {@link #javaFeature}; {@code provided.al2023} runs the package's executable
 * {@code bootstrap}. Deprecation dates from https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
 * (read 2026-11-26: the Amazon Linux 2 based Java runtimes were deprecated on 2026-06-30).
 */
enum Runtime {
    JAVA25("java25", 25, null),
    JAVA21("java21", 21, null),
    JAVA17("java17", 17, "2026-06-30"),
    JAVA11("java11", 11, "2026-06-30"),
    JAVA8_AL2("java8.al2", 8, "2026-06-30"),
    PROVIDED_AL2023("provided.al2023", 0, null);

    final String id;
    /** Minimum JDK feature version; 0 for custom runtimes. */
    final int javaFeature;
    private final String deprecatedOn;

    Runtime(String id, int javaFeature, String deprecatedOn) {
        this.id = id;
        this.javaFeature = javaFeature;
        this.deprecatedOn = deprecatedOn;
    }

    static Optional<Runtime> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(r -> r.id).toList();
    }

    boolean isJava() {
        return javaFeature > 0;
    }

    /** AWS's deprecation warning for this runtime, or empty when it is supported. */
    Optional<String> deprecationWarning() {
        if (deprecatedOn == null) {
            return Optional.empty();
        }
        return Optional.of("The " + id + " runtime was deprecated by AWS on " + deprecatedOn
                + ": AWS no longer applies security patches or updates to it, and will block creating and then updating "
                + "functions that use it. Upgrade the function to java21 or java25.");
    }

    /** The value of AWS_EXECUTION_ENV in the worker. */
    String executionEnv() {
        return "AWS_Lambda_" + id;
    }
}
