package dev.bitmaxconnect.common.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Time;

/** A task's own Kafka metrics with a JMX reporter: what a worker without plugin metrics leaves to the task. */
final class OwnMetrics extends TaskMetricsRegistry {

    private final Metrics metrics;
    private final String group;
    private final Map<String, String> tags = new LinkedHashMap<>();

    OwnMetrics(String jmxDomain, String group, String connector, String task) {
        this.group = group;
        tags.put("connector", connector);
        tags.put("task", task);
        this.metrics = new Metrics(new MetricConfig().tags(tags), List.of(new JmxReporter()), Time.SYSTEM,
                new KafkaMetricsContext(jmxDomain));
    }

    @Override
    public boolean fromWorker() {
        return false;
    }

    @Override
    public MetricName metricName(String name, String description, Map<String, String> extraTags) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.putAll(extraTags);
        return metrics.metricName(name, group, description, all);
    }

    @Override
    public Sensor sensor(String name) {
        return metrics.sensor(name);
    }

    @Override
    public void addMetric(MetricName name, MetricValueProvider<?> value) {
        metrics.addMetric(name, value);
    }

    @Override
    public void close() {
        metrics.close();
    }
}
