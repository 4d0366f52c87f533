package dev.slipway.service;

import static dev.slipway.service.Cfn.arr;
import static dev.slipway.service.Cfn.getAtt;
import static dev.slipway.service.Cfn.join;
import static dev.slipway.service.Cfn.obj;
import static dev.slipway.service.Cfn.properties;
import static dev.slipway.service.Cfn.ref;
import static dev.slipway.service.Cfn.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Framework's schedule, s3, sns, stream and sqs event plugins: EventBridge rules with
 * invoke permissions, S3 buckets with notifications, SNS topics/subscriptions, and event source
 * mappings whose read permissions are added to the default role (one statement per function).
 */
final class EventSourceCompiler {
    private EventSourceCompiler() {}

    static void schedules(CloudFormationCompiler.Run run) {
        for (FunctionSpec f : run.service.functions().values()) {
            int n = 0;
            for (Event.Schedule s : f.scheduleEvents()) {
                for (String expression : s.expressions()) {
                    n++;
                    String ruleId = Naming.schedule(f.key(), n);
                    ObjectNode rule = resource("AWS::Events::Rule");
                    ObjectNode p = properties(rule);
                    p.put("ScheduleExpression", expression);
                    p.put("State", s.enabled() ? "ENABLED" : "DISABLED");
                    s.name().ifPresent(x -> p.put("Name", x));
                    s.description().ifPresent(x -> p.put("Description", x));
                    ObjectNode target = obj();
                    s.input().ifPresent(in -> target.put("Input", in.isTextual() ? in.asText() : in.toString()));
                    s.inputPath().ifPresent(x -> target.put("InputPath", x));
                    s.inputTransformer().ifPresent(t -> {
                        ObjectNode it = target.putObject("InputTransformer");
                        if (t.has("inputTemplate")) {
                            it.set("InputTemplate", t.get("inputTemplate"));
                        }
                        if (t.has("inputPathsMap")) {
                            it.set("InputPathsMap", t.get("inputPathsMap"));
                        }
                    });
                    target.set("Arn", run.functionArn(f.key()));
                    target.put("Id", f.key() + "Schedule");
                    p.set("Targets", arr(target));
                    run.resources.set(ruleId, rule);
                    ObjectNode perm = permission(run, f, "events.amazonaws.com");
                    properties(perm).set("SourceArn", getAtt(ruleId, "Arn"));
                    run.resources.set(Naming.schedulePermission(f.key(), n), perm);
                }
            }
        }
    }

    private static ObjectNode permission(CloudFormationCompiler.Run run, FunctionSpec f, String principal) {
        ObjectNode perm = resource("AWS::Lambda::Permission");
        ObjectNode p = properties(perm);
        p.set("FunctionName", run.functionArn(f.key()));
        p.put("Action", "lambda:InvokeFunction");
        p.put("Principal", principal);
        return perm;
    }

    static void s3(CloudFormationCompiler.Run run) {
        Map<String, ObjectNode> buckets = new LinkedHashMap<>();
        Map<String, ObjectNode> permissions = new LinkedHashMap<>();
        for (FunctionSpec f : run.service.functions().values()) {
            for (Event e : f.events()) {
                if (!(e instanceof Event.S3 s) || s.existing()) {
                    continue;
                }
                ObjectNode bucket = buckets.computeIfAbsent(s.bucket(), b -> {
                    ObjectNode r = resource("AWS::S3::Bucket");
                    ObjectNode p = properties(r).put("BucketName", b);
                    p.putObject("NotificationConfiguration").putArray("LambdaConfigurations");
                    r.putArray("DependsOn");
                    return r;
                });
                ObjectNode config = obj().put("Event", s.event());
                config.set("Function", run.functionArn(f.key()));
                if (!s.rules().isEmpty()) {
                    ArrayNode rules = config.putObject("Filter").putObject("S3Key").putArray("Rules");
                    for (JsonNode rule : s.rules()) {
                        rule.fields().forEachRemaining(r -> rules.add(obj()
                                .put("Name", r.getKey()).put("Value", r.getValue().asText())));
                    }
                }
                ((ArrayNode) bucket.get("Properties").get("NotificationConfiguration").get("LambdaConfigurations"))
                        .add(config);
                String permId = Naming.s3Permission(f.key(), s.bucket());
                ArrayNode deps = (ArrayNode) bucket.get("DependsOn");
                boolean present = false;
                for (JsonNode d : deps) {
                    present |= d.asText().equals(permId);
                }
                if (!present) {
                    deps.add(permId);
                }
                permissions.computeIfAbsent(permId, id -> {
                    ObjectNode perm = permission(run, f, "s3.amazonaws.com");
                    properties(perm).set("SourceArn", join("", "arn:", ref("AWS::Partition"), ":s3:::" + s.bucket()));
                    properties(perm).set("SourceAccount", ref("AWS::AccountId"));
                    return perm;
                });
            }
        }
        buckets.forEach((name, r) -> run.resources.set(Naming.bucket(name), r));
        permissions.forEach(run.resources::set);
    }

