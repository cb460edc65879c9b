package dev.bitmaxconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorDefinitionTest {

    private final ConnectorDefinition sink = new ConnectorDefinition("bitmax-sink", Map.of(
            "topics", "bitmax-commands, other",
            "topic.results", "bitmax-results",
            "bitmax.rest.url", "http://localhost:8090",
            "bitmax.api.key", "${file:config/secrets/sim.properties:bitmax.api.key}",
            "bitmax.api.secret", "${file:/etc/secrets/bitmax.properties:bitmax.api.secret}"));

    @Test
    void relativeSecretFilesResolveAgainstTheDirectoryHoldingConfig() {
        Path root = Path.of("/repo").toAbsolutePath();
        Map<String, String> config = sink.withFileReferencesRelativeTo(root).config();

        assertThat(config.get("bitmax.api.key"))
                .isEqualTo("${file:" + root.resolve("config/secrets/sim.properties") + ":bitmax.api.key}");
        assertThat(config.get("bitmax.api.secret"))
                .isEqualTo("${file:/etc/secrets/bitmax.properties:bitmax.api.secret}");
        assertThat(config.get("topics")).isEqualTo("bitmax-commands, other");
    }

    @Test
    void exchangeAndResultsBrokersAreReplacedAndTopicsListed() {
        ConnectorDefinition pointed = sink.withExchange("http://127.0.0.1:1", "ws://127.0.0.1:1")
                .withResultsBrokers("localhost:19092");

        assertThat(pointed.config()).containsEntry("bitmax.rest.url", "http://127.0.0.1:1")
                .containsEntry("bitmax.ws.url", "ws://127.0.0.1:1")
                .containsEntry("results.producer.bootstrap.servers", "localhost:19092");
        assertThat(pointed.topics()).containsExactly("bitmax-commands", "other");
        ConnectorDefinition source = new ConnectorDefinition("bitmax-source", Map.of("channels", "bbo"));
        assertThat(source.withResultsBrokers("localhost:19092").config()).doesNotContainKey(
                "results.producer.bootstrap.servers");
    }
}
