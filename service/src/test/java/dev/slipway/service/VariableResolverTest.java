package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the corpus cannot pin down: instance ids, a deployment target, nested addresses. */
class VariableResolverTest {
    @TempDir
    Path dir;

    private ServiceProject load(String yaml, LoadOptions options) throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), yaml);
        return ServiceProject.load(dir, options);
    }

    private static LoadOptions none() {
        return new LoadOptions(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Map.of());
    }

    @Test
    void slsInstanceId_isOneMillisecondTimestampPerLoad() throws IOException {
        ServiceProject p = load("service: a\ncustom:\n  x: ${sls:instanceId}\n  y: id-${sls:instanceId}\n", none());
        String x = p.service().custom().get("x").asText();
        assertThat(x).matches("\\d{13}");
        assertThat(p.service().custom().get("y").asText()).isEqualTo("id-" + x);
    }

    @Test
    void remoteSources_resolveThroughTheDeploymentTarget() throws IOException {
        List<String> asked = new ArrayList<>();
        VariableSource target = (type, address) -> {
            asked.add(type + ":" + address);
            return address.equals("/missing") ? Optional.empty() : Optional.of(TextNode.valueOf(type + "=" + address));
        };
        ServiceProject p = load("""
                service: a
                custom:
                  db: ${ssm:/rewards/db-url}
                  table: ${cf:other-stack.TableName}
                  obj: ${s3:bucket/key.json}
                  account: ${aws:accountId}
                  fallback: ${ssm:/missing, 'dflt'}
                """, none().withRemoteSource(target));
        assertThat(p.problems()).isEmpty();
        assertThat(p.service().custom().get("db").asText()).isEqualTo("ssm=/rewards/db-url");
        assertThat(p.service().custom().get("table").asText()).isEqualTo("cf=other-stack.TableName");
        assertThat(p.service().custom().get("account").asText()).isEqualTo("aws=accountId");
        assertThat(p.service().custom().get("fallback").asText()).isEqualTo("dflt");
        assertThat(asked).contains("s3:bucket/key.json", "ssm:/missing");
    }

    @Test
    void aFailingTarget_isReportedWithItsMessage() throws IOException {
        VariableSource target = (type, address) -> {
            throw new IllegalStateException("ParameterNotFound");
        };
        ServiceProject p = load("service: a\ncustom:\n  db: ${ssm:/x}\n", none().withRemoteSource(target));
        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("Cannot resolve variable at \"custom.db\": Cannot read \"ssm:/x\" from the deployment "
                        + "target: ParameterNotFound"));
    }

    @Test
    void withoutATarget_aWrittenDefaultStandsIn() throws IOException {
        ServiceProject p = load("service: a\ncustom:\n  db: ${ssm:/x, 'local-db'}\n", none());
        assertThat(p.problems()).isEmpty();
        assertThat(p.service().custom().get("db").asText()).isEqualTo("local-db");
    }

    @Test
    void aSectionThatIsItselfAVariable_canBeEnteredBySelfReferences() throws IOException {
        Files.writeString(dir.resolve("custom.yml"), "table: t-${sls:stage}\n");
        ServiceProject p = load("""
                service: a
                custom: ${file(./custom.yml)}
                provider:
                  name: aws
                  environment:
                    TABLE: ${self:custom.table}
                """, none().withStage("prod"));
        assertThat(p.problems()).isEmpty();
        assertThat(p.service().provider().environment().get("TABLE").asText()).isEqualTo("t-prod");
    }

    @Test
    void selfProviderStage_isTheFilesValueNotTheCliStage_asInV3() throws IOException {
        ServiceProject p = load("service: a\nprovider:\n  name: aws\n  stage: dev\ncustom:\n  s: ${self:provider.stage}\n"
                + "  t: ${sls:stage}\n", none().withStage("prod"));
        assertThat(p.service().custom().get("s").asText()).isEqualTo("dev");
        assertThat(p.service().custom().get("t").asText()).isEqualTo("prod");
        assertThat(p.service().stage()).isEqualTo("prod");
    }

    @Test
    void javascriptFiles_areRefusedWithAFix() throws IOException {
        ServiceProject p = load("service: a\ncustom:\n  x: ${file(./config.js):value}\n", none());
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("JavaScript files are not supported");
            assertThat(e.hint()).isEqualTo("convert ./config.js to YAML or JSON");
        });
    }
}
