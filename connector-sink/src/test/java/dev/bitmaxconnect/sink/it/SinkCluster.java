package dev.bitmaxconnect.sink.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.AccountSpec;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.BitMaxSinkConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.storage.StringConverter;
import org.awaitility.Awaitility;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** One Kafka broker, one Connect worker and one simulator, shared by the tests of a class. */
final class SinkCluster implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A second account whose key may only read. */
    static final String VIEW_ONLY_KEY = "viewOnlyKey00000000000000000001";
    static final String VIEW_ONLY_SECRET = "viewOnlySecret000000000000000000000000000000000000000000000001";

    final EmbeddedConnectCluster connect;
    final BitMaxSimulator simulator;
    final BitMaxRestClient rest;

    private SinkCluster(EmbeddedConnectCluster connect, BitMaxSimulator simulator) {
        this.connect = connect;
        this.simulator = simulator;
        this.rest = new BitMaxRestClient(BitMaxClientConfig.builder()
                .restUrl(simulator.restUrl())
                .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .build());
    }

    static SinkCluster start(String name) {
        BitMaxSimulator simulator = BitMaxSimulator.builder()
                .port(0)
                .seed(SimulatorDefaults.SEED)
                .marketDataRate(5)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .account(AccountSpec.numbered(2, VIEW_ONLY_KEY, VIEW_ONLY_SECRET).withPermissions(true, false, false))
                .build()
                .start();
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", StringConverter.class.getName());
        workerProps.put("offset.flush.interval.ms", "500");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(1)
                .numBrokers(1)
                .workerProps(workerProps)
                .build();
        connect.start();
        return new SinkCluster(connect, simulator);
    }

    /** A sink connector reading {@code topic}, writing results to {@code topic + ".results"}. */
    Map<String, String> sinkConfig(String topic) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", BitMaxSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("bitmax.rest.url", simulator.restUrl());
        c.put("bitmax.ws.url", simulator.wsUrl());
        c.put("bitmax.api.key", SimulatorDefaults.API_KEY);
        c.put("bitmax.api.secret", SimulatorDefaults.API_SECRET);
        c.put("topic.results", topic + ".results");
        c.put("results.producer.bootstrap.servers", connect.kafka().bootstrapServers());
        c.put("retry.backoff.ms", "50");
        c.put("retry.backoff.max.ms", "500");
        c.put("bitmax.request.timeout.ms", "3000");
        return c;
    }

    void start(String connector, Map<String, String> config) {
        connect.kafka().createTopic(config.get("topics"), 1);
        connect.kafka().createTopic(config.get("topic.results"), 1);
        connect.configureConnector(connector, config);
        // Bounded wait that fails at once, with the task's trace, when the task fails to start.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            ConnectorStateInfo info;
            try {
                info = connect.connectorStatus(connector);
            } catch (RuntimeException e) {
                return false;
            }
            for (ConnectorStateInfo.TaskState task : info.tasks()) {
                if ("FAILED".equals(task.state())) {
                    throw new AssertionError("sink connector " + connector + " failed to start: " + task.trace());
                }
            }
            return "RUNNING".equals(info.connector().state()) && !info.tasks().isEmpty()
                    && info.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()));
        });
    }

    void send(String topic, String json) {
        connect.kafka().produce(topic, null, json);
    }

    /** At least {@code count} records of the topic from its beginning, values read as JSON. */
    List<ConsumerRecord<String, JsonNode>> records(String topic, int count, Duration timeout) {
        List<ConsumerRecord<String, JsonNode>> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : connect.kafka().consume(count, timeout.toMillis(), topic)) {
            out.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(),
                    r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), json(r.value())));
        }
        return out;
    }

    /** The results of a topic's commands, by command offset (the last one written for each). */
    Map<Long, JsonNode> resultsByOffset(String resultsTopic, int count, Duration timeout) {
        Map<Long, JsonNode> out = new HashMap<>();
        for (ConsumerRecord<String, JsonNode> r : records(resultsTopic, count, timeout)) {
            out.put(r.value().get("offset").asLong(), r.value());
        }
        return out;
    }

    List<AcceptedOrder> ordersWithClientId(String clientId) {
        return simulator.groundTruth().acceptedOrdersWithClientId(clientId);
    }

    static JsonNode json(byte[] value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        rest.close();
        connect.stop();
        simulator.close();
    }
}