    static void sns(CloudFormationCompiler.Run run) {
        for (FunctionSpec f : run.service.functions().values()) {
            for (Event e : f.events()) {
                if (!(e instanceof Event.Sns s)) {
                    continue;
                }
                if (s.arn().isPresent()) {
                    JsonNode arn = s.arn().get();
                    String topicName = s.topicName().orElse(arn.isTextual()
                            ? arn.asText().substring(arn.asText().lastIndexOf(':') + 1) : "Topic");
                    ObjectNode sub = resource("AWS::SNS::Subscription");
                    ObjectNode sp = properties(sub);
                    sp.set("TopicArn", arn.deepCopy());
                    sp.put("Protocol", "lambda");
                    sp.set("Endpoint", run.functionArn(f.key()));
                    s.filterPolicy().ifPresent(fp -> sp.set("FilterPolicy", fp.deepCopy()));
                    run.resources.set(Naming.snsSubscription(f.key(), topicName), sub);
                    ObjectNode perm = permission(run, f, "sns.amazonaws.com");
                    properties(perm).set("SourceArn", arn.deepCopy());
                    run.resources.set(Naming.snsPermission(f.key(), topicName), perm);
                    continue;
                }
                String topicName = s.topicName().orElse("");
                String topicId = Naming.topic(topicName);
                ObjectNode topic = run.resources.get(topicId) instanceof ObjectNode t ? t : null;
                if (topic == null) {
                    topic = resource("AWS::SNS::Topic");
                    properties(topic).put("TopicName", topicName);
                    properties(topic).putArray("Subscription");
                    run.resources.set(topicId, topic);
                }
                if (s.filterPolicy().isPresent()) {
                    ObjectNode sub = resource("AWS::SNS::Subscription");
                    ObjectNode sp = properties(sub);
                    sp.set("TopicArn", ref(topicId));
                    sp.put("Protocol", "lambda");
                    sp.set("Endpoint", run.functionArn(f.key()));
                    sp.set("FilterPolicy", s.filterPolicy().get().deepCopy());
                    run.resources.set(Naming.snsSubscription(f.key(), topicName), sub);
                } else {
                    ObjectNode subscription = obj();
                    subscription.set("Endpoint", run.functionArn(f.key()));
                    subscription.put("Protocol", "lambda");
                    ((ArrayNode) topic.get("Properties").get("Subscription")).add(subscription);
                }
                ObjectNode perm = permission(run, f, "sns.amazonaws.com");
                properties(perm).set("SourceArn", join("", "arn:", ref("AWS::Partition"), ":sns:",
                        ref("AWS::Region"), ":", ref("AWS::AccountId"), ":", topicName));
                run.resources.set(Naming.snsPermission(f.key(), topicName), perm);
            }
        }
    }

    /** The logical name the Framework derives from an ARN: GetAtt's resource, ImportValue, Ref, or the text. */
    private static String nameFromArn(JsonNode arn, boolean stream) {
        if (arn.has("Fn::GetAtt")) {
            return arn.get("Fn::GetAtt").get(0).asText();
        }
        if (arn.has("Fn::ImportValue")) {
            return arn.get("Fn::ImportValue").asText();
        }
        if (arn.has("Ref")) {
            return arn.get("Ref").asText();
        }
        if (arn.has("Fn::Join")) {
            JsonNode parts = arn.get("Fn::Join").get(1);
            String last = parts.get(parts.size() - 1).asText();
            return stream ? last.substring(last.lastIndexOf('/') + 1) : last;
        }
        String s = arn.asText();
        if (stream) {
            String[] parts = s.split("/");
            return parts.length > 1 ? parts[1] : s;
        }
        return s.substring(s.lastIndexOf(':') + 1);
    }

