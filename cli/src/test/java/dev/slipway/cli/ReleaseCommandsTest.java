package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.deploy.Target;
import dev.slipway.deploy.release.Change;
import dev.slipway.deploy.release.DeploymentHistory;
import dev.slipway.protocol.AwsDefaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Releases through {@link Main#run} against a real local cloud: each deploy publishes a version and
 * moves the {@code live} alias, API Gateway (REST and HTTP API) and schedules invoke the alias,
 * {@code rollback} switches back at once under steady traffic, and {@code deployments} shows it all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseCommandsTest {
    @TempDir
    static Path service;

    static LocalCloud cloud;
    static LambdaClient lambda;
    static String restUrl;
    static String httpApiUrl;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCloudAndWriteService() throws Exception {
        cloud = LocalCloud.builder().port(0).start();
        lambda = LambdaClient.builder().endpointOverride(URI.create(cloud.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY))).build();
        writeArtifact("v1");
        Files.writeString(service.resolve("serverless.yml"), """
                service: rel
                provider:
                  name: aws
                  runtime: java21
                  memorySize: 256
                  timeout: 20
                package:
                  artifact: target/app.jar
                functions:
                  answer:
                    handler: dev.slipway.cli.releasefn.Answer
                    events:
                      - http: GET answer
                      - httpApi: GET /answer
                      - schedule:
                          name: rel-qa-tick
                          rate: rate(1 hour)
                          enabled: false
                          input: {source: schedule}
                """);
    }

    @AfterAll
    static void stopCloud() {
        if (lambda != null) {
            lambda.close();
        }
        if (cloud != null) {
            cloud.close();
        }
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

    /** Writes target/app.jar atomically with the handler and the code version it answers with. */
    static void writeArtifact(String code) throws Exception {
        TestJars.write(service.resolve("target/app.jar"), "dev/slipway/cli/releasefn", Map.of("code.txt", code));
    }

    String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    String liveVersion() {
        return lambda.getAlias(b -> b.functionName("rel-qa-answer").name("live")).functionVersion();
    }

    static String output(String text, String key) {
        Matcher m = Pattern.compile(key + ": (\\S+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    @Test
    @Order(1)
    void firstDeploy_publishesVersion1_andRestAndHttpApisInvokeTheLiveAlias() throws Exception {
        assertThat(run(target("deploy"))).as(err + "\n" + out).isZero();
        restUrl = output(out.toString(), "endpoint") + "/answer";
        String apiId = URI.create(output(out.toString(), "HttpApiUrl")).getHost().split("\\.")[0];
        httpApiUrl = cloud.url() + "/restapis/" + apiId + "/$default/_user_request_/answer";
        assertThat(out.toString()).contains("Released answer (new) → 1 (live)");
        assertThat(liveVersion()).isEqualTo("1");
        assertThat(get(restUrl)).isEqualTo("code v1 on version 1");
        assertThat(get(httpApiUrl)).isEqualTo("code v1 on version 1");
    }

    @Test
    @Order(2)
    void secondDeploy_ofNewCode_movesLiveToVersion2() throws Exception {
        writeArtifact("v2");
        assertThat(run(target("deploy"))).as(err + "\n" + out).isZero();
        assertThat(out.toString()).contains("Released answer 1 → 2 (live)");
        assertThat(liveVersion()).isEqualTo("2");
        assertThat(get(restUrl)).isEqualTo("code v2 on version 2");
        assertThat(get(httpApiUrl)).isEqualTo("code v2 on version 2");
    }

    @Test
    @Order(3)
    void aScheduleTarget_invokesTheLiveAlias() throws Exception {
        assertThat(run("schedule", "list", "--endpoint", cloud.url())).isZero();
        assertThat(out.toString()).contains("rel-qa-answer:live");
        assertThat(run("schedule", "fire", "rel-qa-tick", "--endpoint", cloud.url())).as(err.toString()).isZero();
        String logs = "";
        for (int i = 0; i < 300 && !logs.contains("answered code v2 on version 2 to schedule"); i++) {
            StringWriter logOut = new StringWriter();
            Main.run(new PrintWriter(logOut, true), new PrintWriter(new StringWriter(), true),
                    target("logs", "-f", "answer"));
            logs = logOut.toString();
            Thread.sleep(100);
        }
        assertThat(logs).contains("answered code v2 on version 2 to schedule");
    }

    @Test
    @Order(4)
    void rollback_underSteadyTraffic_answersWithTheOldCodeAtOnce_withoutAFailedRequest() throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restUrl)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    (r.statusCode() == 200 ? bodies : failures).add(r.statusCode() + " " + r.body());
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        traffic.start();
        while (bodies.size() < 5 && failures.isEmpty()) {
            Thread.sleep(20);
        }
        int code = run(target("rollback"));
        // The first request sent after the command returned already runs the old version.
        String after = get(restUrl);
        int mark = bodies.size();
        while (bodies.size() < mark + 5 && failures.isEmpty()) {
            Thread.sleep(20);
        }
        running.set(false);
        traffic.join();

        assertThat(code).as(err + "\n" + out).isZero();
        // The figure for the record (not asserted: shared machines are noisy).
        out.toString().lines().filter(l -> l.startsWith("Rolled back")).forEach(System.out::println);
        assertThat(out.toString()).containsPattern("Rolled back rel-qa in \\d+ ms \\(rollback of deployment \\S+\\):")
                .contains("answer 2 → 1 (live)");
        assertThat(after).isEqualTo("code v1 on version 1");
        assertThat(failures).isEmpty();
        assertThat(bodies).contains("200 code v2 on version 2", "200 code v1 on version 1");
        assertThat(bodies.subList(mark, bodies.size())).containsOnly("200 code v1 on version 1");
        assertThat(liveVersion()).isEqualTo("1");
        assertThat(get(httpApiUrl)).isEqualTo("code v1 on version 1");
    }

    @Test
    @Order(5)
    void deployments_listTheRollbackAndBothDeploys_newestFirst() {
        assertThat(run(target("deployments"))).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("rel-qa (alias live): 3 deployments, newest first");
        List<String> heads = text.lines().filter(l -> l.matches("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{4} .*")).toList();
        assertThat(heads).hasSize(3);
        assertThat(heads.get(0)).contains("Rollback").contains("SUCCEEDED");
        assertThat(heads.get(1)).contains("AllAtOnce").contains("ROLLED_BACK");
        assertThat(heads.get(2)).contains("AllAtOnce").contains("SUCCEEDED");
        assertThat(text).contains("    answer 2 → 1\n").contains("    answer 1 → 2\n").contains("    answer (new) → 1\n")
                .contains("    rolled back by " + heads.get(0).substring(0, 24));
    }

    @Test
    @Order(6)
    void rollback_withNothingEarlier_orAMissingVersion_failsWithWhatToDo() {
        assertThat(run(target("rollback"))).isEqualTo(1);
        assertThat(err.toString()).contains("error: Nothing to roll back to: deployment ")
                .contains("created answer, so no earlier version is released")
                .contains("fix: deploy a fix instead, or use --to VERSION");
        StringWriter e2 = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(e2, true), target("rollback", "--to", "9")))
                .isEqualTo(1);
        assertThat(e2.toString()).contains("error: Function answer has no published version 9")
                .contains("fix: its versions are 1, 2");
        StringWriter e3 = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(e3, true),
                target("rollback", "--to", "1"))).isEqualTo(1);
        assertThat(e3.toString()).contains("error: Nothing to roll back: answer is already on version 1 behind live");
        StringWriter e4 = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(e4, true),
                target("rollback", "--deployment", "20200101-000000-000-beef"))).isEqualTo(1);
        assertThat(e4.toString()).contains("error: No deployment 20200101-000000-000-beef in the history");
        assertThat(liveVersion()).isEqualTo("1");
        StringWriter e5 = new StringWriter();
        String[] otherStage = target("deployments");
        otherStage[4] = "prod";
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(e5, true), otherStage)).isEqualTo(1);
        assertThat(e5.toString()).contains("error: Stack rel-prod does not exist on the local cloud at " + cloud.url())
                .contains("fix: deploy it first with 'slipway deploy', or check --stage and the target");
    }

    @Test
    @Order(7)
    void deployingTheSameCodeAgain_releasesItAgain_andRollbackToAVersionWorks() throws Exception {
        assertThat(run(target("deploy"))).as(err + "\n" + out).isZero();
        assertThat(out.toString()).contains("Released answer 1 → 2 (live)");
        assertThat(get(restUrl)).isEqualTo("code v2 on version 2");
        assertThat(run(target("rollback", "--to", "1", "--function", "answer"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("back to version 1 of answer");
        assertThat(get(restUrl)).isEqualTo("code v1 on version 1");
    }

    @Test
    @Order(8)
    void rollback_ofAnInterruptedCanary_clearsItsWeights_andMarksItRolledBack() throws Exception {
        // What a Ctrl-C in the middle of a canary leaves: 10 % routed to version 2, the deployment IN_PROGRESS.
        lambda.updateAlias(b -> b.functionName("rel-qa-answer").name("live").functionVersion("1")
                .routingConfig(r -> r.additionalVersionWeights(java.util.Map.of("2", 0.1))));
        String id;
        try (DeploymentHistory history = DeploymentHistory.forStack(Target.local(URI.create(cloud.url())), "rel-qa")) {
            id = history.start("qa", "Canary10Percent5Minutes", List.of(new Change("answer", "rel-qa-answer",
                    java.util.Optional.of("1"), "2"))).id();
        }
        assertThat(run(target("rollback"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("rollback of deployment " + id).contains("answer 1 → 1 (live)");
        var alias = lambda.getAlias(b -> b.functionName("rel-qa-answer").name("live"));
        assertThat(alias.functionVersion()).isEqualTo("1");
        assertThat(alias.routingConfig() == null || alias.routingConfig().additionalVersionWeights().isEmpty())
                .as(alias.toString()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(get(restUrl)).isEqualTo("code v1 on version 1");
        }
        assertThat(run(target("deployments", "--limit", "2"))).isZero();
        assertThat(out.toString()).contains(id + "  ").containsPattern(id + ".*Canary10Percent5Minutes\\s+ROLLED_BACK");
    }

    @Test
    @Order(9)
    void rollbackToADeployment_restoresTheVersionsLiveWhenItFinished() throws Exception {
        assertThat(run(target("deployments"))).isZero();
        List<String> releases = out.toString().lines()
                .filter(l -> l.matches("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{4} .*AllAtOnce\\s+SUCCEEDED.*"))
                .map(l -> l.substring(0, 24)).toList();
        assertThat(releases).hasSize(2);
        String first = releases.get(1);
        String reRelease = releases.get(0);

        StringWriter e = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(e, true),
                target("rollback", "--deployment", first))).isEqualTo(1);
        assertThat(e.toString()).contains("error: Nothing to roll back: answer is already on version 1 behind live");

        assertThat(run(target("rollback", "--deployment", reRelease))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("back to deployment " + reRelease).contains("answer 1 → 2 (live)");
        assertThat(get(restUrl)).isEqualTo("code v2 on version 2");
        assertThat(liveVersion()).isEqualTo("2");
    }
}
