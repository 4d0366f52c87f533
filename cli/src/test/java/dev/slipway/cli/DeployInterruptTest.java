package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloud.LocalCloud;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code slipway deploy}: a real CLI process gets SIGINT while its stack update waits
 * on a slow resource; it says what it left (the update cancelled, rolling back), the stack returns
 * to the previous deployment, and the next deploy succeeds.
 */
@EnabledOnOs(OS.LINUX)
class DeployInterruptTest {
    @TempDir
    static Path service;

    static LocalCloud cloud;

    static final String SERVICE = """
            service: stopme
            frameworkVersion: '3'
            provider:
              name: aws
              runtime: java21
              memorySize: 256
            package:
              artifact: target/echo.jar
            functions:
              echo:
                handler: dev.slipway.cli.deployfn.Echo
            """;

    /** The same service plus a wait condition that holds the stack update for ten minutes. */
    static final String SLOW = SERVICE + """
            resources:
              Resources:
                SlowHandle:
                  Type: AWS::CloudFormation::WaitConditionHandle
                Slow:
                  Type: AWS::CloudFormation::WaitCondition
                  Properties:
                    Handle: !Ref SlowHandle
                    Timeout: '600'
            """;

    @BeforeAll
    static void startCloudAndWriteService() throws Exception {
        cloud = LocalCloud.builder().port(0).start();
        TestJars.write(service.resolve("target/echo.jar"), "dev/slipway/cli/deployfn", Map.of());
    }

    @AfterAll
    static void stopCloud() {
        cloud.close();
    }

    static int deployInProcess(StringWriter out) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(out, true),
                "deploy", "--dir", service.toString(), "--endpoint", cloud.url());
    }

    String status() {
        return cloud.cloudFormation().describeStacks(java.util.Optional.of("stopme-dev")).get(0).stackStatus();
    }

    boolean slowResourceWaiting() {
        return cloud.cloudFormation().describeStackEvents("stopme-dev").stream()
                .anyMatch(e -> e.logicalResourceId().equals("Slow") && e.resourceStatus().equals("CREATE_IN_PROGRESS"));
    }

    @Test
    void ctrlC_duringAStackUpdate_cancelsIt_andTheNextDeploySucceeds() throws Exception {
        Files.writeString(service.resolve("serverless.yml"), SERVICE);
        StringWriter first = new StringWriter();
        assertThat(deployInProcess(first)).as(first.toString()).isZero();

        Files.writeString(service.resolve("serverless.yml"), SLOW);
        Path log = service.resolve("interrupted-deploy.log");
        // env restores SIGINT's default: a build started in the background inherits it ignored, and so
        // would the JVM (as 'nohup' intends), while a terminal's Ctrl-C reaches a foreground deploy
        Process deploy = new ProcessBuilder(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "deploy", "--dir", service.toString(), "--endpoint", cloud.url()))
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!slowResourceWaiting()) {
                assertThat(deploy.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("the update reaches the slow resource").isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(status()).isEqualTo("UPDATE_IN_PROGRESS");

            new ProcessBuilder("kill", "-INT", String.valueOf(deploy.pid())).start().waitFor();
            assertThat(deploy.waitFor(30, TimeUnit.SECONDS)).as("the deploy exits on Ctrl-C").isTrue();
        } finally {
            deploy.destroyForcibly();
        }
        assertThat(Files.readString(log)).contains("Interrupted: cancelled the update of stack stopme-dev "
                + "(CancelUpdateStack); it rolls back to the previous deployment. "
                + "The next 'slipway deploy' waits for it and deploys again.");
        assertThat(cloud.cloudFormation().awaitSettled("stopme-dev", Duration.ofSeconds(30)).stackStatus())
                .isEqualTo("UPDATE_ROLLBACK_COMPLETE");

        Files.writeString(service.resolve("serverless.yml"), SERVICE.replace("memorySize: 256", "memorySize: 320"));
        StringWriter next = new StringWriter();
        assertThat(deployInProcess(next)).as(next.toString()).isZero();
        assertThat(next.toString()).contains("Deployed stopme-dev (UPDATE_COMPLETE)");
        assertThat(status()).isEqualTo("UPDATE_COMPLETE");
        assertThat(cloud.lambda().getFunction("stopme-dev-echo", java.util.Optional.empty()).configuration().memorySize()).isEqualTo(320);
    }
}
