package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.deploy.release.Change;
import dev.slipway.deploy.release.Outcome;
import dev.slipway.deploy.release.ReleaseSettings;
import dev.slipway.deploy.release.Shift;
import dev.slipway.deploy.release.Strategy;
import dev.slipway.deploy.release.TrafficShifter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The traffic shifter against moto_server, an AWS emulator nobody here wrote: its PublishVersion
 * and UpdateAlias calls (routing weights included) are valid AWS calls, as moto's GetAlias answers
 * show step by step; its alarm gate reads CloudWatch's DescribeAlarms.
 */
class TrafficShiftAgainstMotoTest {
    static MotoServer moto;
    static Target target;
    static LambdaClient lambda;
    static String role;

    @BeforeAll
    static void startMoto() throws Exception {
        assumeTrue(MotoServer.installed(), "moto_server is not installed (pip install 'moto[server]'); skipping");
        moto = MotoServer.start();
        target = new Target(Target.Kind.AWS, Optional.of(moto.endpoint), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        lambda = target.lambda();
        // moto's CreateFunction wants a role that exists in its IAM
        try (var cfn = target.cloudFormation()) {
            cfn.createStack(b -> b.stackName("roles").templateBody("""
                    {"Resources":{"Role":{"Type":"AWS::IAM::Role","Properties":{"RoleName":"shift-role",
                      "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                      "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}}}}}"""));
        }
        role = "arn:aws:iam::123456789012:role/shift-role";
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            lambda.close();
            moto.close();
        }
    }

