package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloudformation.providers.IamStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IAM roles, inline and managed policies are recorded with the attributes templates reference. */
class IamProvidersTest {
    private final IamStore iam = new IamStore();
    private final CloudFormationService cfn = CloudFormationService.builder().iam(iam)
            .providers(List.of(new ThingProvider())).build();

    @AfterEach
    void close() {
        cfn.close();
    }

    private static final String TEMPLATE = """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: fn-role
                  Path: /service/
                  AssumeRolePolicyDocument:
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  Policies:
                    - PolicyName: logs
                      PolicyDocument: {Statement: [{Effect: Allow, Action: 'logs:*', Resource: '*'}]}
              Extra:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: tables
                  PolicyDocument: {Statement: [{Effect: Allow, Action: 'dynamodb:*', Resource: '*'}]}
                  Roles: [!Ref Role]
              Managed:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument: {Statement: [{Effect: Allow, Action: 's3:GetObject', Resource: '*'}]}
              User:
                Type: Test::Thing
                Properties:
                  Value: !Join [' ', [!GetAtt Role.Arn, !GetAtt Role.RoleId, !Ref Managed]]
            Outputs:
              RoleName:
                Value: !Ref Role
            """;

    @Test
    void roleAndPolicies_areRecorded_withArnAndRoleId() {
        cfn.createStack(StackRequest.of("iam", TEMPLATE, List.of()));
        StackDescription stack = cfn.awaitSettled("iam", Duration.ofSeconds(30));
        assertThat(stack.stackStatus()).isEqualTo("CREATE_COMPLETE");
        IamStore.Role role = iam.role("fn-role").orElseThrow();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::000000000000:role/service/fn-role");
        assertThat(role.roleId()).matches("AROA[A-Z0-9]{17}");
        assertThat(role.inlinePolicies()).containsOnlyKeys("logs", "tables");
        String managedArn = cfn.describeStackResource("iam", "Managed").physicalResourceId();
        assertThat(managedArn).matches("arn:aws:iam::000000000000:policy/iam-Managed-[A-Z0-9]{12}");
        assertThat(iam.managedPolicy(managedArn)).isPresent();
        Map<String, String> outputs = stack.outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
        assertThat(outputs).containsEntry("RoleName", "fn-role");

        cfn.deleteStack("iam", List.of());
        cfn.awaitSettled(stack.stackId(), Duration.ofSeconds(30));
        assertThat(iam.role("fn-role")).isEmpty();
        assertThat(iam.managedPolicy(managedArn)).isEmpty();
    }
}
