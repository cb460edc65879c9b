package dev.bitmaxconnect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;
import dev.bitmaxconnect.source.record.RecordHeaders;

/**
 * A task that stops polling under a busy trades-only feed (queue.full.behavior=block, the default): the exchange cuts
 * it off, and every trade it misses is behind a record marked with a gap, with the reconnect and the gap counted.
 */
class SlowReaderIT {
    private static final String CONNECTOR = "slow-reader";
    private static final String TASK = "7";

    @Test
    void everyMissedTradeOfASlowReaderIsCountedAndMarked() throws Exception {
        // synthetic feed: per symbol, depth and trades alternate on one seqnum, so consecutive trades are 2 apart
        try (BitMaxSimulator sim = BitMaxSimulator.builder().syntheticMarketData(true).marketDataRate(40_000).build()
                .start()) {
            Map<String, String> props = new HashMap<>();
            props.put("name", CONNECTOR);
            props.put("bitmax.rest.url", sim.restUrl());
            props.put("bitmax.ws.url", sim.wsUrl());
            props.put("bitmax.reconnect.backoff.ms", "100");
            props.put("bitmax.reconnect.backoff.max.ms", "400");
            props.put("symbols", "BTC-PERP,ETH-PERP");
            props.put("channels", "trades");
            props.put("topic.prefix", "slow");
            props.put("queue.capacity", "100");
            props.put("task.subscriptions", "trades:BTC-PERP,trades:ETH-PERP");
            props.put("task.index", TASK);
            BitMaxSourceTask task = new BitMaxSourceTask();
            task.initialize(new NoOffsetsContext(props));
            task.start(props);
            try {
                // not polling: the socket backs up until the exchange cuts the task off
                await().atMost(Duration.ofSeconds(120)).until(() -> sim.sessionsDisconnectedForSlowReading() >= 1);

                List<SourceRecord> records = new ArrayList<>();
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    List<SourceRecord> polled = task.poll();
                    if (polled != null) {
                        records.addAll(polled);
                    }
                    return records.stream().anyMatch(SlowReaderIT::markedWithGap);
                });

                assertThat(unmarkedJumps(records)).as("trades missed without a gap mark").isEmpty();
                MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
                ObjectName name = SourceTaskMetrics.objectName(CONNECTOR, TASK);
                assertThat((Double) jmx.getAttribute(name, "reconnects-total")).isGreaterThanOrEqualTo(1.0);
                assertThat((Double) jmx.getAttribute(name, "gaps-total")).isGreaterThanOrEqualTo(1.0);
                assertThat((Double) jmx.getAttribute(name, "record-lag-ms-max"))
                        .as("the records read after the stall are seconds old").isGreaterThan(1_000.0);
            } finally {
                task.stop();
            }
        }
    }

    private static boolean markedWithGap(SourceRecord record) {
        return record.headers().lastWithName(RecordHeaders.GAP) != null;
    }

    /** Trades that follow the previous one of their symbol by more than one synthetic step, without a gap mark. */
    private static List<String> unmarkedJumps(List<SourceRecord> records) {
        Map<Object, Long> last = new HashMap<>();
        List<String> unmarked = new ArrayList<>();
        for (SourceRecord record : records) {
            Header sequence = record.headers().lastWithName(RecordHeaders.SEQUENCE);
            long seqnum = (Long) sequence.value();
            Long previous = last.put(record.key(), seqnum);
            if (previous != null && seqnum - previous > 2 && !markedWithGap(record)) {
                unmarked.add(record.key() + " " + previous + " -> " + seqnum);
            }
        }
        return unmarked;
    }

    /** A task context with nothing committed. */
    private record NoOffsetsContext(Map<String, String> configs) implements SourceTaskContext {
        @Override
        public PluginMetrics pluginMetrics() {
            return null; // the task registers its own metrics
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return null;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    return Map.of();
                }
            };
        }
    }
}
