package dev.bitmaxconnect.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.awaitility.Awaitility;

/**
 * One Kafka broker, Connect workers in distributed mode and a simulator for them to trade against, all in-process.
 * The workers find the plugin on the test classpath, or, with {@link Builder#pluginPath}, only in an unpacked
 * plugin archive (class-loader isolation as in production).
 */
public final class ConnectCluster implements AutoCloseable {

    /** How the workers convert record values (keys are always strings). */
    public enum Values {
        STRING, JSON, JSON_WITH_SCHEMAS
    }

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECTOR_START = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final EmbeddedConnectCluster connect;
    public final BitMaxSimulator simulator;
    private final Path pluginPath;
    private final Map<String, Object> consumerProps;

    private ConnectCluster(EmbeddedConnectCluster connect, BitMaxSimulator simulator, Path pluginPath,
            boolean exactlyOnce) {
        this.connect = connect;
        this.simulator = simulator;
        this.pluginPath = pluginPath;
        // With exactly-once, read what the tasks' transactions committed, as a downstream consumer would.
        this.consumerProps = exactlyOnce ? Map.of("isolation.level", "read_committed") : Map.of();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The unpacked plugin archive the workers load the connectors from. */
    public Path pluginPath() {
        if (pluginPath == null) {
            throw new IllegalStateException("the workers load the connectors from the classpath, not a plugin path");
        }
        return pluginPath;
    }

    /** The exchange settings every connector needs: the simulator's URLs and its default API key. */
    public Map<String, String> exchangeConfig(String connectorClass) {
        return SimulatorSettings.connector(simulator, connectorClass);
    }

    /**
     * Creates or updates a connector and waits until it and at least {@code tasks} tasks run; fails at once, with
     * the task's trace, when a task fails.
     */
    public void startConnector(String connector, Map<String, String> config, int tasks) {
        connect.configureConnector(connector, config);
        Awaitility.await().atMost(CONNECTOR_START).until(() -> {
            ConnectorStateInfo info;
            try {
                info = connect.connectorStatus(connector);
            } catch (RuntimeException e) {
                return false; // not known to the worker yet
            }
            for (ConnectorStateInfo.TaskState task : info.tasks()) {
                if ("FAILED".equals(task.state())) {
                    throw new AssertionError("connector " + connector + " failed to start: " + task.trace());
                }
            }
            return "RUNNING".equals(info.connector().state()) && info.tasks().size() >= tasks
                    && info.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()));
        });
    }

    /** The body of a GET on the workers' REST API. */
    public String get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(connect.endpointForResource(path))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** At least {@code count} records of the topic from its beginning (fails after the timeout). */
    public List<ConsumerRecord<String, JsonNode>> records(String topic, int count, Duration timeout) {
        return readable(connect.kafka().consume(count, timeout.toMillis(), consumerProps, topic));
    }

    /** Everything in the topics now (the topics must exist). */
    public List<ConsumerRecord<String, JsonNode>> all(String... topics) {
        try {
            return readable(connect.kafka().consumeAll(Duration.ofSeconds(20).toMillis(), consumerProps, null, topics));
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + String.join(",", topics), e);
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

    /** Keys as strings, values read as JSON. */
    private static List<ConsumerRecord<String, JsonNode>> readable(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        List<ConsumerRecord<String, JsonNode>> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            out.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                    r.serializedKeySize(), r.serializedValueSize(),
                    r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), json(r.value()),
                    r.headers(), r.leaderEpoch()));
        }
        return out;
    }

    public static JsonNode json(byte[] value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last value of a record header, as text, or null without one. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            connect.stop();
        } finally {
            simulator.close();
        }
    }

    /** Options of a cluster: what the connector modules' and the distribution's tests need. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> workerProps = new HashMap<>();
        private int workers = 1;
        private boolean exactlyOnce;
        private Values values = Values.STRING;
        private Path pluginPath;
        private BitMaxSimulator.Builder simulator = BitMaxSimulator.builder();

        private Builder(String name) {
            this.name = name;
            workerProps.put("offset.flush.interval.ms", "500");
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Source tasks run transactionally (KIP-618); records are read as a read_committed consumer would. */
        public Builder exactlyOnceSource(boolean exactlyOnce) {
            this.exactlyOnce = exactlyOnce;
            return this;
        }

        public Builder values(Values values) {
            this.values = values;
            return this;
        }

        /**
         * Loads the plugin only from this unpacked archive, found through its META-INF/services manifests, as a
         * worker that does not scan finds it; without it the workers take the connectors from the classpath.
         */
        public Builder pluginPath(Path pluginPath) {
            this.pluginPath = pluginPath;
            return this;
        }

        /** A worker setting beyond these options; it wins over the builder's own. */
        public Builder workerProperty(String key, String value) {
            workerProps.put(key, value);
            return this;
        }

        /** The simulator to start (port 0 and the default seed unless set). */
        public Builder simulator(BitMaxSimulator.Builder simulator) {
            this.simulator = simulator;
            return this;
        }

        public ConnectCluster start() {
            Map<String, String> props = new HashMap<>();
            props.put("key.converter", StringConverter.class.getName());
            props.put("value.converter", values == Values.STRING ? StringConverter.class.getName()
                    : JsonConverter.class.getName());
            if (values != Values.STRING) {
                props.put("value.converter.schemas.enable", String.valueOf(values == Values.JSON_WITH_SCHEMAS));
            }
            Properties brokerProps = new Properties();
            if (exactlyOnce) {
                props.put("exactly.once.source.support", "enabled");
                brokerProps.put("transaction.state.log.replication.factor", "1");
                brokerProps.put("transaction.state.log.min.isr", "1");
            }
            if (pluginPath != null) {
                props.put("plugin.path", pluginPath.toString());
                props.put("plugin.discovery", "service_load");
            }
            props.putAll(workerProps);
            BitMaxSimulator started = simulator.build().start();
            EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                    .name(name)
                    .numWorkers(workers)
                    .numBrokers(1)
                    .workerProps(props)
                    .brokerProps(brokerProps)
                    .maskExitProcedures(true)
                    .build();
            try {
                connect.start();
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            return new ConnectCluster(connect, started, pluginPath, exactlyOnce);
        }
    }
}
