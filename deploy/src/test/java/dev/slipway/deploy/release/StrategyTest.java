package dev.slipway.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.deploy.DeployException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** CodeDeploy's predefined Lambda deployment configurations (AWS CodeDeploy User Guide, "Deployment configurations on an AWS Lambda compute platform", read 2026-11). */
class StrategyTest {
    @Test
    void everyCodeDeployLambdaConfiguration_isKnown_plusBlueGreen() {
        assertThat(Strategy.names()).containsExactly("AllAtOnce", "Canary10Percent5Minutes", "Canary10Percent10Minutes",
                "Canary10Percent15Minutes", "Canary10Percent30Minutes", "Linear10PercentEvery1Minute",
                "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes", "Linear10PercentEvery10Minutes",
                "BlueGreen");
    }

    @Test
    void aCanary_holds10PercentForItsMinutes_thenMovesTheRest() {
        Strategy s = Strategy.find("Canary10Percent15Minutes").orElseThrow();
        assertThat(s.steps()).containsExactly(new Strategy.Step(10, Duration.ofMinutes(15)),
                new Strategy.Step(100, Duration.ZERO));
        assertThat(s.gradual()).isTrue();
    }

    @Test
    void aLinearStrategy_adds10PercentEveryInterval() {
        Strategy s = Strategy.find("Linear10PercentEvery3Minutes").orElseThrow();
        assertThat(s.steps()).extracting(Strategy.Step::percent).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(27));
    }

    @Test
    void allAtOnce_isOneStep_andBlueGreen_switchesThenWatches() {
        assertThat(Strategy.find("AllAtOnce").orElseThrow().steps()).containsExactly(new Strategy.Step(100, Duration.ZERO));
        assertThat(Strategy.find("AllAtOnce").orElseThrow().gradual()).isFalse();
        assertThat(Strategy.find("BlueGreen").orElseThrow().steps())
                .containsExactly(new Strategy.Step(100, Duration.ofMinutes(5)));
    }

    @Test
    void names_areCaseInsensitive_andCodeDeploysFullNamesWork() {
        assertThat(Strategy.find("canary10percent5minutes").map(Strategy::name)).contains("Canary10Percent5Minutes");
        assertThat(Strategy.find("CodeDeployDefault.LambdaLinear10PercentEvery1Minute").map(Strategy::name))
                .contains("Linear10PercentEvery1Minute");
        assertThat(Strategy.find("Canary50Percent")).isEmpty();
    }

    @Test
    void anUnknownName_isAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> ReleaseSettings.strategy("Linear10PercentEvery5Minutes", "--strategy"))
                .isInstanceOf(DeployException.class)
                .hasMessage("--strategy: unknown deployment strategy \"Linear10PercentEvery5Minutes\"")
                .satisfies(e -> assertThat(((DeployException) e).hint()).startsWith("use one of AllAtOnce, "));
    }
}
