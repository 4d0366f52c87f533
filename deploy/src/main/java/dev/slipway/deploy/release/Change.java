package dev.slipway.deploy.release;

import java.util.Optional;

/**
 * One function's move in a deployment: its release alias goes from one published version to
 * another.
 *
 * @param function     the function's key in serverless.yml, e.g. {@code users}
 * @param functionName the deployed Lambda function name, e.g. {@code rewards-dev-users}
 * @param fromVersion  the version the alias pointed at before; empty for a function the
 *                     deployment created (nothing to go back to)
 * @param toVersion    the version the alias points at after
 */
public record Change(String function, String functionName, Optional<String> fromVersion, String toVersion) {
    public Change {
        fromVersion = fromVersion == null ? Optional.empty() : fromVersion;
    }

    /** {@code users 3 → 4}, or {@code users (new) → 1}. */
    @Override
    public String toString() {
        return function + " " + fromVersion.orElse("(new)") + " → " + toVersion;
    }
}
