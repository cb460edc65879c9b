package dev.bitmaxconnect.source.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.source.BitMaxSourceConnector;

/** One Kafka broker, one Connect worker (JSON values with schemas) and one simulator, shared by a test class. */
final class SourceCluster implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final EmbeddedConnectCluster connect;
    final BitMaxSimulator simulator;
    final BitMaxRestClient rest;
    private final Map<String, Object> consumerProps;

    private SourceCluster(EmbeddedConnectCluster connect, BitMaxSimulator simulator, boolean exactlyOnce) {
        this.connect = connect;
        this.simulator = simulator;
        // With exactly-once, read what the task's transactions committed, as a downstream consumer would.
        this.consumerProps = exactlyOnce ? Map.of("isolation.level", "read_committed") : Map.of();
        this.rest = new BitMaxRestClient(BitMaxClientConfig.builder()
                .restUrl(simulator.restUrl())
                .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .requestsPerSecond(200)
                .build());
    }

    static SourceCluster start(String name, int marketDataRate) {
        return start(name, marketDataRate, false);
    }

    /** With {@code exactlyOnce}, the worker runs source tasks transactionally (KIP-618). */
    static SourceCluster start(String name, int marketDataRate, boolean exactlyOnce) {
        BitMaxSimulator simulator = BitMaxSimulator.builder()
                .port(0)
                .seed(SimulatorDefaults.SEED)
                .marketDataRate(marketDataRate)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .build()
                .start();
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", JsonConverter.class.getName());
        workerProps.put("value.converter.schemas.enable", "true");
        workerProps.put("offset.flush.interval.ms", "500");
        Properties brokerProps = new Properties();
        if (exactlyOnce) {
            workerProps.put("exactly.once.source.support", "enabled");
            brokerProps.put("transaction.state.log.replication.factor", "1");
            brokerProps.put("transaction.state.log.min.isr", "1");
        }
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(1)
                .numBrokers(1)
                .workerProps(workerProps)
                .brokerProps(brokerProps)
                .maskExitProcedures(true)
                .build();
        connect.start();
        return new SourceCluster(connect, simulator, exactlyOnce);
    }

    Map<String, String> sourceConfig(String topicPrefix, String channels) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", BitMaxSourceConnector.class.getName());
        c.put("tasks.max", "2");
        c.put("bitmax.rest.url", simulator.restUrl());
        c.put("bitmax.ws.url", simulator.wsUrl());
        c.put("bitmax.api.key", SimulatorDefaults.API_KEY);
        c.put("bitmax.api.secret", SimulatorDefaults.API_SECRET);
        c.put("symbols", "BTC-PERP,ETH-PERP");
        c.put("channels", channels);
        c.put("topic.prefix", topicPrefix);
        c.put("bitmax.reconnect.backoff.ms", "100");
        c.put("bitmax.reconnect.backoff.max.ms", "400");
        c.put("bitmax.request.timeout.ms", "5000");
        return c;
    }

    void start(String connector, Map<String, String> config, int tasks) {
        connect.configureConnector(connector, config);
        try {
            connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(connector, tasks,
                    "source connector " + connector + " did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything in the topics now (the topics must exist). */
    List<ConsumerRecord<String, JsonNode>> all(String... topics) {
        try {
            List<ConsumerRecord<String, JsonNode>> out = new ArrayList<>();
            long timeout = Duration.ofSeconds(20).toMillis();
            for (ConsumerRecord<byte[], byte[]> r : connect.kafka().consumeAll(timeout, consumerProps, null, topics)) {
                out.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                        r.serializedKeySize(), r.serializedValueSize(),
                        r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), json(r.value()),
                        r.headers(), r.leaderEpoch()));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + String.join(",", topics), e);
        }
    }

    /** At least {@code count} records of a topic (fails after the timeout). */
    List<ConsumerRecord<String, JsonNode>> atLeast(int count, Duration timeout, String topic) {
        List<ConsumerRecord<String, JsonNode>> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : connect.kafka().consume(count, timeout.toMillis(), consumerProps, topic)) {
            out.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                    r.serializedKeySize(), r.serializedValueSize(),
                    r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), json(r.value()),
                    r.headers(), r.leaderEpoch()));
        }
        return out;
    }

    static JsonNode json(byte[] value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        rest.close();
        connect.stop();
        simulator.close();
    }
}
