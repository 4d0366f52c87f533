package dev.slipway.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code AWS::Logs::LogGroup}: LogGroupName (generated {@code <stack>-<logicalid>-<random>} when absent),
 * RetentionInDays, Tags; attribute Arn ({@code arn:aws:logs:<region>:<account>:log-group:<name>:*}).
 * Creating a group that already exists fails as CloudFormation reports it.
 */
final class LogGroupProvider implements ResourceProvider {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LogsService logs;

    LogGroupProvider(LogsService logs) {
        this.logs = logs;
    }

    @Override
    public String type() {
        return "AWS::Logs::LogGroup";
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("LogGroupName", "KmsKeyId");
    }

    @Override
    public Result create(Request request) throws Exception {
        String name = request.properties().hasNonNull("LogGroupName") ? request.properties().get("LogGroupName").asText()
                : generatedName(request.stackName(), request.logicalId());
        if (logs.logGroupExists(name)) {
            throw new ResourceFailure("Resource of type 'AWS::Logs::LogGroup' with identifier '" + name
                    + "' already exists.");
        }
        logs.createLogGroup(name, tags(request.properties().path("Tags")));
        try {
            applyRetention(name, request.properties());
        } catch (RuntimeException e) {
            logs.deleteLogGroup(name);
            throw e;
        }
        return result(name, request);
    }

    @Override
    public Result update(Request request) throws Exception {
        String name = request.physicalId().orElseThrow();
        applyRetention(name, request.properties());
        return result(name, request);
    }

    @Override
    public void delete(Request request) {
        request.physicalId().filter(logs::logGroupExists).ifPresent(logs::deleteLogGroup);
    }

    private void applyRetention(String name, com.fasterxml.jackson.databind.node.ObjectNode properties) {
        JsonNode days = properties.path("RetentionInDays");
        logs.putRetentionPolicy(name, days.isMissingNode() || days.isNull() ? Optional.empty()
                : Optional.of(days.isTextual() ? Integer.parseInt(days.asText()) : days.asInt()));
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach(t -> out.put(t.path("Key").asText(), t.path("Value").asText()));
        return out;
    }

    private static Result result(String name, Request request) {
        return new Result(name, Map.of("Arn", TextNode.valueOf("arn:aws:logs:" + request.region() + ":"
                + request.accountId() + ":log-group:" + name + ":*")));
    }

    static String generatedName(String stack, String logicalId) {
        StringBuilder suffix = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 12; i++) {
            suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        String clean = (stack + "-" + logicalId).replaceAll("[^\\.\\-_/#A-Za-z0-9]", "");
        return (clean.length() > 480 ? clean.substring(0, 480) : clean) + "-" + suffix.toString().toUpperCase(Locale.ROOT);
    }
}
