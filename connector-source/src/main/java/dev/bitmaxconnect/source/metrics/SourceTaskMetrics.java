package dev.bitmaxconnect.source.metrics;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import dev.bitmaxconnect.common.metrics.TaskMetricsRegistry;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Sanitizer;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters of one source task, in Kafka's metrics library once registered, named as the sink's (kebab-case,
 * {@code -total} for counters). On a worker with plugin metrics (Kafka 4.1+) they are the worker's: JMX
 * {@code kafka.connect:type=plugins,connector=<name>,task=<id>}, and every reporter the worker has; on an older
 * one the task's own: {@code kafka.connect.bitmax:type=source-task-metrics,connector=<name>,task=<id>}.
 */
public final class SourceTaskMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceTaskMetrics.class);

    /** The JMX domain of both connectors' own metrics, on a worker without plugin metrics. */
    public static final String JMX_DOMAIN = TaskMetricsRegistry.OWN_JMX_DOMAIN;
    public static final String GROUP = "source-task-metrics";

    // Counted on the WebSocket threads at up to hundreds of thousands of messages a second: a LongAdder costs less
    // than a Sensor's lock, and the metric reads it.
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder recordsOut = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder undecodable = new LongAdder();
    private final LongAdder recovered = new LongAdder();
    private final LongAdder refusedSubscriptions = new LongAdder();
    private volatile IntSupplier queueDepth = () -> 0;
    private TaskMetricsRegistry metrics;
    /** Recorded on the poll thread only, once per record: an uncontended lock. */
    private Sensor recordLag;

    /**
     * The JMX name of a task's own metrics, on a worker without plugin metrics (Kafka before 4.1), as Kafka's
     * {@code JmxReporter} writes it.
     */
    public static ObjectName objectName(String connector, String task) throws MalformedObjectNameException {
        return new ObjectName(JMX_DOMAIN + ":type=" + GROUP + ",connector=" + Sanitizer.jmxSanitize(connector)
                + ",task=" + Sanitizer.jmxSanitize(task));
    }

    /** The JMX name of a task's metrics on a worker with plugin metrics (Kafka 4.1+), in the worker's own domain. */
    public static ObjectName pluginObjectName(String connector, String task) throws MalformedObjectNameException {
        return new ObjectName("kafka.connect:type=plugins,connector=" + Sanitizer.jmxSanitize(connector)
                + ",task=" + Sanitizer.jmxSanitize(task));
    }

    /** Registers these metrics as the task's own, with a JMX reporter; a failure is logged, never fatal. */
    public SourceTaskMetrics register(String connector, String task) {
        return register(null, connector, task);
    }

    /**
     * Registers these metrics with the worker's plugin metrics when the task's context offers them, else as the
     * task's own with a JMX reporter ({@link TaskMetricsRegistry}); a failure is logged, never fatal.
     */
    public SourceTaskMetrics register(SourceTaskContext context, String connector, String task) {
        try {
            metrics = TaskMetricsRegistry.forTask(context, SourceTaskContext.class, GROUP, connector, task);
            add("messages-in-total", "WebSocket messages (and REST recovery items) received", messagesIn::sum);
            add("records-out-total", "records handed to Connect by poll()", recordsOut::sum);
            add("reconnects-total", "WebSocket reconnects after a lost connection", reconnects::sum);
            add("gaps-total", "interruptions after which market data may be missing: sequence gaps on depth and "
                    + "trades, and messages dropped by a full queue", gaps::sum);
            add("dropped-messages-total", "market data messages dropped because the queue was full "
                    + "(queue.full.behavior=drop)", dropped::sum);
            add("undecodable-messages-total", "messages that could not be decoded or mapped; each is logged, "
                    + "truncated", undecodable::sum);
            add("recovered-order-states-total", "order states read back over REST after a reconnect rather than "
                    + "streamed", recovered::sum);
            add("refused-subscriptions-total", "market-data subscriptions the exchange refused (an unknown symbol, "
                    + "say); with subscription.refused.behavior=fail the task fails on the first", refusedSubscriptions::sum);
            add("queue-depth", "messages waiting in the queue between the WebSocket and poll()",
                    () -> queueDepth.getAsInt());
            recordLag = metrics.sensor("record-lag-ms");
            recordLag.add(metrics.metricName("record-lag-ms-avg", "average milliseconds from the exchange's "
                    + "time of a streamed record to its poll(), over the last samples window", Map.of()), new Avg());
            recordLag.add(metrics.metricName("record-lag-ms-max", "largest milliseconds from the exchange's "
                    + "time of a streamed record to its poll(), over the last samples window", Map.of()), new Max());
        } catch (RuntimeException e) {
            log.warn("Could not register source task metrics for connector {} task {}: {}", connector, task,
                    e.toString());
        }
        return this;
    }

    private void add(String name, String description, LongSupplier value) {
        metrics.addMetric(metrics.metricName(name, description, Map.of()),
                (Measurable) (config, now) -> value.getAsLong());
    }

    public void queueDepth(IntSupplier depth) {
        this.queueDepth = depth;
    }

    public void messageIn() {
        messagesIn.increment();
    }

    public void recordsOut(int count) {
        recordsOut.add(count);
    }

    public void reconnect() {
        reconnects.increment();
    }

    public void gap() {
        gaps.increment();
    }

    public void dropped() {
        dropped.increment();
    }

    public void undecodable() {
        undecodable.increment();
    }

    public void recoveredOrderState() {
        recovered.increment();
    }

    public void refusedSubscription() {
        refusedSubscriptions.increment();
    }

    /** The lag of one streamed record: from its exchange time to the poll() that returns it. */
    public void recordLag(long lagMs, long nowMs) {
        Sensor sensor = recordLag;
        if (sensor != null) {
            sensor.record(lagMs, nowMs);
        }
    }

    public long gaps() {
        return gaps.sum();
    }

    public long droppedMessages() {
        return dropped.sum();
    }

    public long undecodableMessages() {
        return undecodable.sum();
    }

    public long recoveredOrderStates() {
        return recovered.sum();
    }

    public long refusedSubscriptions() {
        return refusedSubscriptions.sum();
    }

    public void close() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
            recordLag = null;
        }
    }
}
