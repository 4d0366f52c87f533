package dev.slipway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.spi.ResourceProvider;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS::Events::Rule, as the Serverless Framework v3 compiles {@code schedule} events
 * (ScheduleExpression, State, Targets with Arn/Id and optional Input, InputPath, InputTransformer).
 * Ref is the rule name (generated as CloudFormation does when Name is absent); GetAtt Arn the ARN.
 */
final class RuleProvider implements ResourceProvider {
    private static final char[] SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private final Rules rules;
    private final SecureRandom random = new SecureRandom();

    RuleProvider(Rules rules) {
        this.rules = rules;
    }

    @Override
    public String type() {
        return "AWS::Events::Rule";
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("Name", "EventBusName");
    }

    @Override
    public Result create(Request r) throws Exception {
        String name = text(r.properties(), "Name");
        if (name == null) {
            name = generatedName(r.stackName(), r.logicalId());
        } else if (exists(name)) {
            throw new ResourceFailure(name + " already exists in stack " + r.stackId());
        }
        return apply(name, r.properties());
    }

    @Override
    public Result update(Request r) throws Exception {
        return apply(r.physicalId().orElseThrow(), r.properties());
    }

    @Override
    public void delete(Request r) {
        r.physicalId().ifPresent(name -> rules.delete(name, true));
    }

    private Result apply(String name, ObjectNode p) throws ResourceFailure {
        String bus = text(p, "EventBusName");
        if (bus != null && !bus.equals("default") && !bus.endsWith(":event-bus/default")) {
            throw new ResourceFailure("Slipway supports rules on the default event bus only, not " + bus);
        }
        JsonNode pattern = p.get("EventPattern");
        try {
            String arn = rules.put(name, text(p, "ScheduleExpression"),
                    pattern == null || pattern.isNull() ? null : pattern.isTextual() ? pattern.asText()
                            : pattern.toString(), text(p, "State"), text(p, "Description"));
            List<Rule.Target> targets = Targets.read(p.path("Targets"));
            rules.replaceTargets(name, targets);
            return new Result(name, Map.of("Arn", TextNode.valueOf(arn)));
        } catch (AwsServiceException e) {
            String hint = ScheduleExpression.problem(text(p, "ScheduleExpression"));
            throw new ResourceFailure(e.getMessage() + (hint == null ? "" : " (" + hint + ")") + " (Service: "
                    + "EventBridge, Status Code: " + e.httpStatus() + ", Error Code: " + e.errorCode() + ")");
        }
    }

    private boolean exists(String name) {
        try {
            rules.get(name);
            return true;
        } catch (AwsServiceException e) {
            return false;
        }
    }

    private String generatedName(String stack, String logicalId) {
        StringBuilder suffix = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            suffix.append(SUFFIX[random.nextInt(SUFFIX.length)]);
        }
        String prefix = stack + "-" + logicalId;
        if (prefix.length() > 51) {
            prefix = prefix.substring(0, 51);
        }
        return prefix + "-" + suffix;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
