package dev.bitmaxconnect.source.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class SourceTaskMetricsTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void countersAreVisibleInJmxUnderTheConnectorsDomainWhileRegistered() throws Exception {
        ObjectName name = new ObjectName(
                "kafka.connect.bitmax:type=source-task-metrics,connector=my connector,task=3");
        assertThat(SourceTaskMetrics.objectName("my connector", "3")).isEqualTo(name);
        try (SourceTaskMetrics metrics = new SourceTaskMetrics().register("my connector", "3")) {
            metrics.messageIn();
            metrics.messageIn();
            metrics.recordsOut(5);
            metrics.reconnect();
            metrics.gap();
            metrics.dropped();
            metrics.undecodable();
            metrics.recoveredOrderState();
            metrics.refusedSubscription();
            long now = System.currentTimeMillis();
            metrics.recordLag(40, now);
            metrics.recordLag(12, now);
            metrics.queueDepth(() -> 7);
            assertThat(server.getAttribute(name, "messages-in-total")).isEqualTo(2.0);
            assertThat(server.getAttribute(name, "records-out-total")).isEqualTo(5.0);
            assertThat(server.getAttribute(name, "reconnects-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(name, "gaps-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(name, "dropped-messages-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(name, "undecodable-messages-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(name, "recovered-order-states-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(name, "refused-subscriptions-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(name, "queue-depth")).isEqualTo(7.0);
            assertThat(server.getAttribute(name, "record-lag-ms-avg")).isEqualTo(26.0);
            assertThat(server.getAttribute(name, "record-lag-ms-max")).isEqualTo(40.0);
            assertThat(server.getMBeanInfo(name).getAttributes()).hasSize(11)
                    .allSatisfy(a -> assertThat(a.getName()).matches("[a-z]+(-[a-z]+)*"))
                    .extracting(MBeanAttributeInfo::getDescription).doesNotContainNull();
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void unregisteredMetricsStillCount() {
        try (SourceTaskMetrics metrics = new SourceTaskMetrics()) {
            metrics.gap();
            metrics.dropped();
            assertThat(metrics.gaps()).isEqualTo(1);
            assertThat(metrics.droppedMessages()).isEqualTo(1);
        }
    }
}
