package dev.bitmaxconnect.distribution;

import static dev.bitmaxconnect.distribution.PluginSetup.createTopics;
import static dev.bitmaxconnect.distribution.PluginSetup.sendCommand;
import static dev.bitmaxconnect.distribution.PluginSetup.sinkConfig;
import static dev.bitmaxconnect.distribution.PluginSetup.sourceConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One of three workers stops while both connectors run: its tasks move to the others, the streams go on,
 * and every command is executed exactly once at the exchange (the simulator's ground truth).
 */
class WorkerFailoverIT {

    private static final String PREFIX = "failover";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String RUN = "f" + Long.toString(System.currentTimeMillis(), 36);
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        cluster = PluginSetup.start("failover", 3);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void tasksMoveStreamsContinueAndNoCommandRunsTwiceOrGetsLost() throws Exception {
        createTopics(cluster, PREFIX, 2);
        Map<String, String> sink = sinkConfig(cluster, PREFIX);
        sink.put("tasks.max", "2");
        cluster.connect.configureConnector("failover-source", sourceConfig(cluster, PREFIX));
        cluster.connect.configureConnector("failover-sink", sink);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("failover-source", 2, "source");
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("failover-sink", 2, "sink");

        List<String> ids = new ArrayList<>();
        sendOrders(ids, 0, 10);
        awaitAccepted(ids);

        // Stop the worker that runs a sink task, while commands keep coming.
        WorkerHandle victim = cluster.workerRunning("failover-sink");
        String victimId = victim.url().getHost() + ":" + victim.url().getPort();
        int bboBefore = cluster.records(PREFIX + ".bbo", 1, WAIT).size();
        cluster.connect.removeWorker(victim);
        sendOrders(ids, 10, 20);
        cluster.connect.assertions().assertExactlyNumWorkersAreUp(2, "a worker is still up after stopping");

        await().atMost(WAIT).untilAsserted(() -> {
            for (String connector : List.of("failover-source", "failover-sink")) {
                ConnectorStateInfo status = cluster.connect.connectorStatus(connector);
                assertThat(status.tasks()).hasSize(2).allSatisfy(task -> {
                    assertThat(task.state()).isEqualTo("RUNNING");
                    assertThat(task.workerId()).doesNotContain(victimId);
                });
            }
        });
        sendOrders(ids, 20, 30);

        // Every command executed exactly once at the exchange, none lost.
        awaitAccepted(ids);
        List<AcceptedOrder> ours = cluster.simulator.groundTruth().acceptedOrders().stream()
                .filter(o -> o.clientId().startsWith(RUN)).toList();
        assertThat(ours).hasSize(ids.size());
        assertThat(ours.stream().map(AcceptedOrder::clientId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ids);

        // Every command has its result, and every result names the order the exchange really accepted.
        Map<String, String> orderIdByClientId = ours.stream()
                .collect(Collectors.toMap(AcceptedOrder::clientId, AcceptedOrder::orderId));
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> results = cluster.records(PREFIX + "-results", ids.size(), WAIT).stream()
                    .map(ConsumerRecord::value).toList();
            Map<String, JsonNode> byId = results.stream().collect(Collectors.toMap(
                    r -> r.path("commandId").asText(), Function.identity(), (a, b) -> b));
            assertThat(byId).containsOnlyKeys(ids);
            byId.forEach((id, result) -> {
                assertThat(result.path("orderId").asText()).as(id).isEqualTo(orderIdByClientId.get(id));
                assertThat(result.path("status").asText().toUpperCase(java.util.Locale.ROOT)).as(id)
                        .isIn("ACCEPTED", "DUPLICATE");
            });
        });

        // Market data keeps flowing after the move.
        assertThat(cluster.records(PREFIX + ".bbo", bboBefore + 20, WAIT)).hasSizeGreaterThanOrEqualTo(
                bboBefore + 20);
    }

    private static void sendOrders(List<String> ids, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = RUN + "cmd" + i;
            String symbol = i % 2 == 0 ? "BTC-PERP" : "ETH-PERP";
            String qty = i % 2 == 0 ? "0.001" : "0.01";
            sendCommand(cluster, PREFIX + "-commands", Commands.market(id, symbol, i % 3 == 0 ? "Sell" : "Buy", qty));
            ids.add(id);
        }
    }

    private static void awaitAccepted(List<String> ids) {
        await().atMost(WAIT).untilAsserted(() -> {
            Set<String> accepted = new HashSet<>();
            cluster.simulator.groundTruth().acceptedOrders().forEach(o -> accepted.add(o.clientId()));
            assertThat(accepted).containsAll(ids);
        });
    }

}
