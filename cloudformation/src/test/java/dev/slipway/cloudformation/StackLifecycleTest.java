package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/** Create, update, delete, rollback and change sets through the AWS SDK for Java v2. */
class StackLifecycleTest {
    private final ThingProvider things = new ThingProvider();
    private final LocalCloudFormation cfn = new LocalCloudFormation(List.of(things));

    @AfterEach
    void close() {
        things.open();
        cfn.close();
    }

    private String create(String stack, String template) {
        cfn.client.createStack(b -> b.stackName(stack).templateBody(template));
        return cfn.await(stack).stackStatus();
    }

    private String update(String stack, String template) {
        cfn.client.updateStack(b -> b.stackName(stack).templateBody(template));
        return cfn.await(stack).stackStatus();
    }

    /** Events oldest first, as "LogicalId STATUS reason" (trailing blanks of AWS's reasons stripped). */
    private List<String> events(String stack) {
        List<String> out = new ArrayList<>();
        for (StackEvent e : cfn.client.describeStackEvents(b -> b.stackName(stack)).stackEvents()) {
            out.add((e.logicalResourceId() + " " + e.resourceStatusAsString() + " "
                    + (e.resourceStatusReason() == null ? "" : e.resourceStatusReason())).strip());
        }
        Collections.reverse(out);
        return out;
    }

    private String physicalId(String stack, String logicalId) {
        return cfn.client.describeStackResource(b -> b.stackName(stack).logicalResourceId(logicalId))
                .stackResourceDetail().physicalResourceId();
    }

    private static String things(String... resources) {
        StringBuilder t = new StringBuilder("Resources:\n");
        for (String r : resources) {
            t.append("  ").append(r.replace("\n", "\n  ")).append('\n');
        }
        return t.toString();
    }

    @Nested
    class Create {
        @Test
        void createStack_returnsAtOnceAndProgressesToCreateComplete() {
            String template = things("A:\n  Type: Test::Thing\n  Properties:\n    Gate: true");
            cfn.client.createStack(b -> b.stackName("s").templateBody(template));
            assertThat(cfn.client.describeStacks(b -> b.stackName("s")).stacks().get(0).stackStatusAsString())
                    .isEqualTo("CREATE_IN_PROGRESS");
            things.open();
            assertThat(cfn.await("s").stackStatus()).isEqualTo("CREATE_COMPLETE");
            assertThat(events("s")).containsExactly(
                    "s CREATE_IN_PROGRESS User Initiated",
                    "A CREATE_IN_PROGRESS",
                    "A CREATE_IN_PROGRESS Resource creation Initiated",
                    "A CREATE_COMPLETE",
                    "s CREATE_COMPLETE");
        }

        @Test
        void independentResources_areCreatedInParallel() {
            String template = things(
                    "A:\n  Type: Test::Thing\n  Properties:\n    Rendezvous: 3",
                    "B:\n  Type: Test::Thing\n  Properties:\n    Rendezvous: 3",
                    "C:\n  Type: Test::Thing\n  Properties:\n    Rendezvous: 3");
            assertThat(create("par", template)).isEqualTo("CREATE_COMPLETE");
            assertThat(things.overlapObserved).as("three creations were in progress at once").isTrue();
        }

        @Test
        void dependentResources_waitForTheirDependencies_andAreDeletedInReverse() {
            String template = things(
                    "C:\n  Type: Test::Thing\n  Properties:\n    Value: !GetAtt B.Arn",
                    "B:\n  Type: Test::Thing\n  Properties:\n    Value: !Sub '${A}-x'",
                    "A:\n  Type: Test::Thing",
                    "D:\n  Type: Test::Thing\n  DependsOn: C");
            assertThat(create("chain", template)).isEqualTo("CREATE_COMPLETE");
            assertThat(things.calls).containsExactly("create A", "create B", "create C", "create D");
            things.calls.clear();
            cfn.client.deleteStack(b -> b.stackName("chain"));
            cfn.service.awaitSettled(cfn.client.listStacks().stackSummaries().get(0).stackId(),
                    java.time.Duration.ofSeconds(30));
            assertThat(things.calls).containsExactly("delete D", "delete C", "delete B", "delete A");
            assertThat(things.things).isEmpty();
        }

