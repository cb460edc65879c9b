package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.bitmaxconnect.testsupport.ApiExamples.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.stream.StreamMessageDecoder;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.config.DecimalHandlingMode;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;
import dev.bitmaxconnect.source.stream.EventQueue;
import dev.bitmaxconnect.source.stream.TaskEvent;

/** The assembler with {@code value.format=exchange-json}: one record per message, its frame's text as the value. */
class ExchangeJsonRecordsTest {
    private static final StreamMessageDecoder DECODER = new StreamMessageDecoder();

    private final SourceTaskMetrics metrics = new SourceTaskMetrics();
    private final SourceRecordAssembler assembler = new SourceRecordAssembler(new BitMaxSourceConfig(Map.of(
            BitMaxSourceConfig.REST_URL, "http://127.0.0.1:1",
            BitMaxSourceConfig.WS_URL, "ws://127.0.0.1:1",
            BitMaxSourceConfig.SYMBOLS, "BTC-PERP",
            BitMaxSourceConfig.CHANNELS, "trades,depth,bbo,bar,pricing",
            BitMaxSourceConfig.VALUE_FORMAT, "exchange-json")),
            new DecimalFormat(DecimalHandlingMode.STRING, 0), metrics);

    /** A frame as the task's public stream hands it over: decoded, with its text. */
    private static TaskEvent.Message frame(String text) {
        return new TaskEvent.Message(DECODER.decode(text), false, 0L, text);
    }

    /** A trades frame with one trade per seqnum, written with the spacing and field order of no serializer. */
    private static String trades(long... seqnums) {
        StringBuilder text = new StringBuilder("{ \"m\": \"trades\", \"symbol\": \"BTC-PERP\", \"data\": [");
        for (int i = 0; i < seqnums.length; i++) {
            text.append(i == 0 ? "" : ",").append("{\"p\":\"100.50\", \"q\":\"2.000\",  \"ts\":").append(1_000 + seqnums[i])
                    .append(",\"bm\":true,\"seqnum\":").append(seqnums[i]).append('}');
        }
        return text.append("] }").toString();
    }

    private static String depth(String type, long seqnum) {
        return "{\"m\":\"" + type + "\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":" + (5_000 + seqnum) + ",\"seqnum\":"
                + seqnum + ",\"asks\":[[\"101.0\",\"1\"]],\"bids\":[]}}";
    }

    private List<SourceRecord> assemble(TaskEvent... events) {
        List<SourceRecord> out = new ArrayList<>();
        for (TaskEvent event : events) {
            assembler.assemble(event, out);
        }
        return out;
    }

    private static Object header(SourceRecord record, String name) {
        var header = record.headers().lastWithName(name);
        return header == null ? null : header.value();
    }

