package dev.bitmaxconnect.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sink's topics are spelled one way wherever an operator reads them: {@code <prefix>-commands},
 * {@code <prefix>-results} and {@code <prefix>-commands-dlq}, as the {@code topic.results} default
 * ({@code bitmax-results}, in docs/configuration-sink.md, which a test holds to the ConfigDef).
 */
class ExampleTopicNamesTest {

    private static final Path ROOT = PluginLocations.moduleDirectory().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    @Test
    void everySinkExampleNamesItsTopicsLikeTheDefault() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String sinkPage = Files.readString(ROOT.resolve("docs/sink.md"));
        String configurationPage = Files.readString(ROOT.resolve("docs/configuration-sink.md"));
        Matcher reference = Pattern.compile("\\| `topic\\.results` \\| string \\| `([^`]+)` \\|").matcher(configurationPage);
        assertThat(reference.find()).as("topic.results in docs/configuration-sink.md").isTrue();
        String defaultResults = reference.group(1);
        assertThat(defaultResults).isEqualTo("bitmax-results");

        Map<String, Map<String, String>> examples = new LinkedHashMap<>();
        for (String file : List.of("config/bitmax-sink-simulator.json", "config/bitmax-sink-exchange.json",
                "config/bitmax-sink-avro.json", "config/bitmax-sink-apicurio.json",
                "docker/connectors/bitmax-sink.json")) {
            examples.put(file, jsonConfig(ROOT.resolve(file)));
        }
        examples.put("config/bitmax-sink.properties", properties(ROOT.resolve("config/bitmax-sink.properties")));
        examples.put("README.md", sinkExample(readme));
        examples.put("docs/sink.md", sinkExample(sinkPage));

        assertThat(examples).allSatisfy((file, config) -> {
            String prefix = config.get("topic.results").replaceFirst("-results$", "");
            assertThat(config.get("topic.results")).as(file).endsWith("-results");
            assertThat(config.get("topics")).as(file).isEqualTo(prefix + "-commands");
            assertThat(config.get("errors.deadletterqueue.topic.name")).as(file).isEqualTo(prefix + "-commands-dlq");
        });
        assertThat(examples.get("config/bitmax-sink-simulator.json").get("topic.results")).isEqualTo(defaultResults);
        assertThat(examples.get("README.md").get("topic.results")).isEqualTo(defaultResults);
        assertThat(examples.get("docs/sink.md").get("topic.results")).isEqualTo(defaultResults);
        assertThat(readme + sinkPage).doesNotContain("bitmax.commands", "bitmax.results");
    }

    private static Map<String, String> jsonConfig(Path file) throws IOException {
        return JSON.convertValue(JSON.readTree(file.toFile()).path("config"), STRINGS);
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        Map<String, String> config = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(key -> config.put(key, props.getProperty(key)));
        return config;
    }

    /** The page's first JSON example of a sink connector ({@code {"name": ..., "config": {...}}}). */
    private static Map<String, String> sinkExample(String page) throws IOException {
        Matcher block = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(page);
        while (block.find()) {
            JsonNode example = JSON.readTree(block.group(1));
            if (example.path("config").path("connector.class").asText().endsWith("BitMaxSinkConnector")) {
                return JSON.convertValue(example.path("config"), STRINGS);
            }
        }
        throw new AssertionError("no JSON example of the sink connector");
    }
}
