package dev.bitmaxconnect.distribution;

import static dev.bitmaxconnect.distribution.PluginSetup.createTopics;
import static dev.bitmaxconnect.distribution.PluginSetup.sendCommand;
import static dev.bitmaxconnect.distribution.PluginSetup.sourceConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConfigValueInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator does through the Connect REST API, against workers that loaded the plugin from its archive: and
 * the mistakes {@code PUT /connector-plugins/<class>/config/validate} catches, each on the field it concerns, with
 * the one it cannot (a symbol the exchange refuses while the exchange could not be asked), which the running task
 * makes visible.
 */
class ConnectRestApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "BitMaxSourceConnector";
    private static final String SINK = "BitMaxSinkConnector";
    private static final Path REPOSITORY = PluginLocations.moduleDirectory().getParent();
    private static ConnectCluster cluster;
    /** An exchange that accepts connections and never answers. */
    private static ServerSocket silentExchange;

    @BeforeAll
    static void start() throws IOException {
        cluster = PluginSetup.start("rest-api", 3);
        silentExchange = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterAll
    static void stop() throws IOException {
        if (silentExchange != null) {
            silentExchange.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void bothConnectorsAreFoundOnThePluginPathWithTheBuildVersion() throws Exception {
        JsonNode plugins = JSON.readTree(cluster.get("connector-plugins"));

        Map<String, JsonNode> byClass = new HashMap<>();
        plugins.forEach(p -> byClass.put(p.path("class").asText(), p));
        assertThat(byClass).containsKeys(PluginSetup.SOURCE_CLASS, PluginSetup.SINK_CLASS);
        assertThat(byClass.get(PluginSetup.SOURCE_CLASS).path("type").asText()).isEqualTo("source");
        assertThat(byClass.get(PluginSetup.SINK_CLASS).path("type").asText()).isEqualTo("sink");
        assertThat(byClass.get(PluginSetup.SOURCE_CLASS).path("version").asText())
                .isEqualTo(System.getProperty("project.version"));
        assertThat(byClass.get(PluginSetup.SINK_CLASS).path("version").asText())
                .isEqualTo(System.getProperty("project.version"));
    }

    @Test
    void validationReportsEachBadSourceSettingOnItsOwnField() {
        Map<String, String> config = sourceConfig(cluster, "validate");
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
        Map<String, String> config = PluginSetup.sinkConfig(cluster, "validate");
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
        Map<String, String> source = sourceConfig(cluster, "ok");
        source.put("name", "ok-source");
        Map<String, String> sink = PluginSetup.sinkConfig(cluster, "ok");
        sink.put("name", "ok-sink");

        assertThat(errorsByField(cluster.connect.validateConnectorConfig("BitMaxSourceConnector", source))).isEmpty();
        assertThat(errorsByField(cluster.connect.validateConnectorConfig("BitMaxSinkConnector", sink))).isEmpty();
    }

    @Test
    void createPauseResumeRestartAndDeleteASourceConnector() throws Exception {
        String name = "lifecycle-source";
        String topic = "lifecycle.bbo";
        createTopics(cluster, "lifecycle", 1);
        cluster.connect.configureConnector(name, sourceConfig(cluster, "lifecycle"));
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
        createTopics(cluster, "lifecycle-sink", 1);
        cluster.connect.configureConnector(name, PluginSetup.sinkConfig(cluster, "lifecycle-sink"));
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
    void aResultsTopicTheSinkConsumesIsRefusedOnTopicResults() {
        Map<String, String> listed = sinkConfig("loop");
        listed.put("topic.results", "loop-commands");
        Map<String, String> matched = sinkConfig("loop");
        matched.remove("topics");
        matched.remove("errors.deadletterqueue.topic.name");
        matched.put("topics.regex", "loop-.*");
        matched.put("topic.results", "loop-results");

        assertThat(errors(SINK, listed)).containsOnlyKeys("topic.results").extractingByKey("topic.results")
                .asInstanceOf(InstanceOfAssertFactories.LIST).singleElement().asString()
                .startsWith("topic.results=loop-commands is also a command topic (topics=loop-commands): every record "
                        + "written there would be read back as a command and refused");
        assertThat(errors(SINK, matched)).containsOnlyKeys("topic.results").extractingByKey("topic.results")
                .asInstanceOf(InstanceOfAssertFactories.LIST).singleElement().asString()
                .startsWith("topic.results=loop-results is also a command topic (topics.regex=loop-.* matches it)");
    }

    @Test
    void aDeadLetterQueueTheSinkConsumesIsRefusedByConnectItself() {
        Map<String, String> listed = sinkConfig("dlq");
        listed.put("errors.deadletterqueue.topic.name", "dlq-commands");
        Map<String, String> matched = sinkConfig("dlq");
        matched.remove("topics");
        matched.put("topics.regex", "dlq-.*");
        matched.put("topic.results", "results-of-dlq");

        assertThat(errors(SINK, listed)).containsOnlyKeys("topics").extractingByKey("topics").asString()
                .contains("The DLQ topic 'dlq-commands' may not be included in the list of topics");
        assertThat(errors(SINK, matched)).containsOnlyKeys("topics.regex").extractingByKey("topics.regex").asString()
                .contains("The DLQ topic 'dlq-commands-dlq' may not be matched by the regex for the topics");
    }

    @Test
    void theSinkNamesNoExchangeByDefault() {
        Map<String, String> noRestUrl = sinkConfig("nourl");
        noRestUrl.remove("bitmax.rest.url");
        Map<String, String> noWsUrl = sinkConfig("nourl");
        noWsUrl.remove("bitmax.ws.url");
        noWsUrl.put("bitmax.transport", "websocket");

        assertThat(errors(SINK, noRestUrl)).containsOnlyKeys("bitmax.rest.url").extractingByKey("bitmax.rest.url")
                .isEqualTo(List.of("Missing required configuration \"bitmax.rest.url\" which has no default value."));
        assertThat(errors(SINK, noWsUrl)).containsOnlyKeys("bitmax.ws.url").extractingByKey("bitmax.ws.url")
                .asString().contains("bitmax.ws.url is required when bitmax.transport is websocket");
    }

    @Test
    void topicNamesFollowKafkasRules() {
        Map<String, String> source = sourceConfig(cluster, "names");
        source.put("topic.trades", "bad topic!");
        source.put("topic.ref.contracts", "..");
        Map<String, String> sink = sinkConfig("names");
        sink.put("topic.results", "bad topic!");

        Map<String, List<String>> sourceErrors = errors(SOURCE, source);
        assertThat(sourceErrors).containsOnlyKeys("topic.trades", "topic.ref.contracts");
        assertThat(sourceErrors.get("topic.trades")).singleElement().asString().isEqualTo("Invalid value bad topic! for "
                + "configuration topic.trades: Topic name is invalid: 'bad topic!' contains one or more characters "
                + "other than ASCII alphanumerics, '.', '_' and '-'");
        assertThat(sourceErrors.get("topic.ref.contracts")).singleElement().asString().contains("..");
        assertThat(errors(SINK, sink)).containsOnlyKeys("topic.results").extractingByKey("topic.results").asString()
                .contains("Invalid value bad topic! for configuration topic.results: Topic name is invalid");
    }

    @Test
    void everyBadItemOfAListIsNamedInOneMessage() {
        Map<String, String> config = sourceConfig(cluster, "lists");
        config.put("channels", "trade,orders");
        config.put("bar.intervals", "2,3");
        config.put("reference.data", "contract,prices");

        Map<String, List<String>> errors = errors(SOURCE, config);

        assertThat(errors).containsOnlyKeys("channels", "bar.intervals", "reference.data");
        assertThat(errors.get("channels")).containsExactly("Invalid value [trade, orders] for configuration channels: "
                + "unknown items trade, orders; each must be one of pricing, bbo, depth, book, trades, bar, order, account");
        assertThat(errors.get("bar.intervals")).singleElement().asString().contains("unknown items 2, 3;");
        assertThat(errors.get("reference.data")).singleElement().asString().contains("unknown items contract, prices;");
    }

    @Test
    void symbolsTheExchangeDoesNotListAreNamedWithTheListedOnes() {
        Map<String, String> config = sourceConfig(cluster, "symbols");
        config.put("symbols", "BTC-PERP,FOO-PERP,BAR-PERP");

        ConfigInfos infos = validate(SOURCE, config);

        assertThat(errorsByField(infos)).containsOnlyKeys("symbols");
        assertThat(errorsByField(infos).get("symbols")).singleElement().asString()
                .startsWith("Unknown symbols FOO-PERP, BAR-PERP: not in the contract list of " + cluster.simulator.restUrl()
                        + ", which lists ")
                .contains("BTC-PERP", "ETH-PERP");
        assertThat(field(infos, "symbols").recommendedValues()).contains("BTC-PERP", "ETH-PERP");
    }

    @Test
    void anExchangeThatDoesNotAnswerIsNotedWithoutRefusingTheConnector() {
        Map<String, String> config = sourceConfig(cluster, "silent");
        config.put("bitmax.rest.url", silentUrl());

        long started = System.nanoTime();
        ConfigInfos infos = validate(SOURCE, config);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(infos.errorCount()).isZero();
        assertThat(field(infos, "symbols").recommendedValues()).singleElement().asString()
                .startsWith("not checked against the exchange (waited at most 3 s): no contract list from " + silentUrl() + ": ");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aRefusedSubscriptionFailsTheTaskWithTheExchangesReason() {
        String name = "refused-fail";
        cluster.connect.configureConnector(name, unlistedSymbolConfig(name, "fail"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ConnectorStateInfo status = cluster.connect.connectorStatus(name);
            assertThat(status.tasks()).singleElement().satisfies(task -> {
                assertThat(task.state()).isEqualTo("FAILED");
                assertThat(task.trace()).contains("The exchange refused the subscription to trades:FOO-PERP "
                        + "(code 100008 SYMBOL_ERROR: Invalid symbol: 'FOO-PERP')")
                        .contains("subscription.refused.behavior=warn");
            });
        });
        cluster.connect.deleteConnector(name);
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
        Path installed = cluster.pluginPath().resolve("bitmaxconnect-kafka-connect-bitmax-"
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
        sendCommand(cluster, config.get("topics"), Commands.limit(id, "BTC-PERP", "Buy", "0.001", "1000"));

        // Signed with the secret the worker read from etc/secrets: the exchange accepts the order.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(cluster.simulator.groundTruth().acceptedOrdersWithClientId(id)).hasSize(1));
        cluster.connect.deleteConnector(name);
    }

    @Test
    void theMetricTableOfTheOperationsPageListsExactlyTheRegisteredMetrics() throws Exception {
        createTopics(cluster, "metrics", 1);
        cluster.connect.configureConnector("metrics-source", sourceConfig(cluster, "metrics"));
        cluster.connect.configureConnector("metrics-sink", PluginSetup.sinkConfig(cluster, "metrics"));
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("metrics-source", 2, "source");
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("metrics-sink", 1, "sink");
        // A refused command, so that an errors-by-code MBean exists too.
        sendCommand(cluster, "metrics-commands", Commands.limit("metricsrefused", "NOPE-PERP", "Buy", "1", "1"));
        Set<String> documented = MetricTable.documented(REPOSITORY.resolve("docs/operations.md"));
        assertThat(documented).isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(MetricTable.registered(Set.of("metrics-source", "metrics-sink")))
                        .containsExactlyInAnyOrderElementsOf(documented));
        cluster.connect.deleteConnector("metrics-source");
        cluster.connect.deleteConnector("metrics-sink");
    }

    @Test
    void aToleratedRefusalIsCountedAndTheOtherSymbolsStream() {
        String name = "refused-warn";
        cluster.connect.kafka().createTopic(name + ".trades", 1);
        cluster.connect.configureConnector(name, unlistedSymbolConfig(name, "warn"));

        assertThat(cluster.records(name + ".trades", 3, Duration.ofSeconds(60)))
                .allSatisfy(r -> assertThat(r.value().path("symbol").asText()).isEqualTo("BTC-PERP"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(refusedSubscriptions(name)).isPositive());
        assertThat(cluster.connect.connectorStatus(name).tasks()).singleElement()
                .satisfies(task -> assertThat(task.state()).isEqualTo("RUNNING"));
        cluster.connect.deleteConnector(name);
    }

    /**
     * Trades of a listed and an unlisted symbol, validated while the exchange's REST API did not answer (so the
     * symbols could not be checked): the WebSocket, at the simulator, refuses the unlisted one.
     */
    private static Map<String, String> unlistedSymbolConfig(String name, String onRefusal) {
        Map<String, String> config = sourceConfig(cluster, name);
        config.put("name", name);
        config.put("tasks.max", "1");
        config.put("bitmax.rest.url", silentUrl());
        config.put("symbols", "BTC-PERP,FOO-PERP");
        config.put("channels", "trades");
        config.put("subscription.refused.behavior", onRefusal);
        return config;
    }

    private static long refusedSubscriptions(String connector) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long total = 0;
        for (ObjectName task : server.queryNames(new ObjectName("kafka.connect:type=plugins,connector="
                + connector + ",*"), null)) {
            total += ((Number) server.getAttribute(task, "refused-subscriptions-total")).longValue();
        }
        return total;
    }

    private static String silentUrl() {
        return "http://127.0.0.1:" + silentExchange.getLocalPort();
    }

    private static Map<String, String> sinkConfig(String prefix) {
        Map<String, String> config = PluginSetup.sinkConfig(cluster, prefix);
        config.put("name", prefix + "-sink");
        return config;
    }

    private static ConfigInfos validate(String connectorClass, Map<String, String> config) {
        config.putIfAbsent("name", "validated");
        return cluster.connect.validateConnectorConfig(connectorClass, config);
    }

    private static Map<String, List<String>> errors(String connectorClass, Map<String, String> config) {
        return errorsByField(validate(connectorClass, config));
    }

    private static ConfigValueInfo field(ConfigInfos infos, String name) {
        return infos.configs().stream().map(ConfigInfo::configValue).filter(v -> v.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** The errors of each field that has some; their count is the response's error count. */
    private static Map<String, List<String>> errorsByField(ConfigInfos infos) {
        Map<String, List<String>> errors = infos.configs().stream()
                .map(ConfigInfo::configValue)
                .filter(v -> !v.errors().isEmpty())
                .collect(Collectors.toMap(ConfigValueInfo::name, ConfigValueInfo::errors));
        assertThat(infos.errorCount()).isEqualTo(errors.values().stream().mapToInt(List::size).sum());
        return errors;
    }
}
