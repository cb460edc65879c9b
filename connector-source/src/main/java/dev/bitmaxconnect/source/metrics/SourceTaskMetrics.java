package dev.bitmaxconnect.source.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Sanitizer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters of one source task, in Kafka's metrics library once registered: JMX
 * {@code kafka.connect.bitmax:type=source-task-metrics,connector=<name>,task=<id>}, the sink's scheme
 * ({@code kafka.connect.bitmax:type=sink-task-metrics,...}): kebab-case names, {@code -total} for counters.
 */
public final class SourceTaskMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceTaskMetrics.class);

    /** The JMX domain of both connectors' metrics. */
    public static final String JMX_DOMAIN = "kafka.connect.bitmax";
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
    private Metrics metrics;
    /** Recorded on the poll thread only, once per record: an uncontended lock. */
    private Sensor recordLag;

    /** The JMX name a task's metrics are registered under, as Kafka's {@code JmxReporter} writes it. */
    public static ObjectName objectName(String connector, String task) throws MalformedObjectNameException {
        return new ObjectName(JMX_DOMAIN + ":type=" + GROUP + ",connector=" + Sanitizer.jmxSanitize(connector)
                + ",task=" + Sanitizer.jmxSanitize(task));
    }

    /** Registers these metrics with a JMX reporter; a failure is logged, never fatal. */
    public SourceTaskMetrics register(String connector, String task) {
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("connector", connector);
            tags.put("task", task);
            metrics = new Metrics(new MetricConfig().tags(tags), List.of(new JmxReporter()), Time.SYSTEM,
                    new KafkaMetricsContext(JMX_DOMAIN));
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
            recordLag.add(metrics.metricName("record-lag-ms-avg", GROUP, "average milliseconds from the exchange's "
                    + "time of a streamed record to its poll(), over the last samples window"), new Avg());
            recordLag.add(metrics.metricName("record-lag-ms-max", GROUP, "largest milliseconds from the exchange's "
                    + "time of a streamed record to its poll(), over the last samples window"), new Max());
        } catch (RuntimeException e) {
            log.warn("Could not register source task metrics for connector {} task {}: {}", connector, task,
                    e.toString());
        }
        return this;
    }

    private void add(String name, String description, LongSupplier value) {
        metrics.addMetric(metrics.metricName(name, GROUP, description),
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
