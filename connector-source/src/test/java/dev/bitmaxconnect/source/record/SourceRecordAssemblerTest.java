package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.bitmaxconnect.testsupport.ApiExamples.decoded;
import static dev.bitmaxconnect.testsupport.ApiExamples.restData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.config.DecimalHandlingMode;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;
import dev.bitmaxconnect.source.stream.EventQueue;
import dev.bitmaxconnect.source.stream.PrivateEvent;
import dev.bitmaxconnect.source.stream.TaskEvent;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;
import dev.bitmaxconnect.client.json.BitMaxJson;

class SourceRecordAssemblerTest {
    private static final Function<String, StreamMessage> DECODE = new StreamMessageDecoder()::decode;

    private final SourceTaskMetrics metrics = new SourceTaskMetrics();
    private final SourceRecordAssembler assembler = new SourceRecordAssembler(config(),
            new DecimalFormat(DecimalHandlingMode.STRING, 0), metrics);

    private static BitMaxSourceConfig config() {
        return new BitMaxSourceConfig(Map.of(
                BitMaxSourceConfig.REST_URL, "http://127.0.0.1:1",
                BitMaxSourceConfig.WS_URL, "ws://127.0.0.1:1",
                BitMaxSourceConfig.SYMBOLS, "BTC-PERP",
                BitMaxSourceConfig.CHANNELS, "trades,depth,bbo,bar,pricing,order,account",
                BitMaxSourceConfig.API_KEY, "k",
                BitMaxSourceConfig.API_SECRET, "s"));
    }

    private List<SourceRecord> assemble(TaskEvent... events) {
        List<SourceRecord> out = new ArrayList<>();
        for (TaskEvent event : events) {
            assembler.assemble(event, out);
        }
        return out;
    }

    private static TaskEvent.Message message(StreamMessage message) {
        return new TaskEvent.Message(message, false, 0L);
    }

    private static StreamMessage.Trades trades(long... seqnums) {
        List<StreamMessage.Trade> list = new ArrayList<>();
        for (long seqnum : seqnums) {
            list.add(new StreamMessage.Trade(new BigDecimal("100.5"), new BigDecimal("2"), 1_000 + seqnum, true, seqnum));
        }
        return new StreamMessage.Trades("BTC-PERP", list);
    }

    private static StreamMessage.DepthUpdate depth(long seqnum) {
        return new StreamMessage.DepthUpdate("BTC-PERP", new StreamMessage.DepthData(5_000 + seqnum, seqnum,
                List.of(new StreamMessage.PriceLevel(new BigDecimal("101"), new BigDecimal("1"))), List.of()));
    }

    @Test
    void tradesAreFlattenedWithKeyTimestampHeadersPartitionAndOffset() {
        List<SourceRecord> records = assemble(message(trades(7, 9)));
        assertThat(records).hasSize(2);
        SourceRecord second = records.get(1);
        assertThat(second.topic()).isEqualTo("bitmax.trades");
        assertThat(second.key()).isEqualTo("BTC-PERP");
        assertThat(second.timestamp()).isEqualTo(1_009L);
        assertThat(second.sourcePartition()).isEqualTo(Map.of("channel", "trades", "symbol", "BTC-PERP"));
        assertThat(second.sourceOffset()).isEqualTo(Map.of("seqnum", 9L, "time", 1_009L));
        assertThat(second.headers().lastWithName(RecordHeaders.CHANNEL).value()).isEqualTo("trades");
        assertThat(second.headers().lastWithName(RecordHeaders.SEQUENCE).value()).isEqualTo(9L);
        assertThat(((Struct) second.value()).getString("price")).isEqualTo("100.5");
    }

    @Test
    void nothingAtOrBelowTheCommittedSequenceIsEmittedAgain() {
        assembler.resumeMarket(Channel.TRADES, "BTC-PERP", 8);
        assembler.resumeMarket(Channel.DEPTH, "BTC-PERP", 20);
        List<SourceRecord> records = assemble(message(trades(7, 8, 9)), message(depth(19)), message(depth(20)), message(depth(21)));
        assertThat(records).extracting(r -> r.topic() + ":" + r.headers().lastWithName(RecordHeaders.SEQUENCE).value())
                .containsExactly("bitmax.trades:9", "bitmax.depth:21");
    }

