package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code provider:} with the Framework's defaults applied (memorySize 1024 MB, timeout 6 s,
 * versionFunctions true). Environment values are JSON because CloudFormation intrinsics
 * ({@code !Ref Table}) are allowed there. {@code iamRoleStatements} joins the old
 * {@code provider.iamRoleStatements} and the v3 {@code provider.iam.role.statements}.
 */
public record Provider(String name, String runtime, int memorySize, int timeout, Map<String, JsonNode> environment,
        List<JsonNode> iamRoleStatements, List<JsonNode> managedPolicies, Optional<JsonNode> role,
        Optional<String> roleName, Optional<String> rolePath, Optional<String> deploymentBucket,
        ObjectNode apiGateway, ObjectNode httpApi, Map<String, String> tags, Map<String, String> stackTags,
        Optional<String> stackName, Optional<String> apiName, boolean versionFunctions,
        Optional<Integer> logRetentionInDays, ObjectNode tracing, Optional<String> architecture,
        String endpointType) {

    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int DEFAULT_TIMEOUT_SECONDS = 6;
}
