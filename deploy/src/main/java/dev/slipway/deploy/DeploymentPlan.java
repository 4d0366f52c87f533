package dev.slipway.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.service.CompiledStack;
import dev.slipway.service.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

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
 * @param fingerprint identifies what is deployed; an unchanged fingerprint skips the deployment
 */
public record DeploymentPlan(String stackName, ObjectNode template, Optional<ObjectNode> createTemplate,
        List<Artifact> artifacts, String deploymentBucketLogicalId, String existingBucket,
        Optional<String> fingerprint) {

    /**
     * The plan for a service compiled by the service module. Its fingerprint covers the resolved
     * configuration and the artifacts' bytes: what the template is made from, minus the deploy time
     * that the Framework's naming puts into S3 keys and the API deployment's logical id.
     */
    public static DeploymentPlan of(CompiledStack stack, Service service) {
        return new DeploymentPlan(stack.stackName(), stack.template(),
                stack.deploymentBucket().isPresent() ? Optional.empty() : Optional.of(stack.createTemplate()),
                stack.uploads().stream().map(u -> new Artifact(u.localPath(), u.s3Key())).toList(),
                stack.deploymentBucket().isPresent() ? "" : FRAMEWORK_BUCKET,
                stack.deploymentBucket().orElse(""),
                Optional.of(fingerprint(service, stack)));
    }

    static String fingerprint(Service service, CompiledStack stack) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Json.string(service.resolvedConfiguration()).getBytes(StandardCharsets.UTF_8));
            // The artifacts by size and two CRCs (CPU intrinsics): SHA-256 of an 11 MB jar took
            // ~300 ms in the CLI's C1-only JVM, a third of a redeploy's budget.
            byte[] buffer = new byte[1 << 16];
            for (var upload : stack.uploads()) {
                CRC32C crc32c = new CRC32C();
                CRC32 crc32 = new CRC32();
                long size = 0;
                try (InputStream in = Files.newInputStream(upload.localPath())) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        crc32c.update(buffer, 0, n);
                        crc32.update(buffer, 0, n);
                        size += n;
                    }
                }
                sha.update((upload.s3Key().replaceAll(".*/", "") + "|" + size + "|" + crc32c.getValue() + "|"
                        + crc32.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Serverless Framework's logical id for the deployment bucket. */
    public static final String FRAMEWORK_BUCKET = "ServerlessDeploymentBucket";

    /** @param localPath the file to upload; @param s3Key the key the template's Code.S3Key names */
    public record Artifact(Path localPath, String s3Key) {}
}
