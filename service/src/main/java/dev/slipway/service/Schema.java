package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys Serverless Framework v3 accepts where real services put them, for "unknown key, did
 * you mean …" problems, and the value types of the keys Slipway reads. Sections the Framework
 * passes through untouched ({@code custom}, {@code resources}, CloudFormation properties) are
 * not checked here.
 */
final class Schema {
    private Schema() {}

    static final Set<String> ROOT = Set.of("service", "frameworkVersion", "provider", "package", "functions",
            "resources", "custom", "plugins", "configValidationMode", "useDotenv", "variablesResolutionMode",
            "params", "unresolvedVariablesNotificationMode", "deprecationNotificationsMode", "disabledDeprecations",
            "org", "app", "console", "layers", "stages", "outputs", "build", "license", "dashboard");

    static final Set<String> PROVIDER = Set.of("name", "runtime", "memorySize", "timeout", "stage", "region",
            "profile", "environment", "iamRoleStatements", "iamManagedPolicies", "role", "iam", "deploymentBucket",
            "deploymentPrefix", "apiGateway", "httpApi", "tags", "stackTags", "stackName", "apiName",
            "versionFunctions", "logRetentionInDays", "tracing", "architecture", "logs", "vpc", "layers",
            "endpointType", "stackPolicy", "deploymentMethod", "lambdaHashingVersion", "runtimeManagement",
            "kmsKeyArn", "eventBridge", "alb", "cfnRole", "rolePermissionsBoundary", "notificationArns",
            "stackParameters", "disableRollback", "cloudFront", "ecr", "websocketsApiName",
            "websocketsApiRouteSelectionExpression", "websocketsDescription", "s3", "kinesis",
            "logDataProtectionPolicy", "apiKeys", "usagePlan", "resourcePolicy", "vpcEndpointIds",
            "websocket", "ephemeralStorageSize", "rollbackConfiguration");

    static final Set<String> IAM = Set.of("role", "deploymentRole");
    static final Set<String> IAM_ROLE = Set.of("name", "path", "statements", "managedPolicies", "permissionsBoundary",
            "permissionBoundary", "tags");

    static final Set<String> FUNCTION = Set.of("handler", "runtime", "memorySize", "timeout", "environment", "events",
            "reservedConcurrency", "provisionedConcurrency", "layers", "name", "description", "role", "tags",
            "package", "architecture", "vpc", "tracing", "onError", "destinations", "maximumEventAge",
            "maximumRetryAttempts", "versionFunction", "disableLogs", "logRetentionInDays", "url", "snapStart",
            "image", "ephemeralStorageSize", "kmsKeyArn", "condition", "dependsOn", "fileSystemConfig",
            "runtimeManagement", "logs", "logDataProtectionPolicy", "deploymentSettings");

    static final Set<String> PACKAGE = Set.of("artifact", "individually", "patterns", "include", "exclude",
            "excludeDevDependencies");

    static final Set<String> EVENT_TYPES = Set.of("http", "httpApi", "schedule", "sqs", "sns", "s3", "stream",
            "websocket", "eventBridge", "cloudwatchEvent", "cloudwatchLog", "alb", "alexaSkill", "alexaSmartHome",
            "iot", "iotFleetProvisioning", "cognitoUserPool", "kafka", "msk", "activemq", "rabbitmq", "cloudFront");

    static final Map<String, Set<String>> EVENT_KEYS = Map.of(
            "http", Set.of("path", "method", "cors", "authorizer", "request", "private", "integration", "async",
                    "response", "operationId", "connectionType", "connectionId", "summary", "description"),
            "httpApi", Set.of("path", "method", "authorizer"),
            "schedule", Set.of("rate", "enabled", "input", "inputPath", "inputTransformer", "name", "description",
                    "method", "timezone", "roleArn"),
            "sqs", Set.of("arn", "batchSize", "maximumBatchingWindow", "enabled", "functionResponseType",
                    "filterPatterns", "maximumConcurrency"),
            "sns", Set.of("arn", "topicName", "displayName", "filterPolicy", "filterPolicyScope",
                    "redrivePolicy", "kmsMasterKeyId"),
            "s3", Set.of("bucket", "event", "rules", "existing", "forceDeploy"),
            "stream", Set.of("arn", "type", "batchSize", "startingPosition", "enabled", "maximumBatchingWindow",
                    "maximumRetryAttempts", "bisectBatchOnFunctionError", "parallelizationFactor",
                    "destinations", "functionResponseType", "filterPatterns", "tumblingWindowInSeconds",
                    "maximumRecordAgeInSeconds", "consumer", "startingPositionTimestamp"));

    static final Set<String> CORS = Set.of("origin", "origins", "headers", "allowCredentials", "maxAge",
            "cacheControl", "methods", "exposedResponseHeaders", "allowedOrigins", "allowedHeaders", "allowedMethods");

    static final Set<String> RESOURCES = Set.of("Resources", "Outputs", "Conditions", "Mappings", "Parameters",
            "Description", "Metadata", "Transform", "extensions", "AWSTemplateFormatVersion", "Rules");

    static final Set<String> RESOURCE = Set.of("Type", "Properties", "DependsOn", "Condition", "DeletionPolicy",
            "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");

    static final Set<String> HTTP_API = Set.of("id", "name", "payload", "cors", "authorizers", "metrics",
            "useProviderTags", "disableDefaultEndpoint", "shouldStartNameWithService");

    static final Set<String> API_GATEWAY = Set.of("apiKeys", "binaryMediaTypes", "minimumCompressionSize",
            "restApiId", "restApiRootResourceId", "restApiResources", "description", "metrics",
            "shouldStartNameWithService", "resourcePolicy", "usagePlan", "apiKeySourceType", "disableDefaultEndpoint",
            "request", "timeoutInMillis", "websocketApiId", "stage");

    static final Set<String> SLIPWAY = Set.of("site", "deployment", "deploymentSettings", "alias", "prune", "offline",
            "warmup");

    /** Release strategies, CodeDeploy's names (the deploy module's Strategy holds their steps). */
    static final List<String> DEPLOYMENT_STRATEGIES = List.of("AllAtOnce", "Canary10Percent5Minutes",
            "Canary10Percent10Minutes", "Canary10Percent15Minutes", "Canary10Percent30Minutes",
            "Linear10PercentEvery1Minute", "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes",
            "Linear10PercentEvery10Minutes", "BlueGreen");

    /** {@code custom.slipway.deploymentSettings} and {@code functions.<fn>.deploymentSettings} ({@code type} per function only). */
    static final Set<String> DEPLOYMENT_SETTINGS = Set.of("type", "preTrafficHook", "postTrafficHook", "alarms",
            "maxErrorRate", "maxP50Millis", "maxP90Millis", "maxP99Millis", "minInvocations");

    /** " Did you mean "x"?" when a known name is within a small edit distance, else "". */
    static String suggestion(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : new TreeSet<>(known)) {
            int d = distance(unknown.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(1, Math.min(3, unknown.length() / 3));
        return best != null && bestDistance <= allowed ? " Did you mean \"" + best + "\"?" : "";
    }

    static String closest(String unknown, Collection<String> known) {
        String s = suggestion(unknown, known);
        return s.isEmpty() ? null : s.substring(" Did you mean \"".length(), s.length() - 2);
    }

    /** Damerau-Levenshtein (optimal string alignment) distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String typeName(JsonNode n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "a map";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    static final List<String> JAVA_RUNTIMES = List.of("java8.al2", "java11", "java17", "java21", "java25");
}
