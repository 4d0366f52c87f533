package dev.slipway.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * @param timestamp            the deployment's time: names the S3 folder of the artifacts
 *                             ({@code <millis>-<ISO>}) and the ApiGatewayDeployment resource
 * @param deploymentBucketName an existing bucket to upload to; empty: the stack creates
 *                             ServerlessDeploymentBucket (unless provider.deploymentBucket names one)
 */
public record CompileOptions(Instant timestamp, Optional<String> deploymentBucketName) {
    public CompileOptions {
        timestamp = timestamp == null ? Instant.now() : timestamp;
        deploymentBucketName = deploymentBucketName == null ? Optional.empty() : deploymentBucketName;
    }

    public static CompileOptions defaults() {
        return new CompileOptions(Instant.now(), Optional.empty());
    }

    public static CompileOptions at(Clock clock) {
        return new CompileOptions(clock.instant(), Optional.empty());
    }

    public CompileOptions withDeploymentBucket(String name) {
        return new CompileOptions(timestamp, Optional.ofNullable(name));
    }
}
