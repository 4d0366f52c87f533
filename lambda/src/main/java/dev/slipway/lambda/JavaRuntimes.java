package dev.slipway.lambda;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The JDK Slipway picks for a Java runtime, for tools outside this module that must use the same
 * one (for example building a service's artifact for {@code java21} before running it).
 */
public final class JavaRuntimes {
    private JavaRuntimes() {}

    /**
     * The home of the JDK that runs (and can compile for) the runtime, e.g. {@code java21}; empty
     * for a runtime that is not Java or when no installed JDK is new enough.
     */
    public static Optional<Path> javaHomeFor(String runtimeId) {
        Optional<Runtime> runtime = Runtime.of(runtimeId).filter(r -> r.javaFeature > 0);
        if (runtime.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Jdks.scan().forRuntime(runtime.get()).home());
        } catch (IllegalStateException none) {
            return Optional.empty();
        }
    }
}