    private static StreamMessage.DepthSnapshot depthSnapshot(long seqnum) {
        return new StreamMessage.DepthSnapshot("BTC-PERP", new StreamMessage.DepthData(5_000 + seqnum, seqnum,
                List.of(new StreamMessage.PriceLevel(new BigDecimal("101"), new BigDecimal("3"))),
                List.of(new StreamMessage.PriceLevel(new BigDecimal("99"), new BigDecimal("4")))));
    }

    @Test
    void depthSnapshotsComeFirstAndUpdatesTheyContainAreDropped() {
        List<String> requested = new ArrayList<>();
        assembler.depthSnapshots(symbol -> requested.add(symbol), 10_000);
        assertThat(assemble(message(depth(10)), message(depth(11)))).isEmpty();
        assertThat(requested).containsExactly("BTC-PERP");

        List<SourceRecord> records = assemble(message(depthSnapshot(10)), message(depth(12)));
        assertThat(records).extracting(r -> r.headers().lastWithName(RecordHeaders.CHANNEL).value() + ":"
                + r.headers().lastWithName(RecordHeaders.SEQUENCE).value())
                .containsExactly("depth-snapshot:10", "depth:11", "depth:12");
        SourceRecord snapshot = records.get(0);
        assertThat(snapshot.topic()).isEqualTo("bitmax.depth");
        assertThat(snapshot.key()).isEqualTo("BTC-PERP");
        assertThat(snapshot.sourcePartition()).isEqualTo(records.get(1).sourcePartition());
        assertThat(snapshot.sourceOffset()).isEqualTo(Map.of("seqnum", 10L, "time", 5_010L));
        Struct value = (Struct) snapshot.value();
        assertThat(value.getBoolean("snapshot")).isTrue();
        assertThat(value.getBoolean("gapBefore")).isFalse();
        assertThat(value.getArray("bids")).hasSize(1);
        assertThat(((Struct) records.get(1).value()).getBoolean("snapshot")).isFalse();

        List<SourceRecord> afterLoss = assemble(new TaskEvent.SessionLost(false), message(depth(13)), message(depth(14)));
        assertThat(afterLoss).isEmpty();
        assertThat(requested).hasSize(2);
        afterLoss = assemble(message(depthSnapshot(14)), message(depth(15)));
        assertThat(afterLoss).extracting(r -> ((Struct) r.value()).getInt64("seqnum")).containsExactly(14L, 15L);
        assertThat(((Struct) afterLoss.get(0).value()).getBoolean("gapBefore")).isTrue();
        assertThat(afterLoss.get(0).headers().lastWithName(RecordHeaders.GAP).value()).isEqualTo(true);
        assertThat(((Struct) afterLoss.get(1).value()).getBoolean("gapBefore")).isFalse();
        assertThat(metrics.gaps()).isEqualTo(1);
    }

    private static SourceRecordAssembler bookAssembler(String channels) {
        return new SourceRecordAssembler(new BitMaxSourceConfig(Map.of(
                BitMaxSourceConfig.REST_URL, "http://127.0.0.1:1",
                BitMaxSourceConfig.WS_URL, "ws://127.0.0.1:1",
                BitMaxSourceConfig.SYMBOLS, "BTC-PERP",
                BitMaxSourceConfig.CHANNELS, channels,
                BitMaxSourceConfig.BOOK_INTERVAL_MS, "0")), new DecimalFormat(DecimalHandlingMode.STRING, 0),
                new SourceTaskMetrics());
    }

    private static List<String> channelsAndSeqnums(SourceRecordAssembler assembler, TaskEvent... events) {
        List<SourceRecord> out = new ArrayList<>();
        for (TaskEvent event : events) {
            assembler.assemble(event, out);
        }
        assembler.writeDueBooks(out);
        List<String> written = new ArrayList<>();
        for (SourceRecord record : out) {
            written.add(record.topic() + ":" + record.headers().lastWithName(RecordHeaders.CHANNEL).value() + ":"
                    + record.headers().lastWithName(RecordHeaders.SEQUENCE).value());
        }
        return written;
    }