        @Test
        void failureOfTheThirdResource_rollsBackAndLeavesNothingBehind() {
            String template = things(
                    "First:\n  Type: Test::Thing",
                    "Second:\n  Type: Test::Thing\n  DependsOn: First",
                    "Third:\n  Type: Test::Thing\n  DependsOn: Second\n  Properties:\n    Fail: Bucket quota exceeded");
            assertThat(create("rb", template)).isEqualTo("ROLLBACK_COMPLETE");
            assertThat(things.things).isEmpty();
            assertThat(events("rb")).containsExactly(
                    "rb CREATE_IN_PROGRESS User Initiated",
                    "First CREATE_IN_PROGRESS",
                    "First CREATE_IN_PROGRESS Resource creation Initiated",
                    "First CREATE_COMPLETE",
                    "Second CREATE_IN_PROGRESS",
                    "Second CREATE_IN_PROGRESS Resource creation Initiated",
                    "Second CREATE_COMPLETE",
                    "Third CREATE_IN_PROGRESS",
                    "Third CREATE_FAILED Bucket quota exceeded",
                    "rb ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Third]. "
                            + "Rollback requested by user.",
                    "Third DELETE_COMPLETE",
                    "Second DELETE_IN_PROGRESS",
                    "Second DELETE_COMPLETE",
                    "First DELETE_IN_PROGRESS",
                    "First DELETE_COMPLETE",
                    "rb ROLLBACK_COMPLETE");
            assertThat(cfn.client.describeStacks(b -> b.stackName("rb")).stacks().get(0).stackStatusReason())
                    .isNull();
        }

        @Test
        void resourceInProgressWhenAnotherFails_isCancelledAndRolledBack() {
            String template = things("Slow:\n  Type: Test::Thing\n  Properties:\n    Gate: true",
                    "Broken:\n  Type: Test::Thing\n  Properties:\n    Fail: Access denied");
            cfn.client.createStack(b -> b.stackName("cancel").templateBody(template));
            while (!events("cancel").contains("Broken CREATE_FAILED Access denied")) {
                Thread.onSpinWait(); // polls until the failure is recorded; no timing assumption
            }
            things.open();
            assertThat(cfn.await("cancel").stackStatus()).isEqualTo("ROLLBACK_COMPLETE");
            assertThat(events("cancel")).contains("Slow CREATE_FAILED Resource creation cancelled",
                    "cancel ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Broken, Slow]. "
                            + "Rollback requested by user.");
            assertThat(things.things).isEmpty();
        }

        @Test
        void unsupportedResourceType_failsTheStackNamingTheType() {
            String template = things("Queue:\n  Type: AWS::SQS::Queue");
            assertThat(create("sqs", template)).isEqualTo("ROLLBACK_COMPLETE");
            assertThat(events("sqs")).contains("Queue CREATE_FAILED Unsupported resource type AWS::SQS::Queue in the "
                    + "Slipway local cloud");
        }

        @Test
        void disableRollback_leavesTheStackInCreateFailed() {
            String template = things("A:\n  Type: Test::Thing", "B:\n  Type: Test::Thing\n  DependsOn: A\n  Properties:\n    Fail: no");
            cfn.client.createStack(b -> b.stackName("keep").templateBody(template).disableRollback(true));
            assertThat(cfn.await("keep").stackStatus()).isEqualTo("CREATE_FAILED");
            assertThat(things.things).hasSize(1);
        }

