package dev.slipway.protocol.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates, updates and deletes one CloudFormation resource type (e.g. {@code AWS::DynamoDB::Table})
 * by calling its service's Java API. Lives in the module that owns the service (STYLE.md rule 10);
 * the CloudFormation engine resolves intrinsic functions first, so {@code properties} are plain JSON.
 *
 * <p>Failures are thrown as {@link dev.slipway.protocol.AwsServiceException} or
 * {@link ResourceFailure}; their message becomes the resource's status reason, as on AWS.
 */
public interface ResourceProvider {
    /** The resource type, e.g. {@code AWS::Lambda::Function}. */
    String type();

    /**
     * Properties whose change requires replacement (create new, then delete old), as the
     * CloudFormation resource schema's createOnlyProperties names them. Top-level names.
     */
    default Set<String> createOnlyProperties() {
        return Set.of();
    }

    /** Creates the resource; the result's physical id is what {@code Ref} returns. */
    Result create(Request request) throws Exception;

    /** Updates in place (only called when no create-only property changed). */
    Result update(Request request) throws Exception;

    /** Deletes the resource; deleting one that is already gone is not an error. */
    void delete(Request request) throws Exception;

    /**
     * @param stackName the stack's name
     * @param stackId the stack's ARN
     * @param logicalId the template's logical id
     * @param physicalId the current physical id (update and delete), else empty
     * @param properties resolved properties (intrinsics already evaluated); never null
     * @param previousProperties resolved properties before an update, else empty
     * @param previousAttributes attributes of the existing resource (update, delete), else empty
     * @param region the stack's region
     * @param accountId the stack's account
     */
    record Request(String stackName, String stackId, String logicalId, Optional<String> physicalId,
            ObjectNode properties, Optional<ObjectNode> previousProperties,
            Map<String, JsonNode> previousAttributes, String region, String accountId) {}

    /**
     * @param physicalId what {@code Ref} returns
     * @param attributes what {@code Fn::GetAtt} returns, by attribute name (e.g. {@code Arn})
     */
    record Result(String physicalId, Map<String, JsonNode> attributes) {}

    /** A provider failure with the status reason CloudFormation shows. */
    final class ResourceFailure extends Exception {
        public ResourceFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
