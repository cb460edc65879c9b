package dev.bitmaxconnect.sink.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ResultsReaderTest {

    private static final String TOPIC = "results";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);

    private static CommandResult result(String action, ResultStatus status, long offset, ItemOutcome... orders) {
        return new CommandResult(orders.length == 0 ? "cmd" + offset : orders[0].clientId(), null, action, status,
                null, null, null, null, 1L, 1, 1, List.of(orders), "cmds", 0, offset, "orders-sink", 2L);
    }

    private static Map<String, String> placed(CommandResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        ResultsReader.placedOrders(ResultsWriter.toJson(r), o -> out.put(o.clientId(), o.orderId()));
        return out;
    }

    @Test
    void aResultNamesTheOrdersTheExchangeHolds() {
        assertThat(placed(result("place", ResultStatus.ACCEPTED, 1,
                ItemOutcome.accepted("order000001", "a177c2a8cfe1U0123456789rder00001"))))
                .containsExactly(Map.entry("order000001", "a177c2a8cfe1U0123456789rder00001"));
        assertThat(placed(result("place-batch", ResultStatus.REJECTED, 2,
                new ItemOutcome("batch0000011", "a177c2a8cfe1U0123456789h0000011", ResultStatus.DUPLICATE, null,
                        "ALREADY_AT_EXCHANGE", "placed before a restart; not sent again"),
                new ItemOutcome("batch0000012", null, ResultStatus.REJECTED, 300014, "TICK_SIZE_VIOLATION", "x"),
                new ItemOutcome("batch0000013", "a177c2a8cfe1U0123456789h0000013", ResultStatus.FAILED, null,
                        "OUTCOME_UNKNOWN", "the exchange could not be asked"))))
                .containsExactly(Map.entry("batch0000011", "a177c2a8cfe1U0123456789h0000011"));
    }

    @Test
    void aPlacedOrderKnowsTheCommandItCameFrom() {
        List<ResultsReader.PlacedOrder> out = new ArrayList<>();
        ResultsReader.placedOrders(ResultsWriter.toJson(result("place", ResultStatus.ACCEPTED, 41,
                ItemOutcome.accepted("order000001", "a177c2a8cfe1U0123456789rder00001"))), out::add);
        assertThat(out).containsExactly(new ResultsReader.PlacedOrder("order000001",
                "a177c2a8cfe1U0123456789rder00001", "cmds", 0, 41, 2L));
    }

    @Test
    void cancelsAndUnreadableRecordsNameNoOrder() {
        assertThat(placed(result("cancel", ResultStatus.ACCEPTED, 3,
                ItemOutcome.accepted("cancel000001", "a177c2a8cfe1U0123456789rder00001")))).isEmpty();
        List<ResultsReader.PlacedOrder> out = new ArrayList<>();
        ResultsReader.placedOrders("not json".getBytes(StandardCharsets.UTF_8), out::add);
        ResultsReader.placedOrders("[1,2]".getBytes(StandardCharsets.UTF_8), out::add);
        ResultsReader.placedOrders(null, out::add);
        assertThat(out).isEmpty();
    }

    @Test
    void readsBackTheLastRecordsOnlyThenWhatWasWrittenSince() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0],
                new Node[0])));
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
        for (long offset = 0; offset < 10; offset++) {
            add(consumer, offset);
        }
        consumer.updateEndOffsets(Map.of(TP, 10L));
        ResultsReader reader = new ResultsReader(TOPIC, consumer, 4, Duration.ofSeconds(5));
        Map<String, String> out = new LinkedHashMap<>();
        Consumer<ResultsReader.PlacedOrder> into = o -> out.put(o.clientId(), o.orderId());

        assertThat(reader.readToEnd(into)).isEqualTo(4);
        assertThat(out.keySet()).containsExactly("placed000006", "placed000007", "placed000008", "placed000009");

        out.clear();
        add(consumer, 10);
        add(consumer, 11);
        consumer.updateEndOffsets(Map.of(TP, 12L));
        assertThat(reader.readToEnd(into)).isEqualTo(2);
        assertThat(out.keySet()).containsExactly("placed000010", "placed000011");
        assertThat(reader.readToEnd(into)).isZero();
    }

    /** MockConsumer hands out the records added while a partition is assigned, from its position on. */
    private static void add(MockConsumer<byte[], byte[]> consumer, long offset) {
        String clientId = String.format("placed%06d", offset);
        byte[] value = ResultsWriter.toJson(result("place", ResultStatus.ACCEPTED, offset,
                ItemOutcome.accepted(clientId, "a177c2a8cfe1U0123456789" + clientId.substring(3))));
        consumer.schedulePollTask(() -> {
            if (consumer.assignment().contains(TP) && consumer.position(TP) <= offset) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, clientId.getBytes(StandardCharsets.UTF_8),
                        value));
            }
        });
    }
}