        @Test
        void onFailureDelete_rollsBackThenDeletesTheStack() throws InterruptedException {
            String template = things("A:\n  Type: Test::Thing", "B:\n  Type: Test::Thing\n  DependsOn: A\n"
                    + "  Properties:\n    Fail: no");
            String id = cfn.client.createStack(b -> b.stackName("gone").templateBody(template).onFailure("DELETE"))
                    .stackId();
            // ROLLBACK_COMPLETE is itself a settled status, seen for a moment before the deletion starts
            // (as on AWS), so wait for the deletion's end rather than for the first settled status.
            String status = cfn.service.awaitSettled(id, java.time.Duration.ofSeconds(30)).stackStatus();
            for (int i = 0; i < 300 && !status.equals("DELETE_COMPLETE"); i++) {
                Thread.sleep(100);
                status = cfn.service.awaitSettled(id, java.time.Duration.ofMillis(100)).stackStatus();
            }
            assertThat(status).isEqualTo("DELETE_COMPLETE");
            assertThat(events(id)).endsWith("gone ROLLBACK_COMPLETE", "gone DELETE_IN_PROGRESS User Initiated",
                    "gone DELETE_COMPLETE");
            assertThat(things.things).isEmpty();
        }

        @Test
        void deletionPolicyRetain_keepsTheResourceWhenTheStackIsDeleted() {
            String template = things("Kept:\n  Type: Test::Thing\n  DeletionPolicy: Retain", "Gone:\n  Type: Test::Thing");
            assertThat(create("ret", template)).isEqualTo("CREATE_COMPLETE");
            String stackId = cfn.client.describeStacks(b -> b.stackName("ret")).stacks().get(0).stackId();
            cfn.client.deleteStack(b -> b.stackName("ret"));
            assertThat(cfn.service.awaitSettled(stackId, java.time.Duration.ofSeconds(30)).stackStatus())
                    .isEqualTo("DELETE_COMPLETE");
            assertThat(things.things.keySet()).singleElement().asString().startsWith("ret-Kept-");
            assertThat(events(stackId)).contains("Kept DELETE_SKIPPED");
            assertThatThrownBy(() -> cfn.client.describeStacks(b -> b.stackName("ret")))
                    .isInstanceOf(CloudFormationException.class)
                    .hasMessageContaining("Stack with id ret does not exist");
        }