    @Test
    void theBookChannelAloneWritesBooksButNoDepthRecords() {
        SourceRecordAssembler books = bookAssembler("book");
        books.depthSnapshots(symbol -> true, 10_000);
        assertThat(channelsAndSeqnums(books, message(depth(10)), message(depthSnapshot(10)), message(depth(11))))
                .containsExactly("bitmax.book:book:10", "bitmax.book:book:11");
        books.messagesDropped(List.of(new EventQueue.Stream(Channel.DEPTH, "BTC-PERP")));
        assertThat(channelsAndSeqnums(books, message(depth(13)))).as("held until the next snapshot").isEmpty();
    }

    @Test
    void withDepthListedTooEachDepthRecordIsFollowedByTheBookItMadeWhenItChanged() {
        SourceRecordAssembler books = bookAssembler("depth,book");
        books.depthSnapshots(symbol -> true, 10_000);
        assertThat(channelsAndSeqnums(books, message(depth(10)), message(depthSnapshot(10)), message(depth(11)),
                message(depth(12)))).containsExactly("bitmax.depth:depth-snapshot:10", "bitmax.book:book:10",
                "bitmax.depth:depth:11", "bitmax.book:book:11", "bitmax.depth:depth:12");
    }

    @Test
    void withoutDepthSnapshotsASnapshotAnswerWritesNothing() {
        assertThat(assemble(message(depthSnapshot(10)), message(depth(11)))).hasSize(1);
    }

    @Test
    void depthGapAfterALostSessionIsCountedAndMarkedOnTheNextRecord() {
        List<SourceRecord> records = assemble(message(depth(1)), message(depth(3)), new TaskEvent.SessionLost(false),
                message(depth(9)), message(depth(10)));
        assertThat(records).extracting(r -> ((Struct) r.value()).getBoolean("gapBefore")).containsExactly(false, false, true, false);
        assertThat(records.get(2).headers().lastWithName(RecordHeaders.GAP).value()).isEqualTo(true);
        assertThat(metrics.gaps()).isEqualTo(1);
    }

    @Test
    void lostSessionAndDroppedMessagesMarkTradeGaps() {
        assemble(message(trades(1)));
        List<SourceRecord> afterLoss = assemble(new TaskEvent.SessionLost(false), message(trades(5)), message(trades(6)));
        assertThat(afterLoss).extracting(r -> ((Struct) r.value()).getBoolean("gapBefore")).containsExactly(true, false);
        assembler.messagesDropped(List.of(new EventQueue.Stream(Channel.TRADES, "BTC-PERP")));
        assertThat(assemble(message(trades(9))).get(0).headers().lastWithName(RecordHeaders.GAP)).isNotNull();
    }

    @Test
    void withRecordHeadersGapMarketRecordsCarryOnlyTheGapMark() {
        SourceRecordAssembler gapOnly = new SourceRecordAssembler(new BitMaxSourceConfig(Map.of(
                BitMaxSourceConfig.REST_URL, "http://127.0.0.1:1",
                BitMaxSourceConfig.WS_URL, "ws://127.0.0.1:1",
                BitMaxSourceConfig.SYMBOLS, "BTC-PERP",
                BitMaxSourceConfig.CHANNELS, "trades,bbo",
                BitMaxSourceConfig.RECORD_HEADERS, "gap")), new DecimalFormat(DecimalHandlingMode.STRING, 0),
                new SourceTaskMetrics());
        List<SourceRecord> out = new ArrayList<>();
        gapOnly.assemble(message(trades(1, 2)), out);
        gapOnly.assemble(new TaskEvent.SessionLost(false), out);
        gapOnly.assemble(message(trades(7)), out);
        gapOnly.assemble(message(decoded("channel-level-1-order-book-data-bbo--bbo-message.json", DECODE,
                StreamMessage.Bbo.class)), out);
        assertThat(out).hasSize(4);
        assertThat(out).extracting(r -> r.headers().size()).containsExactly(0, 0, 1, 0);
        assertThat(out.get(2).headers().lastWithName(RecordHeaders.GAP).value()).isEqualTo(true);
        // the value and the offsets stay as they are
        assertThat(((Struct) out.get(2).value()).getBoolean("gapBefore")).isTrue();
        assertThat(out.get(1).sourceOffset()).isEqualTo(assemble(message(trades(1, 2))).get(1).sourceOffset());
    }

