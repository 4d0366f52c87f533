package dev.slipway.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.service.CompiledStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to deploy: a stack name, the full CloudFormation template and the artifacts it refers to.
 *
 * @param stackName e.g. {@code peer-rewards-dev}
 * @param template the full template (as the compiler wrote cloudformation-template-update-stack.json)
 * @param createTemplate the first template of a new stack: the deployment bucket only (empty when an
 *        existing bucket is used)
 * @param artifacts files to upload to the deployment bucket before the stack update
 * @param deploymentBucketLogicalId the logical id of the bucket resource in the template, or the empty
 *        string when the template names an existing bucket in {@code existingBucket}
 * @param existingBucket a bucket given by the user (provider.deploymentBucket), or empty
 */
public record DeploymentPlan(String stackName, ObjectNode template, Optional<ObjectNode> createTemplate,
        List<Artifact> artifacts, String deploymentBucketLogicalId, String existingBucket) {

    /** The plan for a service compiled by the service module. */
    public static DeploymentPlan of(CompiledStack stack) {
        return new DeploymentPlan(stack.stackName(), stack.template(),
                stack.deploymentBucket().isPresent() ? Optional.empty() : Optional.of(stack.createTemplate()),
                stack.uploads().stream().map(u -> new Artifact(u.localPath(), u.s3Key())).toList(),
                stack.deploymentBucket().isPresent() ? "" : FRAMEWORK_BUCKET,
                stack.deploymentBucket().orElse(""));
    }

    /** The Serverless Framework's logical id for the deployment bucket. */
    public static final String FRAMEWORK_BUCKET = "ServerlessDeploymentBucket";

    /** @param localPath the file to upload; @param s3Key the key the template's Code.S3Key names */
    public record Artifact(Path localPath, String s3Key) {}
}
