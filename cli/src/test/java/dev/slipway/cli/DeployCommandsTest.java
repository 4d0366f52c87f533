package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloud.LocalCloud;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy}, {@code info}, {@code logs} and {@code remove} through {@link Main#run}, against a
 * real local cloud: the service is compiled, uploaded, deployed through change sets, and answers
 * through API Gateway from a worker JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployCommandsTest {
    @TempDir
    static Path service;

    static LocalCloud cloud;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void startCloudAndWriteService() throws Exception {
        cloud = LocalCloud.builder().port(0).start();
        TestJars.write(service.resolve("target/echo.jar"), "dev/slipway/cli/deployfn", Map.of());
        Files.writeString(service.resolve("serverless.yml"), """
                service: echo
                frameworkVersion: '3'
                provider:
                  name: aws
                  runtime: java21
                  memorySize: 256
                  timeout: 20
                  environment:
                    GREETING: hello-${sls:stage}
                package:
                  artifact: target/echo.jar
                functions:
                  echo:
                    handler: dev.slipway.cli.deployfn.Echo
                    events:
                      - http:
                          path: echo
                          method: get
                """);
    }

    @AfterAll
    static void stopCloud() {
        cloud.close();
    }

    int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    String[] target(String command, String... more) {
        String[] base = {command, "--dir", service.toString(), "--stage", "qa", "--endpoint", cloud.url()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    @Order(1)
    void deploy_createsTheStack_andPrintsAReachableEndpoint() throws Exception {
        int code = run(target("deploy"));
        assertThat(code).as(err + "\n" + out).isZero();
        assertThat(out.toString()).contains("Creating stack echo-qa with its deployment bucket")
                .contains("Deployed echo-qa (UPDATE_COMPLETE)")
                .contains("echo: echo-qa-echo");
        Matcher m = Pattern.compile("endpoint: (\\S+)").matcher(out.toString());
        assertThat(m.find()).isTrue();
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "/echo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"path\":\"/echo\",\"greeting\":\"hello-qa\"}");
    }

    @Test
    @Order(2)
    void redeploy_ofAnUnchangedService_changesNothing() {
        assertThat(run(target("deploy"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Service unchanged (same configuration and artifacts): nothing to deploy");
    }

    @Test
    @Order(3)
    void info_showsTheStackAndItsOutputs() {
        assertThat(run(target("info"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("status: UPDATE_COMPLETE").contains("ServiceEndpoint:");
    }

    @Test
    @Order(4)
    void logs_showTheFunctionsOutputAndReportLines() {
        assertThat(run(target("logs", "-f", "echo"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("echoing /echo").contains("START RequestId:").contains("REPORT RequestId:");
    }

    @Test
    @Order(5)
    void logs_ofAnUnknownFunction_namesTheFunctionsThereAre() {
        assertThat(run(target("logs", "-f", "nope"))).isEqualTo(1);
        assertThat(err.toString()).contains("error: the service has no function 'nope'").contains("fix: use one of: echo");
    }

    @Test
    @Order(5)
    void aSecondService_readsTheFirstStacksOutput_throughCfVariables(@TempDir Path second) throws Exception {
        Files.createDirectories(second.resolve("target"));
        Files.copy(service.resolve("target/echo.jar"), second.resolve("target/echo.jar"));
        Files.writeString(second.resolve("serverless.yml"), """
                service: echo2
                provider:
                  name: aws
                  runtime: java21
                  memorySize: 256
                  environment:
                    GREETING: ${cf:echo-qa.ServerlessDeploymentBucketName}-${aws:accountId}
                package:
                  artifact: target/echo.jar
                functions:
                  echo:
                    handler: dev.slipway.cli.deployfn.Echo
                    events:
                      - http:
                          path: echo
                          method: get
                """);
        int code = run("deploy", "--dir", second.toString(), "--stage", "qa", "--endpoint", cloud.url());
        assertThat(code).as(err + "\n" + out).isZero();
        Matcher m = Pattern.compile("endpoint: (\\S+)").matcher(out.toString());
        assertThat(m.find()).isTrue();
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "/echo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).matches("\\{\"path\":\"/echo\",\"greeting\":\"echo-qa-serverlessdeploymentbucket-[a-z0-9]+-000000000000\"}");
        assertThat(run("remove", "--dir", second.toString(), "--stage", "qa", "--endpoint", cloud.url())).isZero();
    }

    @Test
    @Order(5)
    void anSsmVariable_isRefusedWithWhereAndWhy(@TempDir Path third) throws Exception {
        Files.writeString(third.resolve("serverless.yml"), """
                service: echo3
                provider:
                  name: aws
                  runtime: java21
                  environment:
                    SECRET: ${ssm:/echo/secret}
                functions:
                  echo:
                    handler: dev.slipway.cli.deployfn.Echo
                """);
        int code = run("deploy", "--dir", third.toString(), "--endpoint", cloud.url());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("serverless.yml:6:")
                .contains("Cannot read \"ssm:/echo/secret\" from the deployment target: SSM Parameter Store is not "
                        + "supported by Slipway yet (the local cloud does not serve it)");
    }

    @Test
    @Order(6)
    void remove_deletesTheStack_thenInfoSaysItIsNotDeployed() {
        assertThat(run(target("remove"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Removed echo-qa");
        StringWriter e2 = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(e2, true), target("info"));
        assertThat(code).isEqualTo(1);
        assertThat(e2.toString()).contains("is not deployed to stage qa").contains("fix: deploy it with 'slipway deploy --stage qa'");
    }

    @Test
    void deploy_ofAFolderWithoutService_failsWithWhereAndHow() {
        int code = run("deploy", "--dir", service.resolve("missing").toString(), "--endpoint", cloud.url());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("error: the service folder").contains("does not exist")
                .contains("fix: pass --dir with the folder that holds serverless.yml");
    }
}
