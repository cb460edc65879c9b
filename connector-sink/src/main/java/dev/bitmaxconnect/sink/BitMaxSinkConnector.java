package dev.bitmaxconnect.sink;

import dev.bitmaxconnect.sink.config.BitMaxSinkConfig;
import dev.bitmaxconnect.sink.config.ConsumedTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Reads order commands from Kafka topics and executes them on BitMax Futures exactly once, writing one
 * result per command to a results topic.
 */
public class BitMaxSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new BitMaxSinkConfig(props);
        this.props = new HashMap<>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return BitMaxSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(BitMaxSinkTask.TASK_ID, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    /** Adds the checks that span several settings to Connect's per-setting validation. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = new HashMap<>();
        config.configValues().forEach(v -> values.put(v.name(), v));
        ConfigValue topic = values.get(BitMaxSinkConfig.RESULTS_TOPIC);
        String results = topic.value() == null ? "" : topic.value().toString().trim();
        String brokers = connectorConfigs.get(BitMaxSinkConfig.RESULTS_PRODUCER_PREFIX + "bootstrap.servers");
        if (!results.isEmpty() && (brokers == null || brokers.isBlank())) {
            values.get(BitMaxSinkConfig.RESULTS_PRODUCER_PREFIX + "bootstrap.servers").addErrorMessage("Required when "
                    + BitMaxSinkConfig.RESULTS_TOPIC + " is set: the results are written by the task's own producer, "
                    + "which cannot see the worker's settings");
        }
        ConfigValue wsUrl = values.get(BitMaxSinkConfig.WS_URL);
        ConfigValue transport = values.get(BitMaxSinkConfig.TRANSPORT);
        if ("websocket".equalsIgnoreCase(String.valueOf(transport.value()))
                && (wsUrl.value() == null || wsUrl.value().toString().isBlank())) {
            wsUrl.addErrorMessage(BitMaxSinkConfig.WS_URL + " " + BitMaxSinkConfig.WS_URL_REQUIRED);
        }
        if (topic.errorMessages().isEmpty()) {
            ConsumedTopics.of(connectorConfigs).readBack(BitMaxSinkConfig.RESULTS_TOPIC, results)
                    .ifPresent(topic::addErrorMessage);
        }
        return config;
    }

    @Override
    public ConfigDef config() {
        return BitMaxSinkConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }
}
