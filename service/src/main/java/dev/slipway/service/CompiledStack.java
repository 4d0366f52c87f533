package dev.slipway.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The result of compiling a service.
 *
 * @param template         the full stack (the Framework's cloudformation-template-update-stack.json)
 * @param createTemplate   the initial stack holding only the deployment bucket (the Framework's
 *                         cloudformation-template-create-stack.json)
 * @param uploads          artifacts to upload to the deployment bucket, each once
 * @param stackName        {@code <service>-<stage>} unless provider.stackName says otherwise
 * @param deploymentBucket the bucket name when an existing one is used; empty when the stack
 *                         creates ServerlessDeploymentBucket (read its name from the stack output
 *                         ServerlessDeploymentBucketName)
 * @param artifactDirectory the S3 key prefix of this deployment, {@code serverless/<service>/<stage>/<millis>-<iso>}
 */
public record CompiledStack(ObjectNode template, ObjectNode createTemplate, List<ArtifactUpload> uploads,
        String stackName, Optional<String> deploymentBucket, String artifactDirectory) {}
