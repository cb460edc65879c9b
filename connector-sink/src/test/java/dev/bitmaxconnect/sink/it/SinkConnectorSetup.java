package dev.bitmaxconnect.sink.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.AccountSpec;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.BitMaxSinkConnector;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The sink connector on a {@link ConnectCluster}: its settings in these tests, its topics, its results. */
final class SinkConnectorSetup {

    /** A second account whose key may only read. */
    static final String VIEW_ONLY_KEY = "viewOnlyKey00000000000000000001";
    static final String VIEW_ONLY_SECRET = "viewOnlySecret000000000000000000000000000000000000000000000001";

    private SinkConnectorSetup() {
    }

    /** One worker with string converters, and a simulator with the default account and a view-only one. */
    static ConnectCluster startCluster(String name) {
        return ConnectCluster.builder(name)
                .values(ConnectCluster.Values.STRING)
                .simulator(BitMaxSimulator.builder()
                        .marketDataRate(5)
                        .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                        .account(AccountSpec.numbered(2, VIEW_ONLY_KEY, VIEW_ONLY_SECRET)
                                .withPermissions(true, false, false)))
                .start();
    }

    static BitMaxRestClient restClient(ConnectCluster cluster) {
        return new BitMaxRestClient(BitMaxClientConfig.builder()
                .restUrl(cluster.simulator.restUrl())
                .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .build());
    }

    /** A sink connector reading {@code topic}, writing results to {@code topic + ".results"}. */
    static Map<String, String> sinkConfig(ConnectCluster cluster, String topic) {
        Map<String, String> c = cluster.exchangeConfig(BitMaxSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("topic.results", topic + ".results");
        c.put("results.producer.bootstrap.servers", cluster.connect.kafka().bootstrapServers());
        c.put("retry.backoff.ms", "50");
        c.put("retry.backoff.max.ms", "500");
        c.put("bitmax.request.timeout.ms", "3000");
        return c;
    }

    /** Creates the command and results topics, then starts the connector and waits for its task. */
    static void startSink(ConnectCluster cluster, String connector, Map<String, String> config) {
        cluster.connect.kafka().createTopic(config.get("topics"), 1);
        cluster.connect.kafka().createTopic(config.get("topic.results"), 1);
        cluster.startConnector(connector, config, 1);
    }

    static void send(ConnectCluster cluster, String topic, String json) {
        cluster.connect.kafka().produce(topic, null, json);
    }

    /** The results of a topic's commands, by command offset (the last one written for each). */
    static Map<Long, JsonNode> resultsByOffset(ConnectCluster cluster, String resultsTopic, int count, Duration timeout) {
        Map<Long, JsonNode> out = new HashMap<>();
        for (ConsumerRecord<String, JsonNode> r : cluster.records(resultsTopic, count, timeout)) {
            out.put(r.value().get("offset").asLong(), r.value());
        }
        return out;
    }

    static List<AcceptedOrder> ordersWithClientId(ConnectCluster cluster, String clientId) {
        return cluster.simulator.groundTruth().acceptedOrdersWithClientId(clientId);
    }
}
