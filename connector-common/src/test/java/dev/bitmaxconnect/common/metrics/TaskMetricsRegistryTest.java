package dev.bitmaxconnect.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.Test;

class TaskMetricsRegistryTest {

    /** A task context as a worker before Kafka 4.1 gives it: no {@code pluginMetrics()}. */
    public interface ContextBefore41 {
    }

    /** A task context as a worker of Kafka 4.1 or later gives it. */
    public interface ContextSince41 {
        PluginMetrics pluginMetrics();
    }

    @Test
    void withoutPluginMetricsTheTaskRegistersItsOwnInJmx() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("kafka.connect.bitmax:type=test-task-metrics,connector=old-worker,task=0");
        try (TaskMetricsRegistry registry = TaskMetricsRegistry.forTask(new ContextBefore41() { },
                ContextBefore41.class, "test-task-metrics", "old-worker", "0")) {
            registry.addMetric(registry.metricName("things-total", "things", Map.of()), (Measurable) (config, now) -> 7);

            assertThat(registry.fromWorker()).isFalse();
            assertThat(jmx.getAttribute(name, "things-total")).isEqualTo(7.0);
        }
        assertThat(jmx.isRegistered(name)).isFalse();
    }

    @Test
    void withPluginMetricsTheMetricsAreTheWorkers() throws Exception {
        Metrics worker = new Metrics();
        LinkedHashMap<String, String> taskTags = new LinkedHashMap<>();
        taskTags.put("connector", "new-worker");
        taskTags.put("task", "0");
        PluginMetricsImpl pluginMetrics = new PluginMetricsImpl(worker, taskTags);
        MetricName expected = new MetricName("things-total", "plugins", "things",
                Map.of("connector", "new-worker", "task", "0", "code", "5"));
        try (TaskMetricsRegistry registry = TaskMetricsRegistry.forTask(() -> pluginMetrics, ContextSince41.class,
                "test-task-metrics", "new-worker", "0")) {
            Sensor sensor = registry.sensor("things");
            sensor.add(registry.metricName("things-total", "things", Map.of("code", "5")), new CumulativeSum());
            sensor.record();
            sensor.record();

            assertThat(registry.fromWorker()).isTrue();
            assertThat(worker.metric(expected).metricValue()).isEqualTo(2.0);
        }
        assertThat(worker.metric(expected)).isNull();
        worker.close();
    }
}
