package dev.slipway.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * @param timestamp            the deployment's time: names the S3 folder of the artifacts
 *                             ({@code <millis>-<ISO>}) and the ApiGatewayDeployment resource
 * @param deploymentBucketName an existing bucket to upload to; empty: the stack creates
 *                             ServerlessDeploymentBucket (unless provider.deploymentBucket names one)
 * @param liveVersions         function key → the version its release alias points at now. A function
 *                             in the map keeps that literal version behind the alias, so the stack
 *                             update publishes the new version without moving traffic (a gradual
 *                             release then shifts it through the Lambda API); any other function's
 *                             alias moves to the version this deployment publishes
 * @param releaseAlias         true (the default): every versioned function is released behind its
 *                             alias and events invoke the alias. False compiles exactly the
 *                             Framework's template, events on the unqualified function ($LATEST)
 */
public record CompileOptions(Instant timestamp, Optional<String> deploymentBucketName,
        Map<String, String> liveVersions, boolean releaseAlias) {
    public CompileOptions {
        timestamp = timestamp == null ? Instant.now() : timestamp;
        deploymentBucketName = deploymentBucketName == null ? Optional.empty() : deploymentBucketName;
        liveVersions = liveVersions == null ? Map.of() : Map.copyOf(liveVersions);
    }

    public CompileOptions(Instant timestamp, Optional<String> deploymentBucketName) {
        this(timestamp, deploymentBucketName, Map.of(), true);
    }

    public static CompileOptions defaults() {
        return new CompileOptions(Instant.now(), Optional.empty());
    }

    public static CompileOptions at(Clock clock) {
        return new CompileOptions(clock.instant(), Optional.empty());
    }

    public CompileOptions withDeploymentBucket(String name) {
        return new CompileOptions(timestamp, Optional.ofNullable(name), liveVersions, releaseAlias);
    }

    /** Keeps these functions' aliases where they are (function key → version). */
    public CompileOptions withLiveVersions(Map<String, String> versions) {
        return new CompileOptions(timestamp, deploymentBucketName, versions, releaseAlias);
    }

    /** The Framework's own template: no release aliases, events on $LATEST. */
    public CompileOptions withoutReleaseAlias() {
        return new CompileOptions(timestamp, deploymentBucketName, liveVersions, false);
    }
}
