package dev.slipway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.service.VariableSource;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Resolves the variables that need a deployment target, against that target (the local cloud or
 * AWS), as the Serverless Framework does: {@code ${cf:stack.Output}} from DescribeStacks,
 * {@code ${s3:bucket/key}} from GetObject, {@code ${aws:accountId}} from STS (the local cloud's
 * account locally). {@code ${ssm:…}} is refused with a clear reason: the local cloud has no
 * Parameter Store, and Slipway does not read AWS's yet.
 */
public final class TargetVariables implements VariableSource {
    private final Target target;

    public TargetVariables(Target target) {
        this.target = target;
    }

    @Override
    public Optional<JsonNode> resolve(String type, String address) {
        return switch (type) {
            case "cf" -> cloudFormationOutput(address);
            case "s3" -> s3Object(address);
            case "aws" -> aws(address);
            case "ssm" -> throw new IllegalStateException("SSM Parameter Store is not supported by Slipway yet ("
                    + (target.isLocal() ? "the local cloud does not serve it" : "it is not read from AWS") + ")");
            default -> Optional.empty();
        };
    }

    private Optional<JsonNode> cloudFormationOutput(String address) {
        int dot = address.indexOf('.');
        if (dot <= 0 || dot == address.length() - 1) {
            throw new IllegalArgumentException("write it as ${cf:stackName.outputKey}");
        }
        String stack = address.substring(0, dot);
        String output = address.substring(dot + 1);
        try (CloudFormationClient cfn = target.cloudFormation()) {
            return StackWatcher.describe(cfn, stack).flatMap(s -> s.outputs().stream()
                    .filter(o -> o.outputKey().equals(output)).findFirst())
                    .map(o -> TextNode.valueOf(o.outputValue()));
        }
    }

    private Optional<JsonNode> s3Object(String address) {
        int slash = address.indexOf('/');
        if (slash <= 0 || slash == address.length() - 1) {
            throw new IllegalArgumentException("write it as ${s3:bucket/key}");
        }
        try (S3Client s3 = target.s3()) {
            return Optional.of(TextNode.valueOf(s3.getObjectAsBytes(b -> b.bucket(address.substring(0, slash))
                    .key(address.substring(slash + 1))).asUtf8String()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> aws(String address) {
        if (!address.equals("accountId")) {
            return Optional.empty();
        }
        if (target.isLocal()) {
            return Optional.of(TextNode.valueOf(AwsDefaults.ACCOUNT_ID));
        }
        try (StsClient sts = target.sts()) {
            return Optional.of(TextNode.valueOf(sts.getCallerIdentity().account()));
        }
    }
}
