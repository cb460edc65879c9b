package dev.bitmaxconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command, as {@code ./quickstart.sh --duration 20} runs it, on free ports. */
class QuickstartIT {

    @Test
    void everyChannelDeliversAndTheDemoCommandsComeBackAsResults() throws Exception {
        QuickstartOptions options = QuickstartOptions.parse(
                "--duration", "20s",
                "--kafka-port", String.valueOf(freePort()),
                "--controller-port", String.valueOf(freePort()),
                "--connect-port", String.valueOf(freePort()),
                "--simulator-port", String.valueOf(freePort()),
                "--plugin-path", System.getProperty("plugin.path.dir"),
                "--config-dir", System.getProperty("config.dir"));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        int exitCode = new Quickstart(options, out, System.currentTimeMillis()).run();

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(printed).isZero();
        assertThat(printed)
                .contains("Kafka bootstrap servers  localhost:" + options.kafkaPort())
                .contains("Connect REST API         http://localhost:" + options.connectPort())
                .contains("bitmax-source RUNNING [0:RUNNING 1:RUNNING], bitmax-sink RUNNING [0:RUNNING]")
                .contains("First records")
                .contains("Every channel delivered records")
                .contains("Stopped");
        // Lines of every kind, readable: quotes, trades, order events, results of accepted and refused commands.
        assertThat(printed).containsPattern("BBO +BTC-PERP +bid [0-9.]+ x [0-9.]+ \\| ask [0-9.]+ x [0-9.]+");
        assertThat(printed).containsPattern("TRADES +(BTC|ETH)-PERP +[0-9.]+ @ [0-9.]+");
        assertThat(printed).containsPattern("ORDER +BTC-PERP +\\S+ Filled");
        assertThat(printed).containsPattern("RESULTS +qs\\w+limit +place +accepted orderId \\S+limit");
        assertThat(printed).containsPattern("RESULTS +qs\\w+refused +place +rejected +\\S+");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
