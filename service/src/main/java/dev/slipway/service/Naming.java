package dev.slipway.service;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Logical IDs and names exactly as Serverless Framework v3 makes them
 * ({@code lib/plugins/aws/lib/naming.js}), so a stack compiled by Slipway is the one the
 * Framework would deploy and a team can move between the two without resources being replaced.
 */
public final class Naming {
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^0-9A-Za-z]");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(.*)\\}");

    private Naming() {}

    /** lodash upperFirst. */
    static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** normalizeNameToAlphaNumericOnly: strip non-alphanumerics, then upperFirst. */
    public static String alphaNumeric(String name) {
        return upperFirst(NON_ALPHANUMERIC.matcher(name).replaceAll(""));
    }

    /** getNormalizedFunctionName / getNormalizedResourceName: "-" → Dash, "_" → Underscore, upperFirst. */
    public static String functionName(String key) {
        return upperFirst(key.replace("-", "Dash").replace("_", "Underscore"));
    }

    /** normalizePathPart: lodash capitalize (rest lower case), "-" → Dash, {x} → xVar, strip, upperFirst. */
    static String pathPart(String raw) {
        String capitalized = raw.isEmpty() ? raw
                : raw.substring(0, 1).toUpperCase(Locale.ROOT) + raw.substring(1).toLowerCase(Locale.ROOT);
        String s = PATH_VARIABLE.matcher(capitalized.replace("-", "Dash")).replaceAll("$1Var");
        s = NON_ALPHANUMERIC.matcher(s).replaceAll("");
        return upperFirst(s);
    }

    /** normalizePath: each "/"-separated part normalized and joined. */
    static String path(String resourcePath) {
        StringBuilder sb = new StringBuilder();
        for (String part : resourcePath.split("/", -1)) {
            sb.append(pathPart(part));
        }
        return sb.toString();
    }

    public static String lambdaFunction(String fn) {
        return functionName(fn) + "LambdaFunction";
    }

    public static String logGroup(String fn) {
        return functionName(fn) + "LogGroup";
    }

    public static String lambdaVersion(String fn, String sha) {
        return functionName(fn) + "LambdaVersion" + NON_ALPHANUMERIC.matcher(sha).replaceAll("");
    }

    /** Slipway's release alias (not the Framework's): {@code <Fn>LambdaAlias}. */
    public static String lambdaAlias(String fn) {
        return functionName(fn) + "LambdaAlias";
    }

    public static String qualifiedArnOutput(String fn) {
        return lambdaFunction(fn) + "QualifiedArn";
    }

    public static String apiGatewayPermission(String fn) {
        return functionName(fn) + "LambdaPermissionApiGateway";
    }

    public static String httpApiPermission(String fn) {
        return functionName(fn) + "LambdaPermissionHttpApi";
    }

    public static String resource(String path) {
        return "ApiGatewayResource" + path(path);
    }

    /** getMethodLogicalId(resourceName, method): method lower-cased then upperFirst. */
    public static String method(String resourceName, String httpMethod) {
        return "ApiGatewayMethod" + resourceName + upperFirst(httpMethod.toLowerCase(Locale.ROOT));
    }

    public static String schedule(String fn, int index) {
        return functionName(fn) + "EventsRuleSchedule" + index;
    }

    public static String schedulePermission(String fn, int index) {
        return functionName(fn) + "LambdaPermissionEventsRuleSchedule" + index;
    }

    public static String httpApiIntegration(String fn) {
        return "HttpApiIntegration" + functionName(fn);
    }

    public static String httpApiRoute(String routeKey) {
        return routeKey.equals("*") ? "HttpApiRouteDefault" : "HttpApiRoute" + path(routeKey);
    }

    public static String queue(String fn, String queueName) {
        return functionName(fn) + "EventSourceMappingSQS" + alphaNumeric(queueName);
    }

    public static String stream(String fn, String type, String streamName) {
        return functionName(fn) + "EventSourceMapping" + upperFirst(type) + alphaNumeric(streamName);
    }

    public static String topic(String topicName) {
        return "SNSTopic" + alphaNumeric(topicName);
    }

    public static String snsPermission(String fn, String topicName) {
        return functionName(fn) + "LambdaPermission" + alphaNumeric(topicName) + "SNS";
    }

    public static String snsSubscription(String fn, String topicName) {
        return functionName(fn) + "SnsSubscription" + alphaNumeric(topicName);
    }

    public static String bucket(String bucketName) {
        return "S3Bucket" + alphaNumeric(bucketName);
    }

    public static String s3Permission(String fn, String bucketName) {
        return functionName(fn) + "LambdaPermission" + alphaNumeric(bucketName) + "S3";
    }

    public static String provisionedConcurrencyAlias(String fn) {
        return functionName(fn) + "ProvConcLambdaAlias";
    }
}
