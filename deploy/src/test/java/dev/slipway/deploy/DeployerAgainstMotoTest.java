package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The deployer against moto_server, an independent AWS emulator: proves it speaks real
 * CloudFormation and S3 (the same code targets the local cloud and AWS).
 */
class DeployerAgainstMotoTest {
    static MotoServer moto;

    @BeforeAll
    static void startMoto() throws Exception {
        assumeTrue(MotoServer.installed(), "moto_server is not installed (pip install 'moto[server]'); skipping");
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    private Target target() {
        return new Target(Target.Kind.AWS, Optional.of(moto.endpoint), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    private static ObjectNode template(String tableName, boolean withTable) throws Exception {
        String json = """
            {"AWSTemplateFormatVersion":"2010-09-09",
             "Resources":{
               "ServerlessDeploymentBucket":{"Type":"AWS::S3::Bucket"},
               %s
             },
             "Outputs":{"ServerlessDeploymentBucketName":{"Value":{"Ref":"ServerlessDeploymentBucket"}}%s}}
            """.formatted(
                withTable ? """
                    "UsersTable":{"Type":"AWS::DynamoDB::Table","Properties":{"TableName":"%s",
                      "BillingMode":"PAY_PER_REQUEST",
                      "AttributeDefinitions":[{"AttributeName":"username","AttributeType":"S"}],
                      "KeySchema":[{"AttributeName":"username","KeyType":"HASH"}]}}""".formatted(tableName)
                        : "\"Placeholder\":{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}",
                withTable ? ",\"TableArn\":{\"Value\":{\"Fn::GetAtt\":[\"UsersTable\",\"Arn\"]}}" : "");
        return (ObjectNode) Json.parse(json);
    }

    @Test
    void deploy_createsStackWithBucketFirst_uploadsArtifacts_thenAppliesFullTemplate(@TempDir Path dir) throws Exception {
        Path artifact = Files.writeString(dir.resolve("app.jar"), "not really a jar");
        List<String> phases = new ArrayList<>();
        DeployListener listener = new DeployListener() {
            @Override
            public void phase(String d) {
                phases.add(d);
            }

            @Override
            public void stackEvent(String id, String type, String status, String reason) {}
        };
        try (Deployer deployer = new Deployer(target(), listener, Clock.systemUTC())) {
            DeploymentPlan plan = new DeploymentPlan("svc-dev", template("svc-dev-users", true), Optional.of(template("", false)),
                    List.of(new DeploymentPlan.Artifact(artifact, "serverless/svc/dev/1/app.jar")),
                    DeploymentPlan.FRAMEWORK_BUCKET, "", Optional.of("fp-1"));
            Deployer.Result result = deployer.deploy(plan);

            assertThat(result.stackStatus()).isIn("CREATE_COMPLETE", "UPDATE_COMPLETE");
            assertThat(phases.get(0)).startsWith("Creating stack svc-dev with its deployment bucket");
            // moto does not fill Outputs for stacks made through change sets, so read the resources.
            try (var cfn = target().cloudFormation(); var s3 = target().s3()) {
                var resources = cfn.listStackResources(b -> b.stackName("svc-dev")).stackResourceSummaries();
                assertThat(resources).extracting(r -> r.logicalResourceId())
                        .containsExactlyInAnyOrder("ServerlessDeploymentBucket", "UsersTable");
                assertThat(resources).filteredOn(r -> r.logicalResourceId().equals("UsersTable"))
                        .extracting(r -> r.physicalResourceId()).containsExactly("svc-dev-users");
                String bucket = resources.stream().filter(r -> r.logicalResourceId().equals("ServerlessDeploymentBucket"))
                        .findFirst().orElseThrow().physicalResourceId();
                assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("serverless/svc/dev/1/app.jar")).asUtf8String())
                        .isEqualTo("not really a jar");
            }

            deployer.remove("svc-dev");
            assertThat(deployer.describe("svc-dev")).satisfiesAnyOf(
                    s -> assertThat(s).isEmpty(),
                    s -> assertThat(s.get().stackStatusAsString()).isEqualTo("DELETE_COMPLETE"));
        }
    }

    @Test
    void remove_ofMissingStack_saysSoWithAHint() {
        try (Deployer deployer = new Deployer(target(), DeployListener.SILENT, Clock.systemUTC())) {
            assertThatThrownBy(() -> deployer.remove("no-such-stack"))
                    .isInstanceOf(DeployException.class)
                    .hasMessageContaining("Stack no-such-stack does not exist");
        }
    }
}
