package dev.bitmaxconnect.quickstart;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * A Connect worker in distributed mode, started the way {@code connect-distributed.sh} starts one, with the
 * plugin found only through {@code plugin.path} and secrets resolved by the file config provider.
 */
final class DistributedWorker implements AutoCloseable {

    private final Connect<?> connect;
    private final String restUrl;

    private DistributedWorker(Connect<?> connect, String restUrl) {
        this.connect = connect;
        this.restUrl = restUrl;
    }

    /**
     * @param serviceLoaderOnly find plugins through their META-INF/services manifests only, instead of also
     *                          scanning every class of the classpath by reflection (1 s instead of 10 s here)
     */
    static DistributedWorker start(String bootstrapServers, int restPort, Path pluginPath,
                                   boolean serviceLoaderOnly) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", "bitmax-quickstart");
        props.put("listeners", "http://localhost:" + restPort);
        props.put("plugin.path", pluginPath.toString());
        props.put("config.storage.topic", "bitmax-quickstart-configs");
        props.put("offset.storage.topic", "bitmax-quickstart-offsets");
        props.put("status.storage.topic", "bitmax-quickstart-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "5");
        props.put("status.storage.partitions", "1");
        props.put("offset.flush.interval.ms", "1000");
        props.put("key.converter", StringConverter.class.getName());
        props.put("value.converter", JsonConverter.class.getName());
        props.put("value.converter.schemas.enable", "false");
        props.put("plugin.discovery", serviceLoaderOnly ? "service_load" : "hybrid_warn");
        props.put("config.providers", "file");
        props.put("config.providers.file.class", FileConfigProvider.class.getName());
        Connect<?> connect = new ConnectDistributed().startConnect(props);
        return new DistributedWorker(connect, "http://localhost:" + restPort);
    }

    String restUrl() {
        return restUrl;
    }

    /**
     * Stops the worker and waits until its herder has really finished. On Ctrl-C, Connect's own shutdown hook
     * may be stopping it already, and then {@code stop()} returns at once; the broker must outlive the herder,
     * which still writes connector states to Kafka while it stops.
     */
    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
        try {
            connect.herderTask().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // stopped with an error, or still stopping after a minute: carry on shutting down the rest
        }
    }
}
