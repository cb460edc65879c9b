package dev.bitmaxconnect.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;

/**
 * The worker's plugin metrics of one task (Kafka 4.1 and later). Loaded only on such a worker: nothing else
 * names {@link PluginMetrics}, which older workers do not have.
 */
final class WorkerPluginMetrics extends TaskMetricsRegistry {

    private final PluginMetrics metrics;
    // Sensors live in the worker's one registry, shared by every task: a prefix keeps each task's apart.
    private final String sensorPrefix;
    private final List<String> sensors = new ArrayList<>();
    private final List<MetricName> added = new ArrayList<>();

    WorkerPluginMetrics(Object pluginMetrics, String sensorPrefix) {
        this.metrics = (PluginMetrics) pluginMetrics;
        this.sensorPrefix = sensorPrefix + ":";
    }

    @Override
    public boolean fromWorker() {
        return true;
    }

    @Override
    public MetricName metricName(String name, String description, Map<String, String> extraTags) {
        return metrics.metricName(name, description, new LinkedHashMap<>(extraTags));
    }

    @Override
    public synchronized Sensor sensor(String name) {
        sensors.add(sensorPrefix + name);
        return metrics.addSensor(sensorPrefix + name);
    }

    @Override
    public synchronized void addMetric(MetricName name, MetricValueProvider<?> value) {
        metrics.addMetric(name, value);
        added.add(name);
    }

    @Override
    public synchronized void close() {
        try {
            sensors.forEach(metrics::removeSensor);
            added.forEach(metrics::removeMetric);
        } catch (IllegalStateException e) {
            // the worker closed them already, with the task
        }
        sensors.clear();
        added.clear();
    }
}
