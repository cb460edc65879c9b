package dev.bitmaxconnect.source.metrics;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters of one source task, registered in JMX as
 * {@code dev.bitmaxconnect:type=source-task-metrics,connector=<name>,task=<id>} while the task runs.
 */
public final class SourceTaskMetrics implements SourceTaskMetricsMBean, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceTaskMetrics.class);

    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder recordsOut = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder undecodable = new LongAdder();
    private final LongAdder recovered = new LongAdder();
    private final LongAdder refusedSubscriptions = new LongAdder();
    private final AtomicLong lastLag = new AtomicLong();
    private final AtomicLong maxLag = new AtomicLong();
    private volatile IntSupplier queueDepth = () -> 0;
    private ObjectName registeredAs;

    public static ObjectName objectName(String connector, String task) throws JMException {
        return new ObjectName("dev.bitmaxconnect:type=source-task-metrics,connector=" + ObjectName.quote(connector)
                + ",task=" + ObjectName.quote(task));
    }

    /** Registers these metrics in the platform MBean server; a failure is logged, never fatal. */
    public SourceTaskMetrics register(String connector, String task) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = objectName(connector, task);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
            registeredAs = name;
        } catch (JMException | RuntimeException e) {
            log.warn("Could not register source task metrics for connector {} task {}: {}", connector, task, e.toString());
        }
        return this;
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

    public void lag(long lagMs) {
        lastLag.set(lagMs);
        maxLag.accumulateAndGet(lagMs, Math::max);
    }

    @Override
    public long getMessagesIn() {
        return messagesIn.sum();
    }

    @Override
    public long getRecordsOut() {
        return recordsOut.sum();
    }

    @Override
    public long getReconnects() {
        return reconnects.sum();
    }

    @Override
    public long getGaps() {
        return gaps.sum();
    }

    @Override
    public long getDroppedMessages() {
        return dropped.sum();
    }

    @Override
    public long getUndecodableMessages() {
        return undecodable.sum();
    }

    @Override
    public long getRecoveredOrderStates() {
        return recovered.sum();
    }

    @Override
    public long getRefusedSubscriptions() {
        return refusedSubscriptions.sum();
    }

    @Override
    public int getQueueDepth() {
        return queueDepth.getAsInt();
    }

    @Override
    public long getLastLagMs() {
        return lastLag.get();
    }

    @Override
    public long getMaxLagMs() {
        return maxLag.get();
    }

    @Override
    public void close() {
        if (registeredAs == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
        } catch (JMException e) {
            log.debug("Source task metrics {} already unregistered", registeredAs);
        }
        registeredAs = null;
    }
}
