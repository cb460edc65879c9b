package dev.bitmaxconnect.quickstart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A connector as written in a {@code config/*.json} file for {@code POST /connectors}: a name and its config,
 * pointed at the simulator the quickstart runs.
 */
record ConnectorDefinition(String name, Map<String, String> config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ConnectorDefinition read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        String name = root.path("name").asText(null);
        if (name == null || !root.path("config").isObject()) {
            throw new IllegalArgumentException(file + " must hold {\"name\": ..., \"config\": {...}}");
        }
        Map<String, String> config = JSON.convertValue(root.path("config"),
                new TypeReference<LinkedHashMap<String, String>>() { });
        return new ConnectorDefinition(name, config);
    }

    /** Points the connector at this simulator. */
    ConnectorDefinition withExchange(String restUrl, String wsUrl) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.put("bitmax.rest.url", restUrl);
        copy.put("bitmax.ws.url", wsUrl);
        return new ConnectorDefinition(name, copy);
    }

    /** Points a sink's results producer at this broker (a source's config stays as it is). */
    ConnectorDefinition withResultsBrokers(String bootstrapServers) {
        if (!config.containsKey("topic.results")) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.put("results.producer.bootstrap.servers", bootstrapServers);
        return new ConnectorDefinition(name, copy);
    }

    /**
     * Makes relative {@code ${file:<path>:<key>}} references absolute against {@code baseDirectory} (the
     * directory that holds {@code config/}), so the worker finds the secrets file whatever the working directory.
     */
    ConnectorDefinition withFileReferencesRelativeTo(Path baseDirectory) {
        Map<String, String> copy = new LinkedHashMap<>();
        config.forEach((key, value) -> copy.put(key, absoluteFileReference(value, baseDirectory)));
        return new ConnectorDefinition(name, copy);
    }

    private static String absoluteFileReference(String value, Path baseDirectory) {
        String prefix = "${file:";
        if (value == null || !value.startsWith(prefix) || value.indexOf(':', prefix.length()) < 0) {
            return value;
        }
        int pathEnd = value.indexOf(':', prefix.length());
        Path path = Path.of(value.substring(prefix.length(), pathEnd));
        if (path.isAbsolute()) {
            return value;
        }
        return prefix + baseDirectory.resolve(path).normalize() + value.substring(pathEnd);
    }

    /** The topics a sink reads ({@code topics}), empty for a source. */
    List<String> topics() {
        String topics = config.getOrDefault("topics", "");
        return Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toList());
    }
}