    static void streams(CloudFormationCompiler.Run run) {
        for (FunctionSpec f : run.service.functions().values()) {
            ObjectNode dynamo = statement("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream",
                    "dynamodb:ListStreams");
            ObjectNode kinesis = statement("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream",
                    "kinesis:ListStreams");
            for (Event e : f.events()) {
                if (!(e instanceof Event.Stream s)) {
                    continue;
                }
                ObjectNode r = resource("AWS::Lambda::EventSourceMapping");
                r.set("DependsOn", dependsOnRole(run, f));
                ObjectNode p = properties(r);
                p.put("BatchSize", s.batchSize());
                p.put("Enabled", s.enabled());
                p.set("EventSourceArn", s.arn().deepCopy());
                p.set("FunctionName", run.functionArn(f.key()));
                p.put("StartingPosition", s.startingPosition());
                JsonNode cfg = s.config();
                if (cfg.has("maximumRetryAttempts")) {
                    p.set("MaximumRetryAttempts", cfg.get("maximumRetryAttempts"));
                }
                if (cfg.has("bisectBatchOnFunctionError")) {
                    p.set("BisectBatchOnFunctionError", cfg.get("bisectBatchOnFunctionError"));
                }
                if (cfg.has("functionResponseType")) {
                    p.set("FunctionResponseTypes", arr(cfg.get("functionResponseType").asText()));
                }
                ((ArrayNode) (s.type().equals("dynamodb") ? dynamo : kinesis).get("Resource")).add(s.arn().deepCopy());
                run.resources.set(Naming.stream(f.key(), s.type(), nameFromArn(s.arn(), true)), r);
            }
            run.roleStatements().ifPresent(st -> {
                if (dynamo.get("Resource").size() > 0) {
                    st.add(dynamo);
                }
                if (kinesis.get("Resource").size() > 0) {
                    st.add(kinesis);
                }
            });
        }
    }

    static void sqs(CloudFormationCompiler.Run run) {
        for (FunctionSpec f : run.service.functions().values()) {
            ObjectNode statement = statement("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
            for (Event e : f.events()) {
                if (!(e instanceof Event.Sqs s)) {
                    continue;
                }
                ObjectNode r = resource("AWS::Lambda::EventSourceMapping");
                r.set("DependsOn", dependsOnRole(run, f));
                ObjectNode p = properties(r);
                p.put("BatchSize", s.batchSize());
                s.maximumBatchingWindow().ifPresent(w -> p.put("MaximumBatchingWindowInSeconds", w));
                p.set("EventSourceArn", s.arn().deepCopy());
                p.set("FunctionName", run.functionArn(f.key()));
                p.put("Enabled", s.enabled());
                s.functionResponseType().ifPresent(t -> p.set("FunctionResponseTypes", arr(t)));
                ((ArrayNode) statement.get("Resource")).add(s.arn().deepCopy());
                run.resources.set(Naming.queue(f.key(), nameFromArn(s.arn(), false)), r);
            }
            run.roleStatements().ifPresent(st -> {
                if (statement.get("Resource").size() > 0) {
                    st.add(statement);
                }
            });
        }
    }

    private static ArrayNode dependsOnRole(CloudFormationCompiler.Run run, FunctionSpec f) {
        ArrayNode deps = Cfn.F.arrayNode();
        JsonNode role = f.role().or(() -> run.service.provider().role()).orElse(null);
        if (role == null) {
            deps.add(CloudFormationCompiler.ROLE);
        } else if (role.isTextual() && !role.asText().startsWith("arn:")) {
            deps.add(role.asText());
        } else if (role.has("Fn::GetAtt")) {
            deps.add(role.get("Fn::GetAtt").get(0).asText());
        }
        return deps;
    }

    private static ObjectNode statement(String... actions) {
        ObjectNode s = obj().put("Effect", "Allow");
        s.set("Action", arr((Object[]) actions));
        s.putArray("Resource");
        return s;
    }
}
