package dev.bitmaxconnect.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConfigValueInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator does through the Connect REST API, against workers that loaded the plugin from its archive. */
class ConnectRestApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = PluginLocations.moduleDirectory().getParent();
    private static PluginCluster cluster;

    @BeforeAll
    static void start() {
        cluster = PluginCluster.start("rest-api", 3);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void bothConnectorsAreFoundOnThePluginPathWithTheBuildVersion() throws Exception {
        JsonNode plugins = JSON.readTree(cluster.get("connector-plugins"));

        Map<String, JsonNode> byClass = new HashMap<>();
        plugins.forEach(p -> byClass.put(p.path("class").asText(), p));
        assertThat(byClass).containsKeys(PluginCluster.SOURCE_CLASS, PluginCluster.SINK_CLASS);
        assertThat(byClass.get(PluginCluster.SOURCE_CLASS).path("type").asText()).isEqualTo("source");
        assertThat(byClass.get(PluginCluster.SINK_CLASS).path("type").asText()).isEqualTo("sink");
        assertThat(byClass.get(PluginCluster.SOURCE_CLASS).path("version").asText())
                .isEqualTo(System.getProperty("project.version"));
        assertThat(byClass.get(PluginCluster.SINK_CLASS).path("version").asText())
                .isEqualTo(System.getProperty("project.version"));
    }

    @Test
    void validationReportsEachBadSourceSettingOnItsOwnField() {
        Map<String, String> config = cluster.sourceConfig("validate");
        config.put("bitmax.rest.url", "not a url");
        config.put("channels", "bbo,gossip");
        config.put("decimal.handling.mode", "approximately");

        ConfigInfos infos = cluster.connect.validateConnectorConfig("BitMaxSourceConnector", config);

        Map<String, List<String>> errors = errorsByField(infos);
        assertThat(errors).containsKeys("bitmax.rest.url", "channels", "decimal.handling.mode");
        assertThat(errors.get("bitmax.rest.url")).anySatisfy(e -> assertThat(e).contains("not a url"));
        assertThat(errors.get("channels")).anySatisfy(e -> assertThat(e).contains("gossip"));
        assertThat(errors.get("decimal.handling.mode")).anySatisfy(e -> assertThat(e).contains("approximately"));
        assertThat(errors).doesNotContainKeys("symbols", "topic.prefix", "bitmax.ws.url");
        assertThat(infos.errorCount()).isEqualTo(errors.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void validationReportsEachBadSinkSettingOnItsOwnField() {
        Map<String, String> config = cluster.sinkConfig("validate");
        config.put("bitmax.ws.url", "ftp://example.com");
        config.put("retry.max.attempts", "-3");

        ConfigInfos infos = cluster.connect.validateConnectorConfig("BitMaxSinkConnector", config);

        Map<String, List<String>> errors = errorsByField(infos);
        assertThat(errors).containsKeys("bitmax.ws.url", "retry.max.attempts");
        assertThat(errors.get("bitmax.ws.url")).anySatisfy(e -> assertThat(e).contains("ftp://example.com"));
        assertThat(errors.get("retry.max.attempts")).anySatisfy(e -> assertThat(e).contains("-3"));
        assertThat(errors).doesNotContainKeys("bitmax.rest.url", "topics", "topic.results");
    }

    @Test
    void goodConfigsValidateWithoutErrors() {
        Map<String, String> source = cluster.sourceConfig("ok");
        source.put("name", "ok-source");
        Map<String, String> sink = cluster.sinkConfig("ok");
        sink.put("name", "ok-sink");

        assertThat(errorsByField(cluster.connect.validateConnectorConfig("BitMaxSourceConnector", source))).isEmpty();
        assertThat(errorsByField(cluster.connect.validateConnectorConfig("BitMaxSinkConnector", sink))).isEmpty();
    }

    @Test
    void createPauseResumeRestartAndDeleteASourceConnector() throws Exception {
        String name = "lifecycle-source";
        String topic = "lifecycle.bbo";
        cluster.createTopics("lifecycle", 1);
        cluster.connect.configureConnector(name, cluster.sourceConfig("lifecycle"));
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 2, "source not running");
        int before = cluster.records(topic, 5, Duration.ofSeconds(30)).size();

        cluster.connect.pauseConnector(name);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksArePaused(name, 2, "source not paused");

        cluster.connect.resumeConnector(name);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 2, "source not resumed");

        ConnectorStateInfo restarted = cluster.connect.restartConnectorAndTasks(name, false, true, false);
        assertThat(restarted.name()).isEqualTo(name);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 2, "source not restarted");
        assertThat(cluster.records(topic, before + 5, Duration.ofSeconds(30))).hasSizeGreaterThan(before);

        cluster.connect.deleteConnector(name);
        cluster.connect.assertions().assertConnectorDoesNotExist(name, "source not deleted");
        assertThat(cluster.connect.connectors()).doesNotContain(name);
    }

    @Test
    void createAndDeleteASinkConnector() throws Exception {
        String name = "lifecycle-sink";
        cluster.createTopics("lifecycle-sink", 1);
        cluster.connect.configureConnector(name, cluster.sinkConfig("lifecycle-sink"));
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "sink not running");
        assertThat(cluster.connect.connectorInfo(name).config()).containsEntry("topics", "lifecycle-sink-commands");

        cluster.connect.pauseConnector(name);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksArePaused(name, 1, "sink not paused");
        cluster.connect.resumeConnector(name);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "sink not resumed");

        cluster.connect.deleteConnector(name);
        cluster.connect.assertions().assertConnectorDoesNotExist(name, "sink not deleted");
    }

    @Test
    void theReadmeValidateRecipeReportsOnlyTheFieldItBroke() throws Exception {
        // jq '.config + {name} | ."bitmax.rest.url" = "nope"' config/bitmax-source-simulator.json
        JsonNode file = JSON.readTree(REPOSITORY.resolve("config/bitmax-source-simulator.json").toFile());
        Map<String, String> config = new HashMap<>();
        file.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        config.put("name", file.path("name").asText());
        config.put("bitmax.rest.url", "nope");
        // The README's worker runs from the repository root, where the file references resolve; this one runs from
        // distribution/, so they are made absolute against the repository root, as the quickstart does.
        config.replaceAll((key, value) -> value.replace("${file:config/", "${file:" + REPOSITORY.resolve("config") + "/"));

        ConfigInfos infos = cluster.connect.validateConnectorConfig("BitMaxSourceConnector", config);

        Map<String, List<String>> errors = errorsByField(infos);
        assertThat(errors).containsOnlyKeys("bitmax.rest.url");
        assertThat(errors.get("bitmax.rest.url")).anySatisfy(e -> assertThat(e).contains("nope"));
    }

    @Test
    void anExampleConfigOfTheInstalledArchiveFindsItsSecretsInEtc() throws Exception {
        // P=<plugin directory>; sed "s|\${file:config/|\${file:$P/etc/|" $P/etc/bitmax-sink-simulator.json
        Path installed = cluster.pluginPath.resolve("bitmaxconnect-kafka-connect-bitmax-"
                + System.getProperty("project.version"));
        String text = Files.readString(installed.resolve("etc/bitmax-sink-simulator.json"))
                .replace("${file:config/", "${file:" + installed.resolve("etc") + "/");
        JsonNode file = JSON.readTree(text);
        Map<String, String> config = new HashMap<>();
        file.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        assertThat(config.get("bitmax.api.secret")).startsWith("${file:" + installed.resolve("etc/secrets") + "/");
        // This test's exchange and brokers instead of the file's localhost ports.
        config.put("bitmax.rest.url", cluster.simulator.restUrl());
        config.put("bitmax.ws.url", cluster.simulator.wsUrl());
        config.put("results.producer.bootstrap.servers", cluster.connect.kafka().bootstrapServers());
        String name = file.path("name").asText();
        cluster.connect.kafka().createTopic(config.get("topics"), 1);
        cluster.connect.kafka().createTopic(config.get("topic.results"), 1);

        cluster.connect.configureConnector(name, config);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "sink not running");
        String id = "installed" + Long.toString(System.currentTimeMillis(), 36);
        cluster.sendCommand(config.get("topics"), Commands.limit(id, "BTC-PERP", "Buy", "0.001", "1000"));

        // Signed with the secret the worker read from etc/secrets: the exchange accepts the order.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(cluster.simulator.groundTruth().acceptedOrdersWithClientId(id)).hasSize(1));
        cluster.connect.deleteConnector(name);
    }

    @Test
    void theMetricTableOfTheReadmeListsExactlyTheRegisteredMetrics() throws Exception {
        cluster.createTopics("metrics", 1);
        cluster.connect.configureConnector("metrics-source", cluster.sourceConfig("metrics"));
        cluster.connect.configureConnector("metrics-sink", cluster.sinkConfig("metrics"));
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("metrics-source", 2, "source");
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("metrics-sink", 1, "sink");
        // A refused command, so that an errors-by-code MBean exists too.
        cluster.sendCommand("metrics-commands", Commands.limit("metricsrefused", "NOPE-PERP", "Buy", "1", "1"));
        Set<String> documented = MetricTable.documented(REPOSITORY.resolve("README.md"));
        assertThat(documented).isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(MetricTable.registered(Set.of("metrics-source", "metrics-sink")))
                        .containsExactlyInAnyOrderElementsOf(documented));
        cluster.connect.deleteConnector("metrics-source");
        cluster.connect.deleteConnector("metrics-sink");
    }

    private static Map<String, List<String>> errorsByField(ConfigInfos infos) {
        return infos.configs().stream()
                .map(ConfigInfo::configValue)
                .filter(v -> !v.errors().isEmpty())
                .collect(Collectors.toMap(ConfigValueInfo::name, ConfigValueInfo::errors));
    }
}
