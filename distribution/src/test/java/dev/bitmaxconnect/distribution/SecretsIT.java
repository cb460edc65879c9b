package dev.bitmaxconnect.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API key and secret reach the connectors through Connect's file config provider ({@code ${file:...}}),
 * work (the exchange accepts signed requests), and show in no REST answer and no log line of the workers.
 */
class SecretsIT {

    private static final String API_KEY = "itKey" + UUID.randomUUID().toString().replace("-", "");
    private static final String API_SECRET = "itSecret" + UUID.randomUUID().toString().replace("-", "");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static PluginCluster cluster;
    private static Path secrets;

    @BeforeAll
    static void start() throws Exception {
        secrets = Paths.get("target", "it-secrets", "bitmax.properties").toAbsolutePath();
        Files.createDirectories(secrets.getParent());
        Files.writeString(secrets, "bitmax.api.key=" + API_KEY + "\nbitmax.api.secret=" + API_SECRET + "\n");
        cluster = PluginCluster.start("secrets", 3, API_KEY, API_SECRET);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void secretsFromTheFileProviderSignRequestsAndAppearInNoAnswerOrLog() throws Exception {
        Map<String, String> sink = withSecretsFromFile(cluster.sinkConfig("secret"));
        Map<String, String> source = withSecretsFromFile(cluster.sourceConfig("secret"));
        source.put("channels", "order");
        cluster.createTopics("secret", 1);
        cluster.connect.configureConnector("secret-sink", sink);
        cluster.connect.configureConnector("secret-source", source);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("secret-sink", 1, "sink");
        cluster.connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("secret-source", 1, "source");

        // Signed with the secret read from the file: the exchange accepts the order and streams it back.
        String id = "secret" + Long.toString(System.currentTimeMillis(), 36);
        cluster.sendCommand("secret.commands", Commands.market(id, "ETH-PERP", "Buy", "0.01"));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(cluster.simulator.groundTruth().acceptedOrdersWithClientId(id)).hasSize(1));
        String orderId = cluster.simulator.groundTruth().acceptedOrdersWithClientId(id).get(0).orderId();
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, JsonNode>> orders = cluster.records("secret.order", 1, WAIT);
            assertThat(orders).anySatisfy(r -> assertThat(r.value().path("orderId").asText()).isEqualTo(orderId));
        });

        // The REST API shows the references, never the values.
        String placeholder = "${file:" + secrets + ":bitmax.api.secret}";
        assertThat(cluster.connect.connectorInfo("secret-sink").config()).containsEntry("bitmax.api.secret",
                placeholder);
        for (String connector : List.of("secret-sink", "secret-source")) {
            String info = cluster.get("connectors/" + connector);
            String tasks = cluster.get("connectors/" + connector + "/tasks");
            String status = cluster.get("connectors/" + connector + "/status");
            assertThat(info + tasks + status).contains(connector).doesNotContain(API_SECRET);
        }

        // No worker log line holds the secret. The log holds the connectors' own lines, so it was captured.
        Path log = Paths.get(System.getProperty("org.slf4j.simpleLogger.logFile"));
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged).contains("secret-sink").contains("secret-source");
        assertThat(logged).doesNotContain(API_SECRET);
    }

    private static Map<String, String> withSecretsFromFile(Map<String, String> config) {
        config.put("bitmax.api.key", "${file:" + secrets + ":bitmax.api.key}");
        config.put("bitmax.api.secret", "${file:" + secrets + ":bitmax.api.secret}");
        return config;
    }
}
