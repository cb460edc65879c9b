package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartitionLaneTest {

    private static final TopicPartition TP = new TopicPartition("cmds", 0);
    private final OrderCommandParser parser = new OrderCommandParser();
    private final List<List<String>> units = Collections.synchronizedList(new ArrayList<>());
    private PartitionLane lane;

    @AfterEach
    void stop() {
        if (lane != null) {
            lane.stop(1_000);
        }
    }

    private PartitionLane lane(int maxBatch, long lingerMs) {
        lane = new PartitionLane(TP, (tp, unit) -> units.add(unit.stream()
                .map(p -> p.command() == null ? "bad" : p.command().action() + "@" + p.offset())
                .collect(Collectors.toList())), maxBatch, lingerMs, "lane-test");
        return lane;
    }

    private PendingCommand command(long offset, String json) {
        OrderCommand c = parser.parse(json);
        return new PendingCommand(new SinkRecord("cmds", 0, null, null, null, json, offset), c, null, System.nanoTime());
    }

    private static final String PLACE = "{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
            + "\"orderType\":\"Market\",\"orderQty\":\"1\"}";
    private static final String CANCEL = "{\"action\":\"cancel\",\"origId\":\"order000001\",\"symbol\":\"BTC-PERP\"}";
    private static final String LEVERAGE = "{\"action\":\"set-leverage\",\"symbol\":\"BTC-PERP\",\"leverage\":5}";

    @Test
    void coalescesConsecutivePlacesUpToTheBatchSize() {
        PartitionLane l = lane(10, 200);
        for (int i = 0; i < 23; i++) {
            l.add(command(i, PLACE));
        }
        l.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> l.committableOffset() == 23);
        assertThat(units).extracting(List::size).containsExactly(10, 10, 3);
        assertThat(units.get(0).get(0)).isEqualTo("place@0");
        assertThat(units.get(2).get(2)).isEqualTo("place@22");
    }

    @Test
    void aCancelNeverJoinsOrOvertakesThePlacesBeforeIt() {
        PartitionLane l = lane(10, 50);
        l.add(command(0, PLACE));
        l.add(command(1, PLACE));
        l.add(command(2, CANCEL));
        l.add(command(3, CANCEL));
        l.add(command(4, LEVERAGE));
        l.add(command(5, PLACE));
        l.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> l.committableOffset() == 6);
        assertThat(units).containsExactly(
                List.of("place@0", "place@1"),
                List.of("cancel@2", "cancel@3"),
                List.of("set-leverage@4"),
                List.of("place@5"));
    }

    @Test
    void waitsTheLingerTimeForMoreCommands() throws InterruptedException {
        PartitionLane l = lane(10, 400);
        l.start();
        l.add(command(0, PLACE));
        // The lane has taken the first command and lingers: the second arrives during the linger time.
        await().atMost(Duration.ofSeconds(5)).until(() -> l.queued() == 0);
        l.add(command(1, PLACE));
        await().atMost(Duration.ofSeconds(5)).until(() -> l.committableOffset() == 2);
        assertThat(units).containsExactly(List.of("place@0", "place@1"));
    }

    @Test
    void anOffsetDeliveredAgainIsNotTakenTwice() {
        PartitionLane l = lane(10, 0);
        assertThat(l.add(command(0, LEVERAGE))).isTrue();
        assertThat(l.add(command(1, LEVERAGE))).isTrue();
        assertThat(l.add(command(1, LEVERAGE))).isFalse();
        assertThat(l.add(command(0, LEVERAGE))).isFalse();
        assertThat(l.add(command(2, LEVERAGE))).isTrue();
        l.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> l.committableOffset() == 3);
        assertThat(units).hasSize(3);
    }

    @Test
    void withoutBatchingEveryCommandIsItsOwnUnit() {
        PartitionLane l = lane(1, 100);
        for (int i = 0; i < 3; i++) {
            l.add(command(i, PLACE));
        }
        l.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> l.committableOffset() == 3);
        assertThat(units).hasSize(3);
    }

    @Test
    void stoppingInterruptsAUnitStillBusyAfterTheWait() {
        lane = new PartitionLane(TP, (tp, unit) -> {
            try {
                Thread.sleep(30_000); // a unit still busy: the time is what makes it outlive the stop wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }, 1, 0, "lane-test");
        lane.add(command(0, LEVERAGE));
        lane.add(command(1, LEVERAGE));
        lane.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> lane.queued() == 1);
        long start = System.nanoTime();
        int left = lane.stop(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(left).isEqualTo(1);
        assertThat(lane.committableOffset()).isEqualTo(-1);
        assertThat(lane.failure()).hasMessage("interrupted");
    }

    @Test
    void aFailingUnitStopsTheLaneWithoutCommittingIt() {
        lane = new PartitionLane(TP, (tp, unit) -> {
            if (unit.get(0).offset() == 1) {
                throw new IllegalStateException("boom");
            }
        }, 1, 0, "lane-test");
        lane.add(command(0, LEVERAGE));
        lane.add(command(1, LEVERAGE));
        lane.add(command(2, LEVERAGE));
        lane.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> lane.failure() != null);
        assertThat(lane.committableOffset()).isEqualTo(1);
        assertThat(lane.failure()).hasMessage("boom");
    }

    @Test
    void tellsAfterEachUnitAndWhenAFailureStopsTheLane() {
        List<String> seenAfterUnit = Collections.synchronizedList(new ArrayList<>());
        PartitionLane[] self = new PartitionLane[1];
        lane = new PartitionLane(TP, (tp, unit) -> {
            if (unit.get(0).offset() == 2) {
                throw new IllegalStateException("boom");
            }
        }, 1, 0, "lane-test", () -> seenAfterUnit.add(self[0].committableOffset() + "/"
                + (self[0].failure() == null ? "-" : self[0].failure().getMessage())));
        self[0] = lane;
        lane.add(command(0, LEVERAGE));
        lane.add(command(1, LEVERAGE));
        lane.add(command(2, LEVERAGE));
        lane.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> seenAfterUnit.size() == 3);
        assertThat(seenAfterUnit).as("the committable offset is updated, the failure set, before telling")
                .containsExactly("1/-", "2/-", "2/boom");
    }
}
