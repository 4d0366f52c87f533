package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.ValidateTemplateResponse;

/**
 * Bad templates and parameters get CloudFormation's ValidationError with its message. Messages
 * from AWS's knowledge-center article on template validation errors and recorded CLI output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateValidationTest {
    private final LocalCloudFormation cfn = new LocalCloudFormation(List.of(new ThingProvider()));

    @AfterAll
    void close() {
        cfn.close();
    }

    private void assertValidationError(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CloudFormationException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private void assertInvalid(String template, String message) {
        assertValidationError(() -> cfn.client.validateTemplate(b -> b.templateBody(template)), message);
    }

    @Test
    void unresolvedRef_isReportedWithTheResourcesBlock() {
        assertInvalid("Resources:\n  A:\n    Type: Test::Thing\n    Properties:\n      V: !Ref Missing\n",
                "Template format error: Unresolved resource dependencies [Missing] in the Resources block of the "
                        + "template");
    }

    @Test
    void unresolvedDependsOnAndSubVariables_areListedSorted() {
        assertInvalid("Resources:\n  A:\n    Type: Test::Thing\n    DependsOn: [Zed]\n    Properties:\n"
                        + "      V: !Sub '${Alpha}'\n",
                "Template format error: Unresolved resource dependencies [Alpha, Zed] in the Resources block of the "
                        + "template");
    }

    @Test
    void unresolvedRefInOutputs_isReportedWithTheOutputsBlock() {
        assertInvalid("Resources:\n  A:\n    Type: Test::Thing\nOutputs:\n  O:\n    Value: !Ref Nope\n",
                "Template format error: Unresolved resource dependencies [Nope] in the Outputs block of the template");
    }

    @Test
    void circularDependency_namesTheResourcesInTheCycle() {
        assertInvalid("Resources:\n  A:\n    Type: Test::Thing\n    Properties:\n      V: !GetAtt B.Arn\n"
                        + "  B:\n    Type: Test::Thing\n    DependsOn: A\n  C:\n    Type: Test::Thing\n    DependsOn: A\n",
                "Circular dependency between resources: [A, B]");
    }

    @Test
    void refToAResourceWhoseConditionIsFalse_isUnresolved_unlessInTheUnusedBranchOfFnIf() {
        String template = "Parameters:\n  On:\n    Type: String\n    Default: 'no'\nConditions:\n"
                + "  IsOn: !Equals [!Ref On, 'yes']\nResources:\n  Maybe:\n    Type: Test::Thing\n    Condition: IsOn\n"
                + "  Guarded:\n    Type: Test::Thing\n    Properties:\n      V: !If [IsOn, !Ref Maybe, !Ref AWS::NoValue]\n"
                + "  User:\n    Type: Test::Thing\n    Properties:\n      V: !GetAtt Maybe.Arn\n";
        // serverless/serverless#4535: "Template format error: Unresolved resource dependencies [X] in the
        // Resources block of the template" from CreateChangeSet when X's condition is false (2017)
        assertValidationError(() -> cfn.client.createStack(b -> b.stackName("cond").templateBody(template)),
                "Template format error: Unresolved resource dependencies [Maybe] in the Resources block of the "
                        + "template");
        cfn.client.createStack(b -> b.stackName("cond-on").templateBody(template)
                .parameters(p -> p.parameterKey("On").parameterValue("yes")));
        assertThat(cfn.await("cond-on").stackStatus()).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void resourceWithoutType_isAFormatError() {
        assertInvalid("Resources:\n  A:\n    Properties: {}\n",
                "Template format error: Every Resources object must contain a Type member.");
    }

    @Test
    void resourceThatIsNotAnObject_isAFormatError() {
        assertInvalid("Resources:\n  A: just a string\n", "Template format error: Every Resources member must be an object.");
    }

    @Test
    void unknownResourceAttribute_isAnInvalidResourceProperty() {
        assertInvalid("Resources:\n  A:\n    Type: Test::Thing\n    Propertes: {}\n",
                "Invalid template resource property 'Propertes'");
    }

    @Test
    void metadataThatIsNotAnObject_isAFormatError() {
        assertInvalid("Resources:\n  A:\n    Type: Test::Thing\n    Metadata: Some text\n",
                "Template format error: Any Metadata member must be an object.");
    }

    @Test
    void getAttOfUndefinedResource_isATemplateError() {
        assertInvalid("Resources:\n  A:\n    Type: Test::Thing\n    Properties:\n      V: !GetAtt Ghost.Arn\n",
                "Template error: instance of Fn::GetAtt references undefined resource Ghost");
    }

    @Test
    void missingResources_isAFormatError() {
        assertInvalid("Description: nothing\n", "Template format error: At least one Resources member must be defined.");
    }

    @Test
    void unknownTopLevelSection_isAFormatError() {
        assertInvalid("Resource:\n  A:\n    Type: Test::Thing\nResources:\n  A:\n    Type: Test::Thing\n",
                "Template format error: Invalid template property or properties [Resource]");
    }

    @Test
    void unknownResourceTypeNamespace_isUnrecognized() {
        assertInvalid("Resources:\n  A:\n    Type: Acme::Widget\n",
                "Template format error: Unrecognized resource types: [Acme::Widget]");
    }

    @Test
    void malformedJson_reportsLineAndColumn() {
        assertInvalid("{\n  \"Resources\": {\n    \"A\": {\"Type\" \"Test::Thing\"}\n  }\n}",
                "Template format error: JSON not well-formed. (line 3, column 18)");
    }

    @Test
    void malformedYaml_reportsLineAndColumn() {
        assertInvalid("Resources:\n  A:\n    Type: [unclosed\n", "Template format error: YAML not well-formed. (line 4, column 1)");
    }

    @Test
    void unknownParameterType_isAFormatError() {
        assertInvalid("Parameters:\n  P:\n    Type: Strin\nResources:\n  A:\n    Type: Test::Thing\n",
                "Template format error: Unrecognized parameter type: Strin");
    }

    @Test
    void validateTemplate_describesParametersAndRequiredCapabilities() {
        ValidateTemplateResponse r = cfn.client.validateTemplate(b -> b.templateBody(
                "Description: d\nParameters:\n  P:\n    Type: String\n    Default: x\n    NoEcho: true\n"
                        + "    Description: the p\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n"
                        + "      RoleName: named\n      AssumeRolePolicyDocument: {}\n"));
        assertThat(r.description()).isEqualTo("d");
        assertThat(r.parameters()).singleElement().satisfies(p -> {
            assertThat(p.parameterKey()).isEqualTo("P");
            assertThat(p.defaultValue()).isEqualTo("x");
            assertThat(p.noEcho()).isTrue();
            assertThat(p.description()).isEqualTo("the p");
        });
        assertThat(r.capabilitiesAsStrings()).containsExactly("CAPABILITY_NAMED_IAM");
    }

    private static final String PARAMS = "Parameters:\n"
            + "  Stage:\n    Type: String\n    AllowedValues: [dev, prod]\n"
            + "  Name:\n    Type: String\n    Default: ok\n    AllowedPattern: '[a-z]+'\n    MinLength: 2\n    MaxLength: 4\n"
            + "  Count:\n    Type: Number\n    Default: 5\n    MinValue: 1\n    MaxValue: 9\n"
            + "  Described:\n    Type: String\n    Default: a\n    AllowedValues: [a, b]\n"
            + "    ConstraintDescription: must be a or b\n"
            + "Resources:\n  A:\n    Type: Test::Thing\n";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "Stage|test|Parameter 'Stage' must be one of AllowedValues",
        "Name|UPPER|Parameter 'Name' must match pattern [a-z]+",
        "Name|a|Parameter 'Name' must contain at least 2 characters",
        "Name|abcde|Parameter 'Name' must contain at most 4 characters",
        "Count|x|Parameter 'Count' must be a number",
        "Count|0|Parameter 'Count' must be a number not less than 1",
        "Count|10|Parameter 'Count' must be a number not greater than 9",
        "Described|c|Parameter Described failed to satisfy constraint: must be a or b",
    })
    void parameterValuesBreakingConstraints_areRejected(String key, String value, String message) {
        assertValidationError(() -> cfn.client.createStack(b -> b.stackName("p").templateBody(PARAMS).parameters(
                p -> p.parameterKey("Stage").parameterValue("dev"), p -> p.parameterKey(key).parameterValue(value))),
                message);
    }

    @Test
    void parameterWithoutValueOrDefault_mustHaveValues() {
        assertValidationError(() -> cfn.client.createStack(b -> b.stackName("p").templateBody(PARAMS)),
                "Parameters: [Stage] must have values");
    }

    @Test
    void undeclaredParameter_doesNotExistInTheTemplate() {
        assertValidationError(() -> cfn.client.createStack(b -> b.stackName("p").templateBody(PARAMS).parameters(
                p -> p.parameterKey("Stage").parameterValue("dev"), p -> p.parameterKey("Extra").parameterValue("1"))),
                "Parameters: [Extra] do not exist in the template");
    }

    @Test
    void iamResourcesWithoutCapabilities_failWithInsufficientCapabilities() {
        assertThatThrownBy(() -> cfn.client.createStack(b -> b.stackName("iam").templateBody(
                "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n")))
                .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InsufficientCapabilitiesException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requires capabilities : [CAPABILITY_IAM]");
                });
    }

    @Test
    void describeStacksOfUnknownStack_failsWithDoesNotExist() {
        assertValidationError(() -> cfn.client.describeStacks(b -> b.stackName("nope")),
                "Stack with id nope does not exist");
    }

    @Test
    void describeStackEventsOfUnknownStack_failsWithDoesNotExist() {
        assertValidationError(() -> cfn.client.describeStackEvents(b -> b.stackName("nope")),
                "Stack [nope] does not exist");
    }

    @Test
    void updateOfUnknownStack_failsWithDoesNotExist() {
        assertValidationError(() -> cfn.client.updateStack(b -> b.stackName("nope")
                .templateBody("Resources:\n  A:\n    Type: Test::Thing\n")), "Stack [nope] does not exist");
    }

    @Test
    void invalidStackName_failsWithTheConstraint() {
        assertValidationError(() -> cfn.client.createStack(b -> b.stackName("1bad")
                .templateBody("Resources:\n  A:\n    Type: Test::Thing\n")),
                "1 validation error detected: Value '1bad' at 'stackName' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
    }
}
