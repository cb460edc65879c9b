package dev.bitmaxconnect.source.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class SourceTaskMetricsTest {

    @Test
    void countersAreVisibleInJmxWhileRegistered() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = SourceTaskMetrics.objectName("my connector", "3");
        try (SourceTaskMetrics metrics = new SourceTaskMetrics().register("my connector", "3")) {
            metrics.messageIn();
            metrics.messageIn();
            metrics.recordsOut(5);
            metrics.reconnect();
            metrics.gap();
            metrics.refusedSubscription();
            metrics.lag(40);
            metrics.lag(12);
            metrics.queueDepth(() -> 7);
            assertThat(server.getAttribute(name, "MessagesIn")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "RecordsOut")).isEqualTo(5L);
            assertThat(server.getAttribute(name, "Reconnects")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Gaps")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "RefusedSubscriptions")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "QueueDepth")).isEqualTo(7);
            assertThat(server.getAttribute(name, "LastLagMs")).isEqualTo(12L);
            assertThat(server.getAttribute(name, "MaxLagMs")).isEqualTo(40L);
        }
        assertThat(server.isRegistered(name)).isFalse();
    }
}
