package dev.bitmaxconnect.sink.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.utils.Time;

/**
 * The sink task's JMX metrics, under {@code dev.bitmaxconnect.sink:type=bitmax-sink-task-metrics,connector=...,task=...}:
 * commands in, requests out, batch sizes, latency, errors by code, retries and commands in flight.
 */
public final class SinkMetrics implements AutoCloseable {

    public static final String JMX_PREFIX = "dev.bitmaxconnect.sink";
    public static final String GROUP = "bitmax-sink-task-metrics";

    private final Metrics metrics;
    private final Map<String, String> tags;
    private final Sensor commandsIn;
    private final Sensor requestsOut;
    private final Sensor batchSize;
    private final Sensor latency;
    private final Sensor retries;
    private final Sensor errors;
    private final Map<String, Sensor> byStatus = new ConcurrentHashMap<>();
    private final Map<String, Sensor> byCode = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    public SinkMetrics(String connector, String task) {
        this.metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
                new KafkaMetricsContext(JMX_PREFIX));
        this.tags = new LinkedHashMap<>();
        tags.put("connector", connector);
        tags.put("task", task);
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
                (config, now) -> inFlight.get());
    }

    private MetricName name(String name, String description) {
        return metrics.metricName(name, GROUP, description, tags);
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
        byStatus.computeIfAbsent(status, s -> counter("commands-" + s, "commands with outcome " + s)).record();
        if (error) {
            errors.record();
            String key = code == null ? "none" : code.toString();
            byCode.computeIfAbsent(key, c -> {
                Sensor s = metrics.sensor("errors-code-" + c);
                Map<String, String> t = new LinkedHashMap<>(tags);
                t.put("code", c);
                s.add(metrics.metricName("errors-by-code-total", GROUP,
                        "errors by exchange code (none: refused before sending)", t), new CumulativeSum());
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
