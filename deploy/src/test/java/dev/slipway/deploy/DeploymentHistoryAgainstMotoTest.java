package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.deploy.release.Change;
import dev.slipway.deploy.release.Deployment;
import dev.slipway.deploy.release.DeploymentHistory;
import dev.slipway.deploy.release.Outcome;
import dev.slipway.deploy.release.Strategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The deployment history kept as JSON objects in the deployment bucket, against moto_server's S3
 * (an independent emulator): the same calls work on AWS.
 */
class DeploymentHistoryAgainstMotoTest {
    static MotoServer moto;
    static S3Client s3;

    @BeforeAll
    static void startMoto() throws Exception {
        assumeTrue(MotoServer.installed(), "moto_server is not installed (pip install 'moto[server]'); skipping");
        moto = MotoServer.start();
        Target target = new Target(Target.Kind.AWS, Optional.of(moto.endpoint), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        s3 = target.s3();
        s3.createBucket(b -> b.bucket("deploys"));
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            s3.close();
            moto.close();
        }
    }

    /** A clock that moves one second each time it is read. */
    private static Clock ticking(Instant start) {
        return new Clock() {
            private Instant now = start;

            @Override
            public synchronized Instant instant() {
                Instant t = now;
                now = now.plus(Duration.ofSeconds(1));
                return t;
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    @Test
    void deployments_areListedNewestFirst_withTheirChangesOutcomesAndReasons() {
        DeploymentHistory history = new DeploymentHistory(s3, "deploys", "rewards-dev",
                ticking(Instant.parse("2026-11-26T15:00:00Z")));
        Deployment first = history.start("dev", Strategy.ALL_AT_ONCE,
                List.of(new Change("users", "rewards-dev-users", Optional.empty(), "1")));
        assertThat(first.outcome()).isEqualTo(Outcome.IN_PROGRESS);
        assertThat(first.id()).startsWith("20261126-150000-000-");
        history.finish(first.id(), Outcome.SUCCEEDED, "");
        Deployment second = history.start("dev", "Canary10Percent5Minutes",
                List.of(new Change("users", "rewards-dev-users", Optional.of("1"), "2")));
        history.finish(second.id(), Outcome.FAILED, "error rate 50% of version 2 is above 5%");
        Deployment rollback = history.record("dev", Deployment.ROLLBACK,
                List.of(new Change("users", "rewards-dev-users", Optional.of("2"), "1")), Outcome.SUCCEEDED,
                "rollback of deployment " + second.id());
        history.mark(first.id(), Outcome.ROLLED_BACK, "rolled back by " + rollback.id());

        List<Deployment> all = history.list();
        assertThat(all).extracting(Deployment::id).containsExactly(rollback.id(), second.id(), first.id());
        assertThat(all.get(1).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(all.get(1).reason()).isEqualTo("error rate 50% of version 2 is above 5%");
        assertThat(all.get(1).strategy()).isEqualTo("Canary10Percent5Minutes");
        assertThat(all.get(1).changes()).containsExactly(
                new Change("users", "rewards-dev-users", Optional.of("1"), "2"));
        assertThat(all.get(2).changes().get(0).fromVersion()).isEmpty();
        assertThat(all.get(2).outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(all.get(2).finishedAt()).contains(Instant.parse("2026-11-26T15:00:01Z"));
        assertThat(all.get(0).isRollback()).isTrue();
        assertThat(history.get(second.id())).contains(all.get(1));
        assertThat(history.get("20200101-000000-000-0000")).isEmpty();
        assertThat(new DeploymentHistory(s3, "deploys", "other-dev", Clock.systemUTC()).list()).isEmpty();
    }

    @Test
    void finishingAnUnknownDeployment_saysWhereToLook() {
        DeploymentHistory history = new DeploymentHistory(s3, "deploys", "missing-dev", Clock.systemUTC());
        assertThatThrownBy(() -> history.finish("nope", Outcome.SUCCEEDED, ""))
                .isInstanceOf(DeployException.class).hasMessage("No deployment nope in the history")
                .satisfies(e -> assertThat(((DeployException) e).hint()).contains("slipway deployments"));
    }

    @Test
    void aStackWithoutTheBucketOutput_isRefusedWithTheFix() {
        Target target = new Target(Target.Kind.AWS, Optional.of(moto.endpoint), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        assertThatThrownBy(() -> DeploymentHistory.of(target, Map.of(), "x-dev"))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("has no output ServerlessDeploymentBucketName");
        assertThatThrownBy(() -> DeploymentHistory.forStack(target, "never-deployed-dev"))
                .isInstanceOf(DeployException.class)
                .hasMessage("Stack never-deployed-dev does not exist on AWS us-east-1 via " + moto.endpoint);
    }
}
