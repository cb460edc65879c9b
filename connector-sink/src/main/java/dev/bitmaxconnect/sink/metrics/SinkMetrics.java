package dev.bitmaxconnect.sink.metrics;

import dev.bitmaxconnect.sink.result.ResultStatus;
import dev.bitmaxconnect.common.metrics.TaskMetricsRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;

/**
 * The sink task's metrics, in Kafka's metrics library: commands in, requests out, batch sizes, latency, outcomes
 * by status, errors by code (a {@code code} tag), retries and commands in flight. On a worker with plugin metrics
 * (Kafka 4.1+) they are the worker's: JMX {@code kafka.connect:type=plugins,connector=<name>,task=<id>}; on an
 * older one the task's own: {@code kafka.connect.bitmax:type=sink-task-metrics,connector=<name>,task=<id>}.
 */
public final class SinkMetrics implements AutoCloseable {

    /** The group of the task's own metrics, on a worker without plugin metrics. */
    public static final String GROUP = "sink-task-metrics";
    /** The outcome of a record without a value under {@code tombstones=ignore}: counted, never a result. */
    public static final String IGNORED = "ignored";

    private final TaskMetricsRegistry metrics;
    private final Sensor commandsIn;
    private final Sensor requestsOut;
    private final Sensor batchSize;
    private final Sensor latency;
    private final Sensor retries;
    private final Sensor errors;
    private final Map<String, Sensor> byStatus = new ConcurrentHashMap<>();
    private final Map<String, Sensor> byCode = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** The metrics of a task outside a worker: its own, in JMX. */
    public SinkMetrics(String connector, String task) {
        this(TaskMetricsRegistry.own(GROUP, connector, task));
    }

    public SinkMetrics(TaskMetricsRegistry metrics) {
        this.metrics = metrics;
        commandsIn = counter("commands-in", "commands received from Kafka");
        requestsOut = counter("requests-out", "requests sent to the exchange");
        retries = counter("retries", "requests sent again after a retriable failure");
        errors = counter("errors", "commands whose outcome is rejected or failed");
        batchSize = metrics.sensor("batch-size");
        batchSize.add(name("batch-size-avg", "orders per order request"), new Avg());
        batchSize.add(name("batch-size-max", "largest orders per order request"), new Max());
        latency = metrics.sensor("latency");
        latency.add(name("latency-avg-ms", "from receiving a command to knowing its outcome"), new Avg());
        latency.add(name("latency-max-ms", "largest time from receiving a command to knowing its outcome"), new Max());
        metrics.addMetric(name("in-flight", "commands received whose outcome is not known yet"),
                (Measurable) (config, now) -> inFlight.get());
        // Every status from the start, so that a dashboard sees zeros rather than missing attributes.
        for (ResultStatus status : ResultStatus.values()) {
            statusSensor(status.wireName());
        }
        statusSensor(IGNORED);
    }

    private Sensor statusSensor(String status) {
        return byStatus.computeIfAbsent(status, s -> counter("commands-" + s, "commands with outcome " + s));
    }

    private MetricName name(String name, String description) {
        return metrics.metricName(name, description, Map.of());
    }

    private Sensor counter(String name, String description) {
        Sensor s = metrics.sensor(name);
        s.add(name(name + "-total", "total " + description), new CumulativeSum());
        s.add(name(name + "-rate", description + " per second"), new Rate());
        return s;
    }

    public void commandIn() {
        commandsIn.record();
        inFlight.incrementAndGet();
    }

    public void request(int orders) {
        requestsOut.record();
        if (orders > 0) {
            batchSize.record(orders);
        }
    }

    public void retry() {
        retries.record();
    }

    /** Records the outcome of one command and its latency. */
    public void outcome(String status, Integer code, boolean error, long latencyMs) {
        inFlight.decrementAndGet();
        latency.record(latencyMs);
        statusSensor(status).record();
        if (error) {
            errors.record();
            String key = code == null ? "none" : code.toString();
            byCode.computeIfAbsent(key, c -> {
                Sensor s = metrics.sensor("errors-code-" + c);
                s.add(metrics.metricName("errors-by-code-total", "errors by exchange code (none: refused before sending)",
                        Map.of("code", c)), new CumulativeSum());
                return s;
            }).record();
        }
    }

    /** A command dropped without an outcome (its partition was revoked before it was processed). */
    public void abandoned(int commands) {
        inFlight.addAndGet(-commands);
    }

    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