    @Test
    void aTradesMessageIsOneRecordOfItsTextAtItsLastTrade() {
        String text = trades(7, 9);
        List<SourceRecord> records = assemble(frame(text));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.value()).isSameAs(text);
            assertThat(record.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(record.topic()).isEqualTo("bitmax.trades");
            assertThat(record.key()).isEqualTo("BTC-PERP");
            assertThat(record.keySchema()).isEqualTo(RecordSchemas.KEY_SCHEMA);
            assertThat(record.timestamp()).isEqualTo(1_009L);
            assertThat(record.sourcePartition()).isEqualTo(Map.of("channel", "trades", "symbol", "BTC-PERP"));
            assertThat(record.sourceOffset()).isEqualTo(Map.of("seqnum", 9L, "time", 1_009L));
            assertThat(header(record, RecordHeaders.CHANNEL)).isEqualTo("trades");
            assertThat(header(record, RecordHeaders.SEQUENCE)).isEqualTo(9L);
            assertThat(header(record, RecordHeaders.GAP)).isNull();
        });
    }

    @Test
    void everyMarketDataMessageCarriesItsTextByteForByte() {
        List<String> texts = List.of(trades(3), depth("depth", 4),
                text("channel-level-1-order-book-data-bbo--bbo-message.json"),
                text("channel-bar-data--bar-data-message.json"),
                text("channel-futures-pricing-data--sample-futures-pricing-data-message.json"));
        List<SourceRecord> records = assemble(texts.stream().map(ExchangeJsonRecordsTest::frame).toArray(TaskEvent[]::new));
        assertThat(records).extracting(SourceRecord::value).containsExactlyElementsOf(texts);
        assertThat(records).extracting(SourceRecord::topic)
                .containsExactly("bitmax.trades", "bitmax.depth", "bitmax.bbo", "bitmax.bar", "bitmax.pricing");
        assertThat(records).extracting(r -> header(r, RecordHeaders.CHANNEL))
                .containsExactly("trades", "depth", "bbo", "bar", "futures-pricing-data");
        assertThat(records.get(1).timestamp()).isEqualTo(5_004L);
        assertThat(records.get(3).sourcePartition()).isEqualTo(SourcePartitions.bar("BTC-PERP", "1"));
        assertThat(records.get(4).key()).isEqualTo("futures-pricing-data");
        assertThat(records.get(4).timestamp()).isEqualTo(1609371076960L);
    }

    @Test
    void aMessageAtOrBelowTheCommittedSeqnumIsARepeatAndOneAboveItIsKeptWhole() {
        assembler.resumeMarket(Channel.TRADES, "BTC-PERP", 8);
        assembler.resumeMarket(Channel.DEPTH, "BTC-PERP", 20);
        String straddling = trades(8, 10);
        List<SourceRecord> records = assemble(frame(trades(6, 8)), frame(straddling), frame(depth("depth", 20)),
                frame(depth("depth", 21)), frame(trades(9)));
        assertThat(records).extracting(r -> r.topic() + ":" + header(r, RecordHeaders.SEQUENCE))
                .containsExactly("bitmax.trades:10", "bitmax.depth:21");
        assertThat(records.get(0).value()).isSameAs(straddling);
    }

    @Test
    void aGapIsMarkedInTheHeaderOnlyAndCounted() {
        assemble(frame(trades(1)), frame(depth("depth", 2)));
        List<SourceRecord> afterLoss = assemble(new TaskEvent.SessionLost(false), frame(trades(5, 6)),
                frame(depth("depth", 7)), frame(trades(8)));
        assertThat(afterLoss).extracting(r -> header(r, RecordHeaders.GAP)).containsExactly(true, true, null);
        assertThat(afterLoss.get(0).value()).isEqualTo(trades(5, 6));
        assertThat(metrics.gaps()).isEqualTo(2);
        assembler.messagesDropped(List.of(new EventQueue.Stream(Channel.TRADES, "BTC-PERP")));
        assertThat(header(assemble(frame(trades(9))).get(0), RecordHeaders.GAP)).isEqualTo(true);
    }

    @Test
    void theSnapshotGateLetsTheSnapshotsTextThroughFirst() {
        List<String> requested = new ArrayList<>();
        assembler.depthSnapshots(requested::add, 10_000);
        assertThat(assemble(frame(depth("depth", 10)), frame(depth("depth", 11)))).isEmpty();
        assertThat(requested).containsExactly("BTC-PERP");

        String snapshot = depth("depth-snapshot", 10);
        List<SourceRecord> records = assemble(frame(snapshot), frame(depth("depth", 12)));
        assertThat(records).extracting(r -> header(r, RecordHeaders.CHANNEL) + ":" + header(r, RecordHeaders.SEQUENCE))
                .containsExactly("depth-snapshot:10", "depth:11", "depth:12");
        assertThat(records).extracting(SourceRecord::value)
                .containsExactly(snapshot, depth("depth", 11), depth("depth", 12));
        assertThat(records.get(0).topic()).isEqualTo("bitmax.depth");
        assertThat(records.get(0).key()).isEqualTo("BTC-PERP");
        assertThat(records.get(0).timestamp()).isEqualTo(5_010L);
        assertThat(records.get(0).sourceOffset()).isEqualTo(Map.of("seqnum", 10L, "time", 5_010L));

        assertThat(assemble(new TaskEvent.SessionLost(false), frame(depth("depth", 13)))).isEmpty();
        List<SourceRecord> afterLoss = assemble(frame(depth("depth-snapshot", 13)), frame(depth("depth", 14)));
        assertThat(afterLoss).extracting(r -> header(r, RecordHeaders.GAP)).containsExactly(true, null);
        assertThat(afterLoss.get(0).value()).isEqualTo(depth("depth-snapshot", 13));
    }

    @Test
    void aMessageWithoutWhatItsRecordNeedsIsSkippedAndCounted() {
        List<SourceRecord> records = assemble(
                frame("{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":[]}"),
                frame("{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":[{\"p\":\"1\",\"q\":\"1\",\"seqnum\":3}]}"),
                frame("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1}}"),
                frame("{\"m\":\"bbo\",\"symbol\":\"BTC-PERP\"}"),
                frame(trades(4)));
        assertThat(records).extracting(SourceRecord::value).containsExactly(trades(4));
        assertThat(metrics.undecodableMessages()).isEqualTo(4);
    }
}
