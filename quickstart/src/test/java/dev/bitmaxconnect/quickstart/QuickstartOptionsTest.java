package dev.bitmaxconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuickstartOptionsTest {

    @Test
    void defaultsAreTheWellKnownLocalPortsAndRunUntilStopped() {
        QuickstartOptions options = QuickstartOptions.parse();

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.connectPort()).isEqualTo(8083);
        assertThat(options.simulatorPort()).isEqualTo(8090);
        assertThat(options.duration()).isEmpty();
        assertThat(options.pluginPath().isAbsolute()).isTrue();
        assertThat(options.pluginPath().toString().replace('\\', '/')).endsWith("distribution/target/plugins");
    }

    @Test
    void portsAndDurationAreRead() {
        QuickstartOptions options = QuickstartOptions.parse("--duration", "2m", "--kafka-port", "19092",
                "--connect-port", "18083", "--simulator-port", "0", "--controller-port", "19093");

        assertThat(options.duration()).contains(Duration.ofMinutes(2));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.controllerPort()).isEqualTo(19093);
        assertThat(options.connectPort()).isEqualTo(18083);
        assertThat(options.simulatorPort()).isZero();
    }

    @Test
    void durationsWithoutUnitAreSeconds() {
        assertThat(QuickstartOptions.parseDuration("60")).isEqualTo(Duration.ofSeconds(60));
        assertThat(QuickstartOptions.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(QuickstartOptions.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void badOptionsNameTheOptionAndTheValue() {
        assertThatThrownBy(() -> QuickstartOptions.parse("--kafka-port", "ninety"))
                .hasMessageContaining("--kafka-port").hasMessageContaining("ninety");
        assertThatThrownBy(() -> QuickstartOptions.parse("--duration", "soon"))
                .hasMessageContaining("--duration").hasMessageContaining("soon");
        assertThatThrownBy(() -> QuickstartOptions.parse("--verbose")).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> QuickstartOptions.parse("--duration")).hasMessageContaining("needs a value");
    }
}