        @Test
        void createStack_withExistingName_failsWithAlreadyExists() {
            create("dup", things("A:\n  Type: Test::Thing"));
            assertThatThrownBy(() -> cfn.client.createStack(b -> b.stackName("dup")
                    .templateBody(things("A:\n  Type: Test::Thing"))))
                    .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AlreadyExistsException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stack [dup] already exists");
                    });
        }
    }

    @Nested
    class Update {
        @Test
        void changedProperty_isUpdatedInPlace_andUnchangedResourcesAreNotTouched() {
            create("u", things("A:\n  Type: Test::Thing\n  Properties:\n    Value: one", "B:\n  Type: Test::Thing"));
            String a = physicalId("u", "A");
            things.calls.clear();
            assertThat(update("u", things("A:\n  Type: Test::Thing\n  Properties:\n    Value: two",
                    "B:\n  Type: Test::Thing"))).isEqualTo("UPDATE_COMPLETE");
            assertThat(things.calls).containsExactly("update A");
            assertThat(physicalId("u", "A")).isEqualTo(a);
            assertThat(things.thing(a).orElseThrow().get("Value").asText()).isEqualTo("two");
            assertThat(events("u")).endsWith("u UPDATE_IN_PROGRESS User Initiated", "A UPDATE_IN_PROGRESS",
                    "A UPDATE_COMPLETE", "u UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "u UPDATE_COMPLETE");
        }

        @Test
        void changedCreateOnlyProperty_replacesTheResource_deletingTheOldOneDuringCleanup() {
            create("r", things("A:\n  Type: Test::Thing\n  Properties:\n    Name: old-name",
                    "B:\n  Type: Test::Thing\n  Properties:\n    Value: !Ref A"));
            things.calls.clear();
            assertThat(update("r", things("A:\n  Type: Test::Thing\n  Properties:\n    Name: new-name",
                    "B:\n  Type: Test::Thing\n  Properties:\n    Value: !Ref A"))).isEqualTo("UPDATE_COMPLETE");
            assertThat(things.calls).containsExactly("create A", "update B", "delete A");
            assertThat(things.things).doesNotContainKey("old-name").containsKey("new-name");
            assertThat(things.thing(physicalId("r", "B")).orElseThrow().get("Value").asText()).isEqualTo("new-name");
            assertThat(events("r")).contains(
                    "A UPDATE_IN_PROGRESS Requested update requires the creation of a new physical resource; "
                            + "hence creating one.",
                    "A UPDATE_IN_PROGRESS Resource creation Initiated");
        }

        @Test
        void removedResource_isDeleted_andAddedResourceCreated() {
            create("ar", things("A:\n  Type: Test::Thing", "B:\n  Type: Test::Thing"));
            things.calls.clear();
            assertThat(update("ar", things("A:\n  Type: Test::Thing", "C:\n  Type: Test::Thing")))
                    .isEqualTo("UPDATE_COMPLETE");
            assertThat(things.calls).containsExactly("create C", "delete B");
            assertThat(cfn.client.describeStackResources(b -> b.stackName("ar")).stackResources())
                    .extracting(StackResource::logicalResourceId).containsExactlyInAnyOrder("A", "C");
        }

        @Test
        void failedUpdate_restoresPreviousPropertiesExactly_andRemovesWhatItCreated() {
            String before = things("A:\n  Type: Test::Thing\n  Properties:\n    Value: v1\n    List: [1, 2]",
                    "B:\n  Type: Test::Thing\n  Properties:\n    Name: b-original");
            create("f", before);
            String a = physicalId("f", "A");
            var originalA = things.thing(a).orElseThrow().deepCopy();
            String after = things("A:\n  Type: Test::Thing\n  Properties:\n    Value: v2",
                    "B:\n  Type: Test::Thing\n  Properties:\n    Name: b-replacement",
                    "New:\n  Type: Test::Thing",
                    "Breaks:\n  Type: Test::Thing\n  DependsOn: [A, B, New]\n  Properties:\n    Fail: Invalid request");
            assertThat(update("f", after)).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
            assertThat(things.thing(a).orElseThrow()).isEqualTo(originalA);
            assertThat(things.things).containsOnlyKeys(a, "b-original");
            assertThat(physicalId("f", "B")).isEqualTo("b-original");
            assertThat(cfn.client.getTemplate(b -> b.stackName("f")).templateBody()).isEqualTo(before);
            assertThat(cfn.client.describeStackResources(b -> b.stackName("f")).stackResources())
                    .extracting(StackResource::logicalResourceId).containsExactlyInAnyOrder("A", "B");
            assertThat(events("f")).contains("f UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to "
                    + "create: [Breaks].", "f UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "f UPDATE_ROLLBACK_COMPLETE");
            // the stack can be updated again afterwards
            assertThat(update("f", things("A:\n  Type: Test::Thing\n  Properties:\n    Value: v3",
                    "B:\n  Type: Test::Thing\n  Properties:\n    Name: b-original"))).isEqualTo("UPDATE_COMPLETE");
        }

        @Test
        void failedInPlaceUpdate_isUndoneByUpdatingBackToThePreviousProperties() {
            create("fu", things("A:\n  Type: Test::Thing\n  Properties:\n    Value: v1"));
            String a = physicalId("fu", "A");
            assertThat(update("fu", things("A:\n  Type: Test::Thing\n  Properties:\n    Value: v2\n    FailUpdate: "
                    + "Throttled"))).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
            assertThat(things.thing(a).orElseThrow().toString()).isEqualTo("{\"Value\":\"v1\"}");
            assertThat(events("fu")).contains("A UPDATE_FAILED Throttled",
                    "fu UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to update: [A].");
        }

        @Test
        void identicalTemplate_failsWithNoUpdatesToBePerformed() {
            String template = things("A:\n  Type: Test::Thing");
            create("same", template);
            assertThatThrownBy(() -> cfn.client.updateStack(b -> b.stackName("same").templateBody(template)))
                    .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No updates are to be performed.");
                    });
        }

        @Test
        void rolledBackCreate_cannotGetAnUpdateChangeSet() {
            create("dead2", things("A:\n  Type: Test::Thing\n  Properties:\n    Fail: x"));
            String id = cfn.client.describeStacks(b -> b.stackName("dead2")).stacks().get(0).stackId();
            assertThatThrownBy(() -> cfn.client.createChangeSet(b -> b.stackName("dead2").changeSetName("c")
                    .templateBody(things("B:\n  Type: Test::Thing"))))
                    .hasMessageContaining("Stack:" + id + " is in ROLLBACK_COMPLETE state and can not be updated.");
        }

        @Test
        void updateReplacePolicyRetain_keepsTheReplacedResource_andDeletionPolicyRetainKeepsARemovedOne() {
            create("keep", things("A:\n  Type: Test::Thing\n  UpdateReplacePolicy: Retain\n  Properties:\n    Name: a1",
                    "B:\n  Type: Test::Thing\n  DeletionPolicy: Retain\n  Properties:\n    Name: b1"));
            assertThat(update("keep", things("A:\n  Type: Test::Thing\n  UpdateReplacePolicy: Retain\n  Properties:\n"
                    + "    Name: a2"))).isEqualTo("UPDATE_COMPLETE");
            assertThat(things.things).containsOnlyKeys("a1", "a2", "b1");
            assertThat(events("keep")).contains("A DELETE_SKIPPED", "B DELETE_SKIPPED");
            assertThat(cfn.client.describeStackResources(b -> b.stackName("keep")).stackResources())
                    .extracting(StackResource::logicalResourceId).containsExactly("A");
        }

        @Test
        void usePreviousTemplate_withANewParameterValue_updates() {
            create("prev", "Parameters:\n  V:\n    Type: String\n    Default: one\nResources:\n  A:\n"
                    + "    Type: Test::Thing\n    Properties:\n      Value: !Ref V\n");
            cfn.client.updateStack(b -> b.stackName("prev").usePreviousTemplate(true)
                    .parameters(p -> p.parameterKey("V").parameterValue("two")));
            assertThat(cfn.await("prev").stackStatus()).isEqualTo("UPDATE_COMPLETE");
            assertThat(things.thing(physicalId("prev", "A")).orElseThrow().get("Value").asText()).isEqualTo("two");
        }

        @Test
        void updateWithoutTags_keepsTheStacksTags() {
            String template = things("A:\n  Type: Test::Thing");
            cfn.client.createStack(b -> b.stackName("tags").templateBody(template).tags(t -> t.key("team").value("a")));
            cfn.await("tags");
            assertThatThrownBy(() -> cfn.client.updateStack(b -> b.stackName("tags").templateBody(template)))
                    .hasMessageContaining("No updates are to be performed.");
            assertThat(update("tags", things("A:\n  Type: Test::Thing\n  Properties:\n    Value: 2")))
                    .isEqualTo("UPDATE_COMPLETE");
            assertThat(cfn.client.describeStacks(b -> b.stackName("tags")).stacks().get(0).tags())
                    .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=a");
        }

        @Test
        void rolledBackCreate_cannotBeUpdated() {
            create("dead", things("A:\n  Type: Test::Thing\n  Properties:\n    Fail: x"));
            String id = cfn.client.describeStacks(b -> b.stackName("dead")).stacks().get(0).stackId();
            assertThatThrownBy(() -> cfn.client.updateStack(b -> b.stackName("dead")
                    .templateBody(things("B:\n  Type: Test::Thing"))))
                    .hasMessageContaining("Stack:" + id + " is in ROLLBACK_COMPLETE state and can not be updated.");
        }
    }

    @Nested
    class ChangeSets {
        @Test
        void createChangeSet_ofTypeCreate_putsTheStackInReviewAndExecutes() {
            String template = things("A:\n  Type: Test::Thing", "B:\n  Type: Test::Thing");
            var created = cfn.client.createChangeSet(b -> b.stackName("cs").changeSetName("first")
                    .changeSetType(ChangeSetType.CREATE).templateBody(template));
            assertThat(created.id()).startsWith("arn:aws:cloudformation:us-east-1:000000000000:changeSet/first/");
            assertThat(cfn.client.describeStacks(b -> b.stackName("cs")).stacks().get(0).stackStatusAsString())
                    .isEqualTo("REVIEW_IN_PROGRESS");
            DescribeChangeSetResponse cs = cfn.client.describeChangeSet(b -> b.stackName("cs").changeSetName("first"));
            assertThat(cs.statusAsString()).isEqualTo("CREATE_COMPLETE");
            assertThat(cs.executionStatusAsString()).isEqualTo("AVAILABLE");
            assertThat(cs.changes()).extracting(c -> c.resourceChange().actionAsString() + " "
                    + c.resourceChange().logicalResourceId()).containsExactly("Add A", "Add B");
            assertThat(things.calls).isEmpty();
            cfn.client.executeChangeSet(b -> b.stackName("cs").changeSetName("first"));
            assertThat(cfn.await("cs").stackStatus()).isEqualTo("CREATE_COMPLETE");
            assertThat(things.things).hasSize(2);
            assertThat(cfn.client.describeChangeSet(b -> b.stackName("cs").changeSetName("first"))
                    .executionStatusAsString()).isEqualTo("EXECUTE_COMPLETE");
            assertThat(cfn.client.describeStacks(b -> b.stackName("cs")).stacks().get(0).changeSetId())
                    .isEqualTo(created.id());
        }

        @Test
        void updateChangeSet_describesModifyReplaceAndRemove() {
            create("cu", things("Keep:\n  Type: Test::Thing\n  Properties:\n    Value: 1",
                    "Rename:\n  Type: Test::Thing\n  Properties:\n    Name: n1",
                    "Follows:\n  Type: Test::Thing\n  Properties:\n    Name: !Sub '${Rename}-child'",
                    "Drop:\n  Type: Test::Thing"));
            cfn.client.createChangeSet(b -> b.stackName("cu").changeSetName("next").templateBody(
                    things("Keep:\n  Type: Test::Thing\n  Properties:\n    Value: 2",
                            "Rename:\n  Type: Test::Thing\n  Properties:\n    Name: n2",
                            "Follows:\n  Type: Test::Thing\n  Properties:\n    Name: !Sub '${Rename}-child'",
                            "Added:\n  Type: Test::Thing")));
            List<ResourceChange> changes = cfn.client.describeChangeSet(b -> b.stackName("cu").changeSetName("next"))
                    .changes().stream().map(c -> c.resourceChange()).toList();
            assertThat(changes).extracting(c -> c.actionAsString() + " " + c.logicalResourceId() + " "
                    + c.replacementAsString()).containsExactlyInAnyOrder(
                    "Modify Keep False", "Modify Rename True", "Modify Follows Conditional", "Add Added null",
                    "Remove Drop null");
            ResourceChange keep = changes.stream().filter(c -> c.logicalResourceId().equals("Keep")).findFirst()
                    .orElseThrow();
            assertThat(keep.details().get(0).target().name()).isEqualTo("Value");
            assertThat(keep.details().get(0).target().requiresRecreationAsString()).isEqualTo("Never");
            assertThat(keep.scopeAsStrings()).containsExactly("Properties");
            cfn.client.executeChangeSet(b -> b.stackName("cu").changeSetName("next"));
            assertThat(cfn.await("cu").stackStatus()).isEqualTo("UPDATE_COMPLETE");
            assertThat(things.things).containsKeys("n2", "n2-child").doesNotContainKeys("n1", "n1-child");
        }

        @Test
        void changeSetWithoutChanges_failsWithAwsReason_andCannotBeExecuted() {
            String template = things("A:\n  Type: Test::Thing");
            create("nc", template);
            cfn.client.createChangeSet(b -> b.stackName("nc").changeSetName("empty").templateBody(template));
            DescribeChangeSetResponse cs = cfn.client.describeChangeSet(b -> b.stackName("nc").changeSetName("empty"));
            assertThat(cs.statusAsString()).isEqualTo("FAILED");
            assertThat(cs.executionStatusAsString()).isEqualTo("UNAVAILABLE");
            assertThat(cs.statusReason()).isEqualTo("The submitted information didn't contain changes. Submit "
                    + "different information to create a change set.");
            assertThatThrownBy(() -> cfn.client.executeChangeSet(b -> b.stackName("nc").changeSetName("empty")))
                    .isInstanceOfSatisfying(CloudFormationException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidChangeSetStatus"));
            cfn.client.deleteChangeSet(b -> b.stackName("nc").changeSetName("empty"));
            assertThat(cfn.client.listChangeSets(b -> b.stackName("nc")).summaries()).isEmpty();
            assertThatThrownBy(() -> cfn.client.describeChangeSet(b -> b.stackName("nc").changeSetName("empty")))
                    .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ChangeSetNotFound");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ChangeSet [empty] does not exist");
                    });
        }
    }

    @Nested
    class Exports {
        @Test
        void importValue_readsAnotherStacksExport_andBlocksItsDeletion() {
            create("producer", "Resources:\n  A:\n    Type: Test::Thing\nOutputs:\n  Out:\n    Value: !Ref A\n"
                    + "    Export:\n      Name: shared-a\n");
            create("consumer", things("B:\n  Type: Test::Thing\n  Properties:\n    Value: !ImportValue shared-a"));
            assertThat(things.thing(physicalId("consumer", "B")).orElseThrow().get("Value").asText())
                    .isEqualTo(physicalId("producer", "A"));
            assertThat(cfn.client.listExports().exports()).extracting(e -> e.name() + "=" + e.value())
                    .containsExactly("shared-a=" + physicalId("producer", "A"));
            assertThat(cfn.client.listImports(b -> b.exportName("shared-a")).imports()).containsExactly("consumer");
            cfn.client.deleteStack(b -> b.stackName("producer"));
            assertThat(cfn.await("producer").stackStatus()).isEqualTo("DELETE_FAILED");
            assertThat(cfn.client.describeStacks(b -> b.stackName("producer")).stacks().get(0).stackStatusReason())
                    .isEqualTo("Export shared-a cannot be deleted as it is in use by consumer");
        }

        @Test
        void importOfMissingExport_isRejectedByCreateStack() {
            assertThatThrownBy(() -> cfn.client.createStack(b -> b.stackName("lonely").templateBody(
                    things("B:\n  Type: Test::Thing\n  Properties:\n    Value: !ImportValue nope"))))
                    .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No export named nope found.");
                    });
        }

        @Test
        void exportNameAlreadyExportedByAnotherStack_failsTheSecondStack() {
            String exporting = "Resources:\n  A:\n    Type: Test::Thing\nOutputs:\n  Out:\n    Value: !Ref A\n"
                    + "    Export:\n      Name: same-name\n";
            create("one", exporting);
            assertThat(create("two", exporting)).isEqualTo("ROLLBACK_COMPLETE");
            assertThat(cfn.client.describeStacks(b -> b.stackName("two")).stacks().get(0).stackStatusAsString())
                    .isEqualTo("ROLLBACK_COMPLETE");
            assertThat(events("two")).contains("two ROLLBACK_IN_PROGRESS Export with name same-name is already "
                    + "exported by stack one");
        }
    }
}