    @Test
    void perMessageChannelsGoToTheirTopics() {
        List<SourceRecord> records = assemble(
                message(decoded("channel-level-1-order-book-data-bbo--bbo-message.json", DECODE, StreamMessage.Bbo.class)),
                message(decoded("channel-bar-data--bar-data-message.json", DECODE, StreamMessage.Bar.class)),
                message(decoded("channel-futures-pricing-data--sample-futures-pricing-data-message.json", DECODE,
                        StreamMessage.PricingData.class)));
        assertThat(records).extracting(SourceRecord::topic).containsExactly("bitmax.bbo", "bitmax.bar", "bitmax.pricing");
        assertThat(records.get(1).sourcePartition()).isEqualTo(SourcePartitions.bar("BTC-PERP", "1"));
        assertThat(records.get(2).key()).isEqualTo("futures-pricing-data");
        assertThat(records.get(2).timestamp()).isEqualTo(1609371076960L);
    }

    @Test
    void privateEventsWaitForTheRecoveryThenFlowOnceKeyedByAccount() {
        StreamMessage.OrderReport report = decoded("channel-order.json", DECODE, StreamMessage.OrderReport.class);
        assembler.privateStreamStarting();
        assertThat(assemble(new TaskEvent.Message(report, true, 0L))).isEmpty();
        OrderInfo missed = restData("list-open-orders--response.json", OrderInfo.class, BitMaxJson.mapper()).get(0);
        List<SourceRecord> recovered = assemble(new TaskEvent.Recovery(0, List.of(PrivateEvent.order(missed))));
        assertThat(recovered).extracting(r -> r.headers().lastWithName(RecordHeaders.SEQUENCE).value()).containsExactly(14L, 127L);
        assertThat(recovered).extracting(r -> r.headers().lastWithName(RecordHeaders.ORIGIN).value())
                .containsExactly("recovery", "stream");
        assertThat(recovered.get(1).key()).isEqualTo("sample-futures-account-id");
        assertThat(recovered.get(1).topic()).isEqualTo("bitmax.order");
        assertThat(recovered).extracting(SourceRecord::sourcePartition).containsExactly(
                Map.of("channel", "futures-order", "account", "sample-futures-account-id", "slot", "0"),
                Map.of("channel", "futures-order", "account", "sample-futures-account-id", "slot", "1"));
        assertThat(recovered.get(1).sourceOffset()).isEqualTo(Map.of("sn", 127L, "orderId", "a176010c4957U68469127074abcd1234",
                "state", "New|0", "time", 1606335352348L, "slotSeq", 1L, "forgottenThrough", Long.MIN_VALUE));
        assertThat(assemble(new TaskEvent.Message(report, true, 0L))).isEmpty();
        assertThat(metrics.recoveredOrderStates()).isEqualTo(1);
    }

    @Test
    void aRecoveryOvertakenByAnotherLossKeepsHolding() {
        assembler.privateStreamStarting();
        StreamMessage.AccountUpdate update = decoded("channel-account-update.json", DECODE, StreamMessage.AccountUpdate.class);
        List<SourceRecord> records = assemble(new TaskEvent.SessionLost(true),
                new TaskEvent.Recovery(0, List.of()),
                new TaskEvent.Message(update, true, 0L));
        assertThat(records).isEmpty();
        records = assemble(new TaskEvent.Recovery(1, List.of()));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("bitmax.account");
            assertThat(r.headers().lastWithName(RecordHeaders.ORIGIN).value()).isEqualTo("update");
        });
    }

    @Test
    void undecodableMessagesAreCountedAndSkipped() {
        List<SourceRecord> records = assemble(
                message(new StreamMessage.Unknown("weird", "{\"m\":\"weird\"}")),
                message(new StreamMessage.Trades("BTC-PERP", List.of(new StreamMessage.Trade(null, null, null, null, 3L)))),
                message(new StreamMessage.Trades("BTC-PERP", Collections.singletonList(null))),
                message(new StreamMessage.DepthUpdate("BTC-PERP", new StreamMessage.DepthData(1L, 2L,
                        Collections.singletonList(null), List.of()))),
                message(trades(4)));
        assertThat(records).hasSize(1);
        assertThat(metrics.undecodableMessages()).isEqualTo(4);
    }

    @Test
    void fatalEventFailsThePoll() {
        assertThatThrownBy(() -> assemble(new TaskEvent.Fatal("check bitmax.api.key", null)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("bitmax.api.key");
    }
}
