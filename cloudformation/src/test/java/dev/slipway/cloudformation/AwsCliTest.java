package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI's cloudformation commands against the local server, deploy flow (change sets) included. */
class AwsCliTest {
    private final ThingProvider things = new ThingProvider();
    private final Map<String, byte[]> s3 = new ConcurrentHashMap<>();
    private final LocalCloudFormation cfn = new LocalCloudFormation(List.of(things),
            (bucket, key) -> Optional.ofNullable(s3.get(bucket + "/" + key)).map(ByteArrayInputStream::new),
            Optional.empty(), Duration.ofSeconds(10));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        cfn.close();
    }

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return Json.parse(out);
            } catch (IOException e) {
                throw new AssertionError(out + err, e);
            }
        }
    }

    private Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", cfn.server.url(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("AWS_ACCESS_KEY_ID", AwsDefaults.ACCESS_KEY_ID);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", AwsDefaults.SECRET_ACCESS_KEY);
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        pb.environment().put("AWS_PAGER", "");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Result(exit, Files.readString(out), Files.readString(err));
    }

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void deploy_createsThenUpdatesThenReportsNoChanges_andDeleteStackRemovesEverything() throws Exception {
        Path template = file("t.yaml", "Parameters:\n  Value:\n    Type: String\nResources:\n  A:\n    Type: Test::Thing\n"
                + "    Properties:\n      Value: !Ref Value\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n"
                + "      AssumeRolePolicyDocument: {Version: '2012-10-17'}\nOutputs:\n  RoleArn:\n"
                + "    Value: !GetAtt Role.Arn\n");
        Result created = aws("cloudformation", "deploy", "--stack-name", "app", "--template-file", template.toString(),
                "--parameter-overrides", "Value=one", "--capabilities", "CAPABILITY_IAM");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("Successfully created/updated stack - app");

        JsonNode stack = aws("cloudformation", "describe-stacks", "--stack-name", "app").json().path("Stacks").get(0);
        assertThat(stack.path("StackStatus").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(stack.path("Outputs").get(0).path("OutputValue").asText())
                .matches("arn:aws:iam::000000000000:role/app-Role-[A-Z0-9]{12}");

        Result updated = aws("cloudformation", "deploy", "--stack-name", "app", "--template-file", template.toString(),
                "--parameter-overrides", "Value=two", "--capabilities", "CAPABILITY_IAM");
        assertThat(updated.exit()).as(updated.err()).isZero();
        assertThat(things.things.values()).extracting(p -> p.get("Value").asText()).containsExactly("two");

        Result unchanged = aws("cloudformation", "deploy", "--stack-name", "app", "--template-file",
                template.toString(), "--capabilities", "CAPABILITY_IAM", "--no-fail-on-empty-changeset");
        assertThat(unchanged.exit()).as(unchanged.err()).isZero();
        assertThat(unchanged.out()).contains("No changes to deploy. Stack app is up to date");

        JsonNode events = aws("cloudformation", "describe-stack-events", "--stack-name", "app").json()
                .path("StackEvents");
        assertThat(events.get(0).path("ResourceStatus").asText()).isEqualTo("UPDATE_COMPLETE");
        assertThat(events.get(0).path("ResourceType").asText()).isEqualTo("AWS::CloudFormation::Stack");

        assertThat(aws("cloudformation", "delete-stack", "--stack-name", "app").exit()).isZero();
        assertThat(aws("cloudformation", "wait", "stack-delete-complete", "--stack-name", "app").exit()).isZero();
        assertThat(things.things).isEmpty();
        assertThat(aws("cloudformation", "list-stacks", "--stack-status-filter", "DELETE_COMPLETE").json()
                .path("StackSummaries").get(0).path("StackName").asText()).isEqualTo("app");
    }

    @Test
    void deploy_ofAFailingTemplate_exitsNonZeroAndEventsNameTheFailure() throws Exception {
        Path template = file("bad.json", "{\"Resources\": {\"A\": {\"Type\": \"Test::Thing\"},"
                + " \"B\": {\"Type\": \"Test::Thing\", \"DependsOn\": \"A\", \"Properties\": {\"Fail\": \"Quota\"}}}}");
        Result r = aws("cloudformation", "deploy", "--stack-name", "bad", "--template-file", template.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("Failed to create/update the stack");
        JsonNode events = aws("cloudformation", "describe-stack-events", "--stack-name", "bad").json()
                .path("StackEvents");
        List<String> reasons = new ArrayList<>();
        events.forEach(e -> reasons.add(e.path("LogicalResourceId").asText() + " "
                + e.path("ResourceStatus").asText() + " " + e.path("ResourceStatusReason").asText()));
        assertThat(reasons).contains("B CREATE_FAILED Quota",
                "bad ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [B]. Rollback requested by user.");
        assertThat(things.things).isEmpty();
    }

    @Test
    void createChangeSet_withTemplateUrl_describeExecuteAndListResources() throws Exception {
        s3.put("deploy-bucket/templates/t.yaml", "Resources:\n  A:\n    Type: Test::Thing\n"
                .getBytes(StandardCharsets.UTF_8));
        Result cs = aws("cloudformation", "create-change-set", "--stack-name", "viaurl", "--change-set-name", "cs1",
                "--change-set-type", "CREATE", "--template-url",
                "https://s3.amazonaws.com/deploy-bucket/templates/t.yaml");
        assertThat(cs.exit()).as(cs.err()).isZero();
        assertThat(aws("cloudformation", "wait", "change-set-create-complete", "--stack-name", "viaurl",
                "--change-set-name", "cs1").exit()).isZero();
        JsonNode described = aws("cloudformation", "describe-change-set", "--stack-name", "viaurl",
                "--change-set-name", "cs1").json();
        assertThat(described.path("Changes").get(0).path("ResourceChange").path("Action").asText()).isEqualTo("Add");
        assertThat(aws("cloudformation", "execute-change-set", "--stack-name", "viaurl", "--change-set-name", "cs1")
                .exit()).isZero();
        assertThat(aws("cloudformation", "wait", "stack-create-complete", "--stack-name", "viaurl").exit()).isZero();
        JsonNode resources = aws("cloudformation", "list-stack-resources", "--stack-name", "viaurl").json();
        assertThat(resources.path("StackResourceSummaries").get(0).path("ResourceStatus").asText())
                .isEqualTo("CREATE_COMPLETE");
        assertThat(aws("cloudformation", "get-template", "--stack-name", "viaurl").json().path("TemplateBody")
                .asText()).contains("Test::Thing");
    }

    @Test
    void validateTemplate_ofBadTemplate_printsCloudFormationsError() throws Exception {
        Path template = file("cycle.yaml", "Resources:\n  A:\n    Type: Test::Thing\n    DependsOn: B\n"
                + "  B:\n    Type: Test::Thing\n    DependsOn: A\n");
        Result r = aws("cloudformation", "validate-template", "--template-body", "file://" + template);
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip()).isEqualTo("An error occurred (ValidationError) when calling the ValidateTemplate "
                + "operation: Circular dependency between resources: [A, B]");
    }
}
