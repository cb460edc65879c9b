package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimulatorMainIT {

    @Test
    void helpPrintsEveryFlag() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(SimulatorMain.parse(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--port", "--api-key", "--api-secret", "--seed", "--rate", "--help");
    }

    @Test
    void flagsConfigureAWorkingSimulator() throws Exception {
        BitMaxSimulator.Builder builder = SimulatorMain.parse(new String[] {"--port", "0", "--api-key", "k1",
                "--api-secret=s1", "--seed", "99", "--rate", "0", "--ws-signed-path", "stream"}, System.out);
        try (BitMaxSimulator sim = builder.build().start()) {
            RestTestClient rest = new RestTestClient(sim.restUrl(), "k1", "s1", SimulatorDefaults.ACCOUNT_GROUP);
            assertThat(rest.accountInfo().path("code").asInt()).isZero();
            assertThat(sim.port()).isPositive();
        }
    }

    @Test
    void badFlagsAreNamed() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--rate", "fast"}, System.out))
                .hasMessageContaining("--rate").hasMessageContaining("fast");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--colour", "red"}, System.out))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"}, System.out))
                .hasMessageContaining("--port");
    }
}
