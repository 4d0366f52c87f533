package dev.slipway.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.deploy.DeployException;
import dev.slipway.service.LoadOptions;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How serverless.yml and --strategy choose each function's strategy, hooks, alarms and gates. */
class ReleaseSettingsTest {
    @TempDir
    Path dir;

    Service load(String yaml) throws Exception {
        Files.writeString(dir.resolve("serverless.yml"), """
                service: rs
                provider:
                  name: aws
                  runtime: java21
                """ + yaml);
        return ServiceProject.load(dir, LoadOptions.defaults()).service();
    }

    static final String SERVICE = """
            functions:
              api:
                handler: demo.Api
              payments:
                handler: demo.Payments
                deploymentSettings:
                  type: Linear10PercentEvery2Minutes
                  alarms: [payments-errors]
                  maxP99Millis: 900
              smoke:
                handler: demo.Smoke
            custom:
              slipway:
                deployment: Canary10Percent5Minutes
                deploymentSettings:
                  preTrafficHook: smoke
                  alarms: [api-5xx]
                  maxErrorRate: 0.01
                  minInvocations: 20
            """;

    @Test
    void theServiceWideSettingsApply_andAFunctionsOwnOverrideThem() throws Exception {
        Map<String, ReleaseSettings> s = ReleaseSettings.of(load(SERVICE), Optional.empty());
        ReleaseSettings api = s.get("api");
        assertThat(api.strategy().name()).isEqualTo("Canary10Percent5Minutes");
        assertThat(api.preTrafficHook()).contains("rs-dev-smoke");
        assertThat(api.alarms()).containsExactly("api-5xx");
        assertThat(api.gates()).isEqualTo(new ReleaseSettings.Gates(0.01, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 20));
        ReleaseSettings payments = s.get("payments");
        assertThat(payments.strategy().name()).isEqualTo("Linear10PercentEvery2Minutes");
        assertThat(payments.alarms()).containsExactly("payments-errors");
        assertThat(payments.gates().maxP99Millis()).isEqualTo(OptionalDouble.of(900));
        assertThat(payments.gates().maxErrorRate()).isEqualTo(0.01);
    }

    @Test
    void aHookFunction_isNotItsOwnHook() throws Exception {
        assertThat(ReleaseSettings.of(load(SERVICE), Optional.empty()).get("smoke").preTrafficHook()).isEmpty();
    }

    @Test
    void theCommandLinesStrategy_winsEverywhere() throws Exception {
        Map<String, ReleaseSettings> s = ReleaseSettings.of(load(SERVICE), Optional.of("blueGreen"));
        assertThat(s.values()).extracting(r -> r.strategy().name()).containsOnly("BlueGreen");
    }

    @Test
    void withoutSettings_everyFunctionIsReleasedAllAtOnce_andNeedsNoShifter() throws Exception {
        Map<String, ReleaseSettings> s = ReleaseSettings.of(load("""
                functions:
                  api:
                    handler: demo.Api
                """), Optional.empty());
        assertThat(s.get("api")).isEqualTo(ReleaseSettings.allAtOnce());
        assertThat(TrafficShifter.needed(s.get("api"))).isFalse();
        assertThat(s.get("api").alarms()).isEqualTo(List.of());
    }

    @Test
    void alarmsThatAreNotNames_areAClearError() throws Exception {
        Service svc = load("""
                functions:
                  api:
                    handler: demo.Api
                    deploymentSettings:
                      alarms: api-5xx
                """);
        assertThatThrownBy(() -> ReleaseSettings.of(svc, Optional.empty())).isInstanceOf(DeployException.class)
                .hasMessage("functions.api.deploymentSettings.alarms must be a list of CloudWatch alarm names");
    }
}
