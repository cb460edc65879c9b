package dev.bitmaxconnect.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * Connect workers that load the BitMax plugin only from the built component archive, and the connectors' settings,
 * topics and commands in the end-to-end tests.
 */
public final class PluginSetup {

    public static final String SOURCE_CLASS = "dev.bitmaxconnect.source.BitMaxSourceConnector";
    public static final String SINK_CLASS = "dev.bitmaxconnect.sink.BitMaxSinkConnector";

    private PluginSetup() {
    }

    public static ConnectCluster start(String name, int workers) {
        return start(name, workers, BitMaxSimulator.builder());
    }

    /** Starts the workers and a simulator from {@code simulatorBuilder} (port 0, the default seed, 50 msg/s unless set). */
    public static ConnectCluster start(String name, int workers, BitMaxSimulator.Builder simulatorBuilder) {
        return ConnectCluster.builder(name)
                .workers(workers)
                .pluginPath(PluginLocations.unpackArchiveInto(Paths.get("target", "it-plugin-path", name).toAbsolutePath()))
                .values(ConnectCluster.Values.JSON)
                .workerProperty("config.providers", "file")
                .workerProperty("config.providers.file.class", FileConfigProvider.class.getName())
                .workerProperty("offset.flush.interval.ms", "1000")
                // A stopped worker's tasks move after this delay (5 minutes by default).
                .workerProperty("scheduled.rebalance.max.delay.ms", "3000")
                .simulator(simulatorBuilder)
                .start();
    }

    /**
     * Creates the topics of a source and a sink with this prefix: the embedded broker, like many production
     * clusters, does not create topics on first use.
     */
    public static void createTopics(ConnectCluster cluster, String prefix, int commandPartitions) {
        for (String channel : List.of("bbo", "trades", "order", "account")) {
            cluster.connect.kafka().createTopic(prefix + "." + channel, 1);
        }
        cluster.connect.kafka().createTopic(prefix + "-results", 1);
        cluster.connect.kafka().createTopic(prefix + "-commands", commandPartitions);
    }

    public static Map<String, String> sourceConfig(ConnectCluster cluster, String prefix) {
        Map<String, String> config = cluster.exchangeConfig(SOURCE_CLASS);
        config.put("tasks.max", "2");
        config.put("symbols", "BTC-PERP,ETH-PERP");
        config.put("channels", "bbo,trades,order,account");
        config.put("topic.prefix", prefix);
        return config;
    }

    public static Map<String, String> sinkConfig(ConnectCluster cluster, String prefix) {
        Map<String, String> config = cluster.exchangeConfig(SINK_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", prefix + "-commands");
        config.put("topic.results", prefix + "-results");
        config.put("results.producer.bootstrap.servers", cluster.connect.kafka().bootstrapServers());
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", prefix + "-commands-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        return config;
    }

    /** Writes a command as the JSON text a user's application would, keyed by its id. */
    public static void sendCommand(ConnectCluster cluster, String topic, JsonNode command) {
        try {
            cluster.connect.kafka().produce(topic, command.path("id").asText(null),
                    ConnectCluster.JSON.writeValueAsString(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
