package dev.bitmaxconnect.distribution.faults;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads the connectors' task metrics over JMX: the workers run in this JVM, so their MBeans are in its platform
 * MBean server, among the worker's plugin metrics (the build's Kafka has them). Counters start again at zero when a
 * task restarts.
 */
final class TaskMetrics {

    private TaskMetrics() {
    }

    /** {@code reconnects-total} summed over the source connector's tasks. */
    static long sourceReconnects(String connector) {
        return sum("kafka.connect:type=plugins,connector=" + connector + ",*", "reconnects-total");
    }

    /** {@code retries-total} summed over the sink connector's tasks. */
    static long sinkRetries(String connector) {
        return sum("kafka.connect:type=plugins,connector=" + connector + ",*", "retries-total");
    }

    private static long sum(String pattern, String attribute) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long total = 0;
        try {
            for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
                try {
                    if (server.getAttribute(name, attribute) instanceof Number number) {
                        total += number.longValue();
                    }
                } catch (Exception e) {
                    // a task that stopped meanwhile: its counter is gone
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return total;
    }
}
