package dev.bitmaxconnect.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;

/**
 * Kafka and Connect workers in distributed mode, in-process, that load the BitMax plugin only from the built
 * component archive through {@code plugin.path} (class-loader isolation as in production), and a simulator
 * for them to trade against.
 */
public final class PluginCluster implements AutoCloseable {

    public static final String SOURCE_CLASS = "dev.bitmaxconnect.source.BitMaxSourceConnector";
    public static final String SINK_CLASS = "dev.bitmaxconnect.sink.BitMaxSinkConnector";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final EmbeddedConnectCluster connect;
    public final BitMaxSimulator simulator;
    public final Path pluginPath;

    private PluginCluster(EmbeddedConnectCluster connect, BitMaxSimulator simulator, Path pluginPath) {
        this.connect = connect;
        this.simulator = simulator;
        this.pluginPath = pluginPath;
    }

    public static PluginCluster start(String name, int workers, String apiKey, String apiSecret) {
        return start(name, workers, BitMaxSimulator.builder().apiKey(apiKey, apiSecret));
    }

    /** Starts the workers and a simulator from {@code simulatorBuilder} (port 0, the default seed, 50 msg/s unless set). */
    public static PluginCluster start(String name, int workers, BitMaxSimulator.Builder simulatorBuilder) {
        Path pluginPath = PluginLocations.unpackArchiveInto(
                Paths.get("target", "it-plugin-path", name).toAbsolutePath());
        BitMaxSimulator simulator = simulatorBuilder.build().start();

        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("plugin.path", pluginPath.toString());
        // Found through the plugin's META-INF/services manifests only, as a worker that does not scan finds it.
        workerProps.put("plugin.discovery", "service_load");
        workerProps.put("config.providers", "file");
        workerProps.put("config.providers.file.class", FileConfigProvider.class.getName());
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", JsonConverter.class.getName());
        workerProps.put("value.converter.schemas.enable", "false");
        workerProps.put("offset.flush.interval.ms", "1000");
        // A stopped worker's tasks move after this delay (5 minutes by default).
        workerProps.put("scheduled.rebalance.max.delay.ms", "3000");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .numBrokers(1)
                .workerProps(workerProps)
                .build();
        connect.start();
        return new PluginCluster(connect, simulator, pluginPath);
    }

    public static PluginCluster start(String name, int workers) {
        return start(name, workers, SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET);
    }

    /**
     * Creates the topics of a source and a sink with this prefix: the embedded broker, like many production
     * clusters, does not create topics on first use.
     */
    public void createTopics(String prefix, int commandPartitions) {
        for (String channel : List.of("bbo", "trades", "order", "account")) {
            connect.kafka().createTopic(prefix + "." + channel, 1);
        }
        connect.kafka().createTopic(prefix + "-results", 1);
        connect.kafka().createTopic(prefix + "-commands", commandPartitions);
    }

    /** The body of a GET on the worker's REST API. */
    public String get(String path) {
        Object entity = connect.requestGet(connect.endpointForResource(path)).getEntity();
        return entity == null ? "" : entity.toString();
    }

    public Map<String, String> sourceConfig(String prefix) {
        Map<String, String> config = exchangeConfig(SOURCE_CLASS);
        config.put("tasks.max", "2");
        config.put("symbols", "BTC-PERP,ETH-PERP");
        config.put("channels", "bbo,trades,order,account");
        config.put("topic.prefix", prefix);
        return config;
    }

    public Map<String, String> sinkConfig(String prefix) {
        Map<String, String> config = exchangeConfig(SINK_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", prefix + "-commands");
        config.put("topic.results", prefix + "-results");
        config.put("results.producer.bootstrap.servers", connect.kafka().bootstrapServers());
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", prefix + "-commands-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        return config;
    }

    private Map<String, String> exchangeConfig(String connectorClass) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", connectorClass);
        config.put("bitmax.rest.url", simulator.restUrl());
        config.put("bitmax.ws.url", simulator.wsUrl());
        config.put("bitmax.api.key", SimulatorDefaults.API_KEY);
        config.put("bitmax.api.secret", SimulatorDefaults.API_SECRET);
        return config;
    }

    /** Writes a command as the JSON text a user's application would, keyed by its id. */
    public void sendCommand(String topic, JsonNode command) {
        try {
            connect.kafka().produce(topic, command.path("id").asText(null), JSON.writeValueAsString(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At least {@code count} records of the topic, from its beginning, values read as JSON. */
    public List<ConsumerRecord<String, JsonNode>> records(String topic, int count, Duration timeout) {
        List<ConsumerRecord<String, JsonNode>> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : connect.kafka().consume(count, timeout.toMillis(), topic)) {
            records.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(),
                    r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), json(r.value())));
        }
        return records;
    }

    private static JsonNode json(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worker that runs a task of {@code connector} (fails when none does). */
    public WorkerHandle workerRunning(String connector) {
        Set<String> workerIds = connect.connectorStatus(connector).tasks().stream()
                .map(ConnectorStateInfo.AbstractState::workerId).collect(Collectors.toSet());
        return connect.workers().stream()
                .filter(w -> workerIds.contains(w.url().getHost() + ":" + w.url().getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no worker runs a task of " + connector + ": " + workerIds));
    }

    @Override
    public void close() {
        try {
            connect.stop();
        } finally {
            simulator.close();
        }
    }
}
