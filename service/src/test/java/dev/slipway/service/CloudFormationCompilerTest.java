package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the deployer relies on beyond the template itself. */
class CloudFormationCompilerTest {
    private static final CompileOptions AT = new CompileOptions(Instant.parse("2026-11-26T12:00:00.123Z"),
            Optional.empty());

    @Test
    void peerRewards_uploadsItsOneArtifactOnceUnderTheFrameworksKey() {
        ServiceProject p = Corpus.load("peer-rewards");
        CompiledStack stack = CloudFormationCompiler.compile(p.service(), AT);
        assertThat(stack.stackName()).isEqualTo("peer-rewards-dev");
        assertThat(stack.artifactDirectory()).isEqualTo("serverless/peer-rewards/dev/1795694400123-2026-11-26T12:00:00.123Z");
        assertThat(stack.uploads()).singleElement().satisfies(u -> {
            assertThat(u.localPath()).isEqualTo(Corpus.dir("peer-rewards").resolve("target/peer-rewards.jar"));
            assertThat(u.s3Key()).isEqualTo(stack.artifactDirectory() + "/peer-rewards.jar");
        });
        assertThat(stack.deploymentBucket()).isEmpty();
        assertThat(stack.createTemplate().path("Resources").size()).isEqualTo(2);
        assertThat(stack.createTemplate().path("Outputs").path("ServerlessDeploymentBucketName").path("Export")
                .path("Name").asText()).isEqualTo("sls-peer-rewards-dev-ServerlessDeploymentBucketName");
        assertThat(stack.template().path("Resources").path("ApiGatewayDeployment1795694400123").isObject()).isTrue();
    }

    @Test
    void aGivenDeploymentBucket_replacesTheFrameworksBucket() {
        ServiceProject p = Corpus.load("peer-rewards");
        CompiledStack stack = CloudFormationCompiler.compile(p.service(), AT.withDeploymentBucket("team-bucket"));
        JsonNode t = stack.template();
        assertThat(t.path("Resources").has("ServerlessDeploymentBucket")).isFalse();
        assertThat(t.path("Resources").path("UsersLambdaFunction").path("Properties").path("Code").path("S3Bucket")
                .asText()).isEqualTo("team-bucket");
        assertThat(t.path("Outputs").path("ServerlessDeploymentBucketName").path("Value").asText())
                .isEqualTo("team-bucket");
        assertThat(stack.deploymentBucket()).contains("team-bucket");
    }

    @Test
    void theModel_exposesWhatOfflineAndDeployNeed() {
        Service s = Corpus.load("peer-rewards").service();
        FunctionSpec users = s.function("users").orElseThrow();
        assertThat(users.deployedName()).isEqualTo("peer-rewards-dev-users");
        assertThat(users.memorySize()).isEqualTo(512);
        assertThat(users.timeout()).isEqualTo(10);
        assertThat(users.runtime()).isEqualTo("java21");
        assertThat(users.environment().get("TBL_PREFIX").asText()).isEqualTo("dev-rewards");
        assertThat(users.httpEvents()).singleElement().satisfies(h -> {
            assertThat(h.path()).isEqualTo("users");
            assertThat(h.method()).isEqualTo("GET");
            assertThat(h.cors()).isPresent();
        });
        Event.Schedule schedule = s.function("generate").orElseThrow().scheduleEvents().get(0);
        assertThat(schedule.expressions()).containsExactly("rate(1 minute)");
        assertThat(schedule.enabled()).isFalse();
        assertThat(s.slipway().site()).contains(Corpus.dir("peer-rewards").resolve("web"));
        assertThat(s.slipway().deployment()).contains("canary10Percent5Minutes");
        assertThat(s.slipway().alias()).contains("live");
        assertThat(s.slipway().pruneKeep()).contains(3);
        assertThat(s.plugins()).containsExactly("serverless-offline");
        assertThat(s.resources().path("Resources").has("RewardsTable")).isTrue();
    }
}
