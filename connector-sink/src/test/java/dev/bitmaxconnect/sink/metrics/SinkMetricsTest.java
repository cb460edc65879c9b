package dev.bitmaxconnect.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {

    @Test
    void countsAreVisibleOverJmx() throws Exception {
        try (SinkMetrics metrics = new SinkMetrics("jmx-test", "0")) {
            metrics.commandIn();
            metrics.commandIn();
            metrics.request(10);
            metrics.request(4);
            metrics.retry();
            metrics.outcome("accepted", 0, false, 12);
            metrics.outcome("rejected", 300001, true, 30);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(
                    "kafka.connect.bitmax:type=sink-task-metrics,connector=jmx-test,task=0");
            assertThat((Double) server.getAttribute(name, "commands-in-total")).isEqualTo(2.0);
            assertThat((Double) server.getAttribute(name, "requests-out-total")).isEqualTo(2.0);
            assertThat((Double) server.getAttribute(name, "batch-size-max")).isEqualTo(10.0);
            assertThat((Double) server.getAttribute(name, "batch-size-avg")).isEqualTo(7.0);
            assertThat((Double) server.getAttribute(name, "retries-total")).isEqualTo(1.0);
            assertThat((Double) server.getAttribute(name, "errors-total")).isEqualTo(1.0);
            assertThat((Double) server.getAttribute(name, "latency-max-ms")).isEqualTo(30.0);
            assertThat(((Number) server.getAttribute(name, "in-flight")).intValue()).isZero();
            ObjectName byCode = new ObjectName("kafka.connect.bitmax:type=sink-task-metrics,"
                    + "connector=jmx-test,task=0,code=300001");
            assertThat((Double) server.getAttribute(byCode, "errors-by-code-total")).isEqualTo(1.0);
            // Every outcome has its counter from the start.
            assertThat((Double) server.getAttribute(name, "commands-accepted-total")).isEqualTo(1.0);
            assertThat((Double) server.getAttribute(name, "commands-rejected-total")).isEqualTo(1.0);
            for (String status : new String[] {"failed", "duplicate", "skipped", SinkMetrics.IGNORED}) {
                assertThat((Double) server.getAttribute(name, "commands-" + status + "-total")).isZero();
            }
        }
    }
}
