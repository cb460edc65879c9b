package dev.bitmaxconnect.common.metrics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;

/**
 * Where a task registers its metrics. A worker of Kafka 4.1 or later offers plugin metrics (KIP-877): the
 * metrics join the worker's own, reach every reporter the worker is configured with, and appear in its JMX
 * domain as {@code kafka.connect:type=plugins,connector=<name>,task=<id>}. An older worker offers none: the
 * task keeps its own Kafka {@link Metrics} with a {@link JmxReporter}, as
 * {@code kafka.connect.bitmax:type=<group>,connector=<name>,task=<id>}.
 */
public abstract class TaskMetricsRegistry implements AutoCloseable {

    /** The JMX domain of the metrics a task registers itself, on a worker without plugin metrics. */
    public static final String OWN_JMX_DOMAIN = "kafka.connect.bitmax";

    // Looked up once per context type: a worker's SinkTaskContext or SourceTaskContext has the method or not.
    private static final ClassValue<Optional<Method>> PLUGIN_METRICS = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> contextType) {
            try {
                return Optional.of(contextType.getMethod("pluginMetrics"));
            } catch (NoSuchMethodException e) {
                return Optional.empty(); // Kafka before 4.1
            }
        }
    };

    /**
     * The worker's plugin metrics when its task context offers them, else the task's own metrics.
     *
     * @param context the task's context, as the worker gave it
     * @param contextType the public interface of the context ({@code SinkTaskContext.class},
     *                    {@code SourceTaskContext.class}), whose methods the plugin may call
     * @param group the group of the task's own metrics (plugin metrics all have the worker's group, {@code plugins})
     */
    public static <C> TaskMetricsRegistry forTask(C context, Class<C> contextType, String group, String connector,
                                                   String task) {
        Optional<Object> fromWorker = context == null ? Optional.empty() : pluginMetricsOf(context, contextType);
        return fromWorker.<TaskMetricsRegistry>map(pm -> new WorkerPluginMetrics(pm, group + ":" + connector + ":" + task))
                .orElseGet(() -> own(group, connector, task));
    }

    /** The task's own metrics, reported to JMX under {@value #OWN_JMX_DOMAIN}. */
    public static TaskMetricsRegistry own(String group, String connector, String task) {
        return new OwnMetrics(OWN_JMX_DOMAIN, group, connector, task);
    }

    private static Optional<Object> pluginMetricsOf(Object context, Class<?> contextType) {
        Optional<Method> method = PLUGIN_METRICS.get(contextType);
        if (method.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(method.get().invoke(context));
        } catch (IllegalAccessException | InvocationTargetException e) {
            return Optional.empty(); // a context that cannot give them: the task's own metrics serve
        }
    }

    /** Whether these are the worker's plugin metrics rather than the task's own. */
    public abstract boolean fromWorker();

    /** A metric of this task: the task's tags ({@code connector}, {@code task}) and {@code extraTags}. */
    public abstract MetricName metricName(String name, String description, Map<String, String> extraTags);

    /** A sensor of this task, by a name unique within the task. */
    public abstract Sensor sensor(String name);

    public abstract void addMetric(MetricName name, MetricValueProvider<?> value);

    /** Removes this task's metrics. */
    @Override
    public abstract void close();
}
