package dev.slipway.deploy.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.Target;
import dev.slipway.deploy.prune.Housekeeping;
import dev.slipway.service.Problem;
import dev.slipway.service.Service;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The region's code storage before a deploy. An AWS account near its quota is genuinely external,
 * so GetAccountSettings is answered by a stand-in speaking Lambda's wire format (the response shape
 * of botocore's lambda service-2.json); the client is the AWS SDK v2's.
 */
class CodeStorageTest {
    @TempDir
    Path dir;

    HttpServer aws;
    volatile String settings;

    @BeforeEach
    void start() throws Exception {
        aws = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        aws.createContext("/2016-08-19/account-settings", x -> {
            byte[] body = settings.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        aws.start();
    }

    @AfterEach
    void stop() {
        aws.stop(0);
    }

    void account(long limit, long used) {
        settings = "{\"AccountLimit\":{\"TotalCodeSize\":" + limit + ",\"CodeSizeUnzipped\":262144000,"
                + "\"CodeSizeZipped\":52428800,\"ConcurrentExecutions\":1000,\"UnreservedConcurrentExecutions\":1000},"
                + "\"AccountUsage\":{\"TotalCodeSize\":" + used + ",\"FunctionCount\":12}}";
    }

    Target target() {
        return new Target(Target.Kind.AWS, Optional.of(URI.create("http://127.0.0.1:" + aws.getAddress().getPort())),
                "eu-west-1", StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    /** Two functions sharing one small artifact: the deploy adds two versions of it. */
    Service service() throws Exception {
        Artifacts.jar(dir.resolve("app.jar"), Map.of());
        return Artifacts.service(dir, """
                functions:
                  a:
                    handler: example.Handler
                  b:
                    handler: example.Handler
                """).service();
    }

    @Test
    void aDeploymentThatWouldNotFit_isAnError_namingUsageLimitAndPrune() throws Exception {
        Service svc = service();
        long adding = 2 * Files.size(dir.resolve("app.jar"));
        account(1_000_000, 1_000_000 - adding + 1);
        List<Problem> problems;
        try (var lambda = target().lambda()) {
            problems = CodeStorage.check(lambda, svc);
        }
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).startsWith("code storage in us-east-1: ")
                    .contains("this deployment adds about ").contains("(2 new versions)")
                    .endsWith("; the region allows 976.6 KB (1,000,000 bytes) (GetAccountSettings' AccountLimit.TotalCodeSize)");
            assertThat(p.hint()).contains("slipway prune --keep 3");
        });
        assertThatThrownBy(() -> Housekeeping.beforeDeploy(svc, target(), DeployListener.SILENT))
                .isInstanceOf(DeployException.class).hasMessageStartingWith("code storage in us-east-1: ");
    }

    @Test
    void from80PercentOfTheQuota_aWarning_andTheDeployGoesOn() throws Exception {
        Service svc = service();
        account(1_000_000, 850_000);
        List<String> phases = new ArrayList<>();
        Housekeeping.beforeDeploy(svc, target(), new DeployListener() {
            @Override
            public void phase(String description) {
                phases.add(description);
            }

            @Override
            public void stackEvent(String logicalId, String resourceType, String status, String reason) {}
        });
        assertThat(phases).singleElement().satisfies(p -> assertThat(p).startsWith("warning: code storage in us-east-1: "
                + "830.1 KB (850,000 bytes) in use").contains("of the region's 976.6 KB"));
    }

    @Test
    void aFarFromFullRegion_saysNothing() throws Exception {
        Service svc = service();
        account(LambdaLimits.CODE_STORAGE_BYTES, 5L * 1024 * 1024 * 1024);
        try (var lambda = target().lambda()) {
            assertThat(CodeStorage.check(lambda, svc)).isEmpty();
        }
    }
}
