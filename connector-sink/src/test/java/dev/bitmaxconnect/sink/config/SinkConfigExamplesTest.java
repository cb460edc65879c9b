package dev.bitmaxconnect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.sink.BitMaxSinkConnector;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

/** Every sink config example under the repository's {@code config/} passes the connector's own validation. */
class SinkConfigExamplesTest {

    private static final Path CONFIG = Path.of("..", "config");

    @Test
    void everySinkExampleHasEverySettingTheConnectorRequires() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(CONFIG)) {
            examples = files.filter(f -> f.getFileName().toString().startsWith("bitmax-sink")).sorted().toList();
        }
        assertThat(examples).extracting(f -> f.getFileName().toString())
                .contains("bitmax-sink.properties", "bitmax-sink-simulator.json");
        for (Path example : examples) {
            Map<String, String> config = read(example);
            assertThat(config).as(example.toString())
                    .containsEntry("connector.class", BitMaxSinkConnector.class.getName())
                    .containsKey("topics");
            List<String> errors = new BitMaxSinkConnector().validate(config).configValues().stream()
                    .filter(v -> !v.errorMessages().isEmpty())
                    .map(v -> v.name() + ": " + v.errorMessages()).toList();
            assertThat(errors).as(example.toString()).isEmpty();
            assertThat(config).as(example.toString()).containsKey("results.producer.bootstrap.servers");
        }
    }

    /**
     * A converter that fails on a record keeps it from the sink, which then cannot answer it: the examples for
     * JSON commands hand the sink the record's bytes, which it parses itself, so that every command gets a result.
     * Only the Avro examples use a converter that can fail (docs/operations.md says what that means).
     */
    @Test
    void everyJsonCommandExampleLetsTheSinkSeeEveryRecord() throws IOException {
        List<Path> examples = new ArrayList<>();
        for (Path dir : List.of(CONFIG, Path.of("..", "docker", "connectors"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().startsWith("bitmax-sink")).forEach(examples::add);
            }
        }
        assertThat(examples).extracting(f -> f.getFileName().toString())
                .contains("bitmax-sink.properties", "bitmax-sink-simulator.json", "bitmax-sink-exchange.json",
                        "bitmax-sink.json", "bitmax-sink-avro.json", "bitmax-sink-apicurio.json");
        Map<String, String> avroConverters = Map.of(
                "bitmax-sink-avro.json", "io.confluent.connect.avro.AvroConverter",
                "bitmax-sink-apicurio.json", "io.apicurio.registry.utils.converter.AvroConverter");
        for (Path example : examples) {
            String converter = read(example).get("value.converter");
            String avroConverter = avroConverters.get(example.getFileName().toString());
            if (avroConverter != null) {
                assertThat(converter).as(example.toString()).isEqualTo(avroConverter);
                continue;
            }
            assertThat(converter).as(example.toString())
                    .isIn(ByteArrayConverter.class.getName(), StringConverter.class.getName());
        }
    }

    @Test
    void theValidationFlagsAMissingResultsProducer() {
        Map<String, String> config = new HashMap<>(Map.of("connector.class", BitMaxSinkConnector.class.getName(),
                "topics", "cmds", "bitmax.api.key", "k", "bitmax.api.secret", "s"));
        List<ConfigValue> values = new BitMaxSinkConnector().validate(config).configValues();
        assertThat(values).filteredOn(v -> v.name().equals("results.producer.bootstrap.servers"))
                .singleElement().satisfies(v -> assertThat(v.errorMessages()).isNotEmpty());
    }

    @Test
    void theValidationRefusesAResultsTopicTheConnectorConsumes() {
        Map<String, String> config = new HashMap<>(Map.of("connector.class", BitMaxSinkConnector.class.getName(),
                "topics", "cmds", "topic.results", "cmds", "bitmax.rest.url", "http://127.0.0.1:8090",
                "bitmax.api.key", "k", "bitmax.api.secret", "s", "results.producer.bootstrap.servers", "b:9092"));
        List<ConfigValue> values = new BitMaxSinkConnector().validate(config).configValues();
        assertThat(values).filteredOn(v -> !v.errorMessages().isEmpty()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("topic.results");
            assertThat(v.errorMessages()).singleElement().asString()
                    .startsWith("topic.results=cmds is also a command topic (topics=cmds)");
        });
    }

    @Test
    void theValidationAsksForAWebSocketUrlWithTheWebSocketTransport() {
        Map<String, String> config = new HashMap<>(Map.of("connector.class", BitMaxSinkConnector.class.getName(),
                "topics", "cmds", "bitmax.rest.url", "http://127.0.0.1:8090", "bitmax.transport", "websocket",
                "bitmax.api.key", "k", "bitmax.api.secret", "s", "results.producer.bootstrap.servers", "b:9092"));
        List<ConfigValue> values = new BitMaxSinkConnector().validate(config).configValues();
        assertThat(values).filteredOn(v -> !v.errorMessages().isEmpty()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("bitmax.ws.url");
            assertThat(v.errorMessages()).singleElement().asString().contains("required when bitmax.transport is websocket");
        });
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (file.toString().endsWith(".json")) {
            JsonNode config = new ObjectMapper().readTree(file.toFile()).get("config");
            config.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        } else {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        }
        return out;
    }
}
