package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slipway's release alias on top of the Framework's template: every versioned function gets an
 * AWS::Lambda::Alias, and everything that invokes a function (API Gateway, schedules, queues,
 * streams, topics, buckets) and the permissions for them name the alias, never $LATEST.
 */
class ReleaseAliasTest {
    private static JsonNode compile(ServiceProject p, CompileOptions options) {
        return CloudFormationCompiler.compile(p.service(), options).template();
    }

    /** Every {"Fn::GetAtt": [X, "Arn"]} whose X is a Lambda function: an unqualified ($LATEST) reference. */
    private static List<String> latestReferences(JsonNode n, String where) {
        List<String> out = new ArrayList<>();
        if (n.isObject()) {
            JsonNode getAtt = n.get("Fn::GetAtt");
            if (getAtt != null && getAtt.path(0).asText().endsWith("LambdaFunction")
                    && getAtt.path(1).asText().equals("Arn")) {
                out.add(where);
            }
            n.fields().forEachRemaining(e -> out.addAll(latestReferences(e.getValue(), where + "." + e.getKey())));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.addAll(latestReferences(n.get(i), where + "." + i));
            }
        }
        return out;
    }

    private static List<String> resourcesOfType(JsonNode template, String type) {
        List<String> ids = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                ids.add(e.getKey());
            }
        });
        return ids;
    }

    private static JsonNode ref(String id) {
        return Cfn.ref(id);
    }

    @Nested
    class EveryEventType {
        private final JsonNode t = compile(Corpus.load("events"), Corpus.compileOptions());
        private final JsonNode r = t.path("Resources");

        @Test
        void eachVersionedFunction_getsALiveAliasOnItsNewVersion() {
            assertThat(resourcesOfType(t, "AWS::Lambda::Alias"))
                    .containsExactly("ApiDashfnLambdaAlias", "Http2LambdaAlias", "WorkerUnderscorefnLambdaAlias");
            JsonNode alias = r.path("Http2LambdaAlias");
            String version = resourcesOfType(t, "AWS::Lambda::Version").stream()
                    .filter(v -> v.startsWith("Http2LambdaVersion")).findFirst().orElseThrow();
            assertThat(alias.path("Properties").path("Name").asText()).isEqualTo("live");
            assertThat(alias.path("Properties").path("FunctionName")).isEqualTo(ref("Http2LambdaFunction"));
            assertThat(alias.path("Properties").path("FunctionVersion"))
                    .isEqualTo(Cfn.getAtt(version, "Version"));
        }

        @Test
        void nothingInvokesLatest() {
            assertThat(latestReferences(r, "Resources")).isEmpty();
        }

        @Test
        void restApiIntegrationsAndTheirPermission_nameTheAlias() {
            JsonNode uri = r.path("ApiGatewayMethodItemsIdVarGet").path("Properties").path("Integration").path("Uri");
            assertThat(uri.path("Fn::Join").path(1).path(5)).isEqualTo(ref("ApiDashfnLambdaAlias"));
            assertThat(r.path("ApiDashfnLambdaPermissionApiGateway").path("Properties").path("FunctionName"))
                    .isEqualTo(ref("ApiDashfnLambdaAlias"));
        }

        @Test
        void httpApiIntegrationAndItsPermission_nameTheAlias() {
            assertThat(r.path("HttpApiIntegrationHttp2").path("Properties").path("IntegrationUri"))
                    .isEqualTo(ref("Http2LambdaAlias"));
            assertThat(r.path("Http2LambdaPermissionHttpApi").path("Properties").path("FunctionName"))
                    .isEqualTo(ref("Http2LambdaAlias"));
        }

        @Test
        void schedulesQueuesStreamsTopicsAndBuckets_invokeTheAlias() {
            JsonNode alias = ref("WorkerUnderscorefnLambdaAlias");
            assertThat(r.path("WorkerUnderscorefnEventsRuleSchedule1").path("Properties").path("Targets").path(0)
                    .path("Arn")).isEqualTo(alias);
            assertThat(r.path("WorkerUnderscorefnLambdaPermissionEventsRuleSchedule1").path("Properties")
                    .path("FunctionName")).isEqualTo(alias);
            List<String> mappings = resourcesOfType(t, "AWS::Lambda::EventSourceMapping");
            assertThat(mappings).hasSize(3).allSatisfy(m ->
                    assertThat(r.path(m).path("Properties").path("FunctionName")).isEqualTo(alias));
            assertThat(resourcesOfType(t, "AWS::SNS::Subscription")).isNotEmpty().allSatisfy(s ->
                    assertThat(r.path(s).path("Properties").path("Endpoint")).isEqualTo(alias));
            assertThat(r.path("S3BucketEventsdemouploads").path("Properties").path("NotificationConfiguration")
                    .path("LambdaConfigurations").path(0).path("Function")).isEqualTo(alias);
        }

        @Test
        void theStackStillOutputsEachNewVersion() {
            assertThat(t.path("Outputs").path("Http2LambdaFunctionQualifiedArn").path("Value").path("Ref").asText())
                    .startsWith("Http2LambdaVersion");
        }
    }

    @Test
    void everyCorpusService_invokesNoFunctionAtLatest() {
        for (Path dir : Corpus.cases()) {
            ServiceProject p = ServiceProject.load(dir, Corpus.options(dir));
            if (p.hasErrors() || p.service().functions().values().stream().anyMatch(f -> !f.versionFunction())) {
                continue;
            }
            assertThat(latestReferences(compile(p, Corpus.compileOptions()).path("Resources"), dir.getFileName()
                    + ".Resources")).isEmpty();
        }
        JsonNode authorizer = compile(Corpus.load("rest-authorizers"), Corpus.compileOptions()).path("Resources");
        assertThat(authorizer.toString()).contains("\"AuthorizerUri\"").contains("LambdaAlias\"}");
    }

    @Test
    void liveVersions_keepThoseAliasesWhereTheyAre_andMoveTheOthers() {
        JsonNode r = compile(Corpus.load("events"), Corpus.compileOptions()
                .withLiveVersions(Map.of("http2", "3"))).path("Resources");
        assertThat(r.path("Http2LambdaAlias").path("Properties").path("FunctionVersion").asText()).isEqualTo("3");
        assertThat(r.path("ApiDashfnLambdaAlias").path("Properties").path("FunctionVersion").has("Fn::GetAtt"))
                .isTrue();
    }

    @Test
    void withoutReleaseAlias_theFrameworksTemplateInvokesTheFunctionItself() {
        JsonNode t = compile(Corpus.load("events"), Corpus.frameworkOptions());
        assertThat(resourcesOfType(t, "AWS::Lambda::Alias")).isEmpty();
        assertThat(t.path("Resources").path("HttpApiIntegrationHttp2").path("Properties").path("IntegrationUri"))
                .isEqualTo(Cfn.getAtt("Http2LambdaFunction", "Arn"));
    }

    @Test
    void releasedFunctions_areTheVersionedOnes_byKeyAndDeployedName() {
        Service s = Corpus.load("events").service();
        assertThat(CloudFormationCompiler.releasedFunctions(s)).containsExactly(
                Map.entry("api-fn", "events-demo-dev-api-fn"), Map.entry("http2", "events-demo-dev-http2"),
                Map.entry("worker_fn", "events-demo-dev-worker_fn"));
        assertThat(CloudFormationCompiler.aliasName(s)).isEqualTo("live");
    }

    @Nested
    class Settings {
        @TempDir
        Path dir;

        private ServiceProject load(String functionsAndCustom) throws IOException {
            Files.copy(Corpus.dir("events").resolve("target/events.jar"), dir.resolve("app.jar"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("serverless.yml"), """
                    service: alias-demo
                    provider:
                      name: aws
                      runtime: java21
                    package:
                      artifact: app.jar
                    """ + functionsAndCustom);
            return ServiceProject.load(dir, LoadOptions.defaults());
        }

        private static Predicate<Problem> at(int line, String text) {
            return p -> p.line() == line && p.message().contains(text);
        }

        @Test
        void customSlipwayAlias_namesTheAlias() throws IOException {
            ServiceProject p = load("""
                    functions:
                      api:
                        handler: demo.Api
                        events: [{httpApi: 'GET /'}]
                    custom:
                      slipway:
                        alias: prod
                    """);
            assertThat(p.errors()).isEmpty();
            assertThat(compile(p, Corpus.compileOptions()).path("Resources").path("ApiLambdaAlias").path("Properties")
                    .path("Name").asText()).isEqualTo("prod");
        }

        @Test
        void anAliasNameLambdaRejects_isAnErrorAtItsPlace() throws IOException {
            ServiceProject p = load("""
                    functions:
                      api:
                        handler: demo.Api
                    custom:
                      slipway:
                        alias: '42'
                    """);
            assertThat(p.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(12);
                assertThat(e.message()).isEqualTo("alias \"42\" is only digits, which Lambda reads as a version number");
                assertThat(e.hint()).contains("e.g. alias: live");
            });
            ServiceProject spaced = load("""
                    functions:
                      api:
                        handler: demo.Api
                    custom:
                      slipway:
                        alias: blue green
                    """.replace("blue green", "'blue green'"));
            assertThat(spaced.errors()).anyMatch(at(12, "is not a valid Lambda alias name"));
        }

        @Test
        void anUnversionedFunction_staysOnLatest_withAWarning() throws IOException {
            ServiceProject p = load("""
                    functions:
                      api:
                        handler: demo.Api
                        versionFunction: false
                        events: [{httpApi: 'GET /'}]
                    """);
            assertThat(p.errors()).isEmpty();
            assertThat(p.warnings()).anyMatch(at(10, "function \"api\" is not versioned, so it is not released "
                    + "behind the alias \"live\""));
            JsonNode t = compile(p, Corpus.compileOptions());
            assertThat(resourcesOfType(t, "AWS::Lambda::Alias")).isEmpty();
            assertThat(t.path("Resources").path("HttpApiIntegrationApi").path("Properties").path("IntegrationUri"))
                    .isEqualTo(Cfn.getAtt("ApiLambdaFunction", "Arn"));
            assertThat(CloudFormationCompiler.releasedFunctions(p.service())).isEmpty();
        }

        @Test
        void provisionedConcurrency_sitsOnTheReleaseAlias() throws IOException {
            ServiceProject p = load("""
                    functions:
                      api:
                        handler: demo.Api
                        provisionedConcurrency: 2
                    """);
            JsonNode t = compile(p, Corpus.compileOptions());
            assertThat(resourcesOfType(t, "AWS::Lambda::Alias")).containsExactly("ApiLambdaAlias");
            assertThat(t.path("Resources").path("ApiLambdaAlias").path("Properties")
                    .path("ProvisionedConcurrencyConfig").path("ProvisionedConcurrentExecutions").asInt()).isEqualTo(2);
        }
    }
}