    static byte[] zip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("handler.py"));
            zip.write("def handler(event, context):\n    return 'ok'\n".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Version 1 behind alias live, version 2 published; the change 1 → 2. */
    static Change twoVersions(String name) throws Exception {
        byte[] code = zip();
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("handler.handler")
                .role(role).code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
        assertThat(lambda.publishVersion(b -> b.functionName(name)).version()).isEqualTo("1");
        lambda.createAlias(b -> b.functionName(name).name("live").functionVersion("1"));
        lambda.updateFunctionConfiguration(b -> b.functionName(name).environment(e -> e.variables(Map.of("RELEASE", "2"))));
        assertThat(lambda.publishVersion(b -> b.functionName(name)).version()).isEqualTo("2");
        return new Change(name, name, Optional.of("1"), "2");
    }

    static ReleaseSettings settings(String strategy, List<String> alarms) {
        return new ReleaseSettings(Strategy.find(strategy).orElseThrow(), Optional.empty(), Optional.empty(), alarms,
                ReleaseSettings.Gates.DEFAULT);
    }

    /** What moto's GetAlias answers after each step, as "version {weights}". */
    static final class AliasWatcher implements TrafficShifter.Listener {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());
        Consumer<Integer> onShift = p -> {};

        @Override
        public void shifted(Change change, int percent, Duration hold) {
            GetAliasResponse a = lambda.getAlias(b -> b.functionName(change.functionName()).name("live"));
            seen.add(a.functionVersion() + " " + (a.routingConfig() == null ? "{}"
                    : a.routingConfig().additionalVersionWeights().toString()));
            onShift.accept(percent);
        }

        @Override
        public void reading(Change change, String reading) {}

        @Override
        public void note(String message) {
            notes.add(message);
        }
    }

    static String aliasNow(String function) {
        GetAliasResponse a = lambda.getAlias(b -> b.functionName(function).name("live"));
        return a.functionVersion() + " " + (a.routingConfig() == null ? "{}"
                : a.routingConfig().additionalVersionWeights().toString());
    }

    Shift.Result release(Change change, ReleaseSettings settings, AliasWatcher watcher, boolean ignoreAlarms) {
        try (TrafficShifter shifter = TrafficShifter.builder(target).lambda(lambda)
                .settings(Map.of(change.function(), settings)).speed(600).ignoreAlarms(ignoreAlarms)
                .listener(watcher).build()) {
            return shifter.run("moto-" + change.function(), List.of(change));
        }
    }

    /**
     * A CloudWatch call to moto over JSON 1.0 (the SDK's CloudWatch client speaks only CBOR, which
     * moto does not serve yet); moto routes by the credential scope and does not check signatures.
     */
    static void cloudWatch(String action, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(moto.endpoint + "/"))
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "GraniteServiceVersion20100801." + action)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20261126/us-east-1/monitoring/"
                            + "aws4_request, SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void alarmState(String name, String state, String reason) {
        cloudWatch("SetAlarmState", """
                {"AlarmName":"%s","StateValue":"%s","StateReason":"%s"}""".formatted(name, state, reason));
    }

    static void alarm(String name, String state) {
        cloudWatch("PutMetricAlarm", """
                {"AlarmName":"%s","Namespace":"AWS/Lambda","MetricName":"Errors","Statistic":"Sum","Period":60,
                 "EvaluationPeriods":1,"Threshold":1.0,"ComparisonOperator":"GreaterThanOrEqualToThreshold"}"""
                .formatted(name));
        alarmState(name, state, "test says " + state);
    }

    @Test
    void aLinearShift_issuesUpdateAliasCallsWithRoutingWeights_thatMotoAccepts() throws Exception {
        Change change = twoVersions("moto-linear");
        AliasWatcher watcher = new AliasWatcher();
        Shift.Result result = release(change, settings("Linear10PercentEvery1Minute", List.of()), watcher, false);
        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(watcher.seen).containsExactly("1 {2=0.1}", "1 {2=0.2}", "1 {2=0.3}", "1 {2=0.4}", "1 {2=0.5}",
                "1 {2=0.6}", "1 {2=0.7}", "1 {2=0.8}", "1 {2=0.9}", "2 {}");
        assertThat(watcher.notes).containsExactly("moto-linear has no alarms (deploymentSettings.alarms): on AWS its "
                + "Linear10PercentEvery1Minute release moves traffic on time alone, with no health gate");
    }

    @Test
    void anAlarmFiringBeforeTheRelease_stopsItBeforeAnyTrafficMoves_unlessIgnoredExplicitly() throws Exception {
        Change change = twoVersions("moto-alarmed");
        alarm("moto-alarmed-errors", "ALARM");
        AliasWatcher watcher = new AliasWatcher();
        Shift.Result refused = release(change, settings("Canary10Percent5Minutes", List.of("moto-alarmed-errors")),
                watcher, false);
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.reason()).startsWith("alarm moto-alarmed-errors is in ALARM before any traffic moved")
                .contains("--ignore-alarms");
        assertThat(watcher.seen).isEmpty();
        assertThat(aliasNow("moto-alarmed")).isEqualTo("1 {}");

        AliasWatcher fix = new AliasWatcher();
        Shift.Result shipped = release(change, settings("Canary10Percent5Minutes", List.of("moto-alarmed-errors")),
                fix, true);
        assertThat(shipped.outcome()).as(shipped.reason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(shipped.reason()).isEqualTo("shipped with --ignore-alarms while moto-alarmed-errors was in ALARM");
        assertThat(fix.notes).anyMatch(n -> n.startsWith("--ignore-alarms: ignoring moto-alarmed-errors"));
        assertThat(fix.seen).containsExactly("1 {2=0.1}", "2 {}");
    }

    @Test
    void anAlarmThatFiresDuringTheCanary_rollsTheAliasBack() throws Exception {
        Change change = twoVersions("moto-rollback");
        alarm("moto-rollback-errors", "OK");
        AliasWatcher watcher = new AliasWatcher();
        watcher.onShift = percent -> alarmState("moto-rollback-errors", "ALARM", "Threshold Crossed: 3 errors");
        Shift.Result result = release(change, settings("Canary10Percent5Minutes", List.of("moto-rollback-errors")),
                watcher, false);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("alarm moto-rollback-errors is in ALARM (Threshold Crossed: 3 errors)")
                .contains("Rolled back: all traffic is on moto-rollback v1 again");
        assertThat(watcher.seen).containsExactly("1 {2=0.1}");
        assertThat(aliasNow("moto-rollback")).isEqualTo("1 {}");
    }

    @Test
    void whenOneFunctionsGateFails_everyFunctionOfTheReleaseGoesBack() throws Exception {
        Change a = twoVersions("moto-multi-a");
        Change b = twoVersions("moto-multi-b");
        alarm("moto-multi-a-errors", "OK");
        AliasWatcher watcher = new AliasWatcher();
        watcher.onShift = percent -> alarmState("moto-multi-a-errors", "ALARM", "Threshold Crossed");
        Shift.Result result;
        try (TrafficShifter shifter = TrafficShifter.builder(target).lambda(lambda)
                .settings(Map.of("moto-multi-a", settings("Canary10Percent5Minutes", List.of("moto-multi-a-errors")),
                        "moto-multi-b", settings("Linear10PercentEvery1Minute", List.of())))
                .speed(600).listener(new TrafficShifter.Listener() {
                    @Override
                    public void shifted(Change change, int percent, Duration hold) {
                        if (change.function().equals("moto-multi-a")) {
                            watcher.shifted(change, percent, hold);
                        }
                    }

                    @Override
                    public void reading(Change change, String reading) {}

                    @Override
                    public void note(String message) {}
                }).build()) {
            result = shifter.run("moto-multi", List.of(a, b));
        }
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("alarm moto-multi-a-errors is in ALARM")
                .contains("Rolled back: all traffic is on moto-multi-a v1, moto-multi-b v1 again");
        assertThat(aliasNow("moto-multi-a")).isEqualTo("1 {}");
        assertThat(aliasNow("moto-multi-b")).isEqualTo("1 {}");
    }

    @Test
    void blueGreen_switchesAtOnce_andSwitchesBackWhenAnAlarmFiresDuringTheWatch() throws Exception {
        Change change = twoVersions("moto-bluegreen");
        alarm("moto-bluegreen-errors", "OK");
        AliasWatcher watcher = new AliasWatcher();
        watcher.onShift = percent -> alarmState("moto-bluegreen-errors", "ALARM", "Threshold Crossed");
        Shift.Result result = release(change, settings("BlueGreen", List.of("moto-bluegreen-errors")), watcher, false);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(watcher.seen).containsExactly("2 {}");
        assertThat(aliasNow("moto-bluegreen")).isEqualTo("1 {}");
    }
}
