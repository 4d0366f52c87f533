package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custom.slipway.deployment} and {@code deploymentSettings} are checked where they are written. */
class DeploymentSettingsTest {
    @TempDir
    Path dir;

    private ServiceProject load(String functionsAndCustom) throws IOException {
        Files.copy(Corpus.dir("events").resolve("target/events.jar"), dir.resolve("app.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("serverless.yml"), """
                service: release-demo
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: app.jar
                """ + functionsAndCustom);
        return ServiceProject.load(dir, LoadOptions.defaults());
    }

    @Test
    void knownStrategiesAndSettings_areAccepted() throws IOException {
        ServiceProject p = load("""
                functions:
                  api:
                    handler: demo.Api
                    deploymentSettings:
                      type: CodeDeployDefault.LambdaLinear10PercentEvery1Minute
                      preTrafficHook: smoke
                  smoke:
                    handler: demo.Worker
                custom:
                  slipway:
                    deployment: canary10percent5minutes
                    deploymentSettings:
                      alarms: [ApiErrors]
                      maxErrorRate: 0.01
                      maxP99Millis: 800
                      minInvocations: 20
                """);
        assertThat(p.errors()).isEmpty();
    }

    @Test
    void anUnknownStrategy_isAnErrorAtItsPlace_withTheClosestName() throws IOException {
        ServiceProject p = load("""
                functions:
                  api:
                    handler: demo.Api
                    deploymentSettings:
                      type: Linear10PercentEvery5Minutes
                custom:
                  slipway:
                    deployment: Canary10Percent5Minute
                """);
        assertThat(p.errors()).hasSize(2);
        assertThat(p.errors()).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(14);
            assertThat(e.message()).isEqualTo("unknown deployment strategy \"Canary10Percent5Minute\". "
                    + "Did you mean \"Canary10Percent5Minutes\"?");
            assertThat(e.hint()).startsWith("use one of AllAtOnce, Canary10Percent5Minutes,").contains("BlueGreen");
        });
        assertThat(p.errors()).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.message()).startsWith("unknown deployment strategy \"Linear10PercentEvery5Minutes\".");
        });
    }

    @Test
    void anUnknownSetting_orAServiceWideType_isAnError() throws IOException {
        ServiceProject p = load("""
                functions:
                  api:
                    handler: demo.Api
                    deploymentSettings:
                      preTrafficHok: smoke
                custom:
                  slipway:
                    deploymentSettings:
                      type: AllAtOnce
                """);
        assertThat(p.errors()).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.message()).isEqualTo("unknown deployment setting \"preTrafficHok\" in "
                    + "functions.api.deploymentSettings. Did you mean \"preTrafficHook\"?");
        });
        assertThat(p.errors()).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(15);
            assertThat(e.message()).startsWith("the service's strategy is custom.slipway.deployment");
        });
    }
}
