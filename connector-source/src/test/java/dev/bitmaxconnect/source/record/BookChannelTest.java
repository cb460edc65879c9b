package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.source.config.DecimalHandlingMode;

class BookChannelTest {
    private static final String SYMBOL = "BTC-PERP";
    private final AtomicLong now = new AtomicLong(10_000);
    private final RecordSchemas schemas = new RecordSchemas(new DecimalFormat(DecimalHandlingMode.STRING, 0));
    private final List<SourceRecord> out = new ArrayList<>();

    private BookChannel channel(int levels, long intervalMs, DecimalHandlingMode mode) {
        DecimalFormat decimals = new DecimalFormat(mode, 4);
        RecordSchemas modeSchemas = new RecordSchemas(decimals);
        return new BookChannel(modeSchemas, decimals, "bitmax.book", levels, intervalMs, now::get);
    }

    /** A depth record value: levels as "price:size" pairs. */
    private Struct depth(long seqnum, boolean snapshot, List<String> asks, List<String> bids) {
        return new Struct(schemas.depthUpdate())
                .put("symbol", SYMBOL).put("seqnum", seqnum).put("time", new Date(seqnum * 100))
                .put("asks", levels(asks)).put("bids", levels(bids))
                .put("gapBefore", false).put("snapshot", snapshot);
    }

    private List<Struct> levels(List<String> levels) {
        List<Struct> structs = new ArrayList<>();
        for (String level : levels) {
            String[] parts = level.split(":");
            structs.add(new Struct(schemas.priceLevel()).put("price", parts[0]).put("size", parts[1]));
        }
        return structs;
    }

    private Struct snapshot(long seqnum) {
        return depth(seqnum, true, List.of("101:1", "102:2", "103:3"), List.of("100:1", "99:2", "98:3"));
    }

    private static List<String> side(SourceRecord record, String side) {
        List<String> levels = new ArrayList<>();
        for (Object level : ((Struct) record.value()).getArray(side)) {
            Struct struct = (Struct) level;
            levels.add(struct.get("price") + ":" + struct.get("size"));
        }
        return levels;
    }

    private List<SourceRecord> written() {
        List<SourceRecord> records = new ArrayList<>(out);
        out.clear();
        return records;
    }

    @Test
    void theFirstValidBookIsWrittenWithItsTopLevelsBestFirst() {
        BookChannel book = channel(2, 1_000, DecimalHandlingMode.STRING);
        book.onDepth(snapshot(7), 700, out);

        List<SourceRecord> records = written();
        assertThat(records).hasSize(1);
        SourceRecord record = records.get(0);
        assertThat(record.topic()).isEqualTo("bitmax.book");
        assertThat(record.key()).isEqualTo(SYMBOL);
        assertThat(record.timestamp()).isEqualTo(700);
        assertThat(record.sourcePartition()).isEqualTo(SourcePartitions.market("book", SYMBOL));
        assertThat(record.headers().lastWithName(RecordHeaders.CHANNEL).value()).isEqualTo("book");
        assertThat(record.headers().lastWithName(RecordHeaders.SEQUENCE).value()).isEqualTo(7L);
        assertThat(((Struct) record.value()).getInt64("seqnum")).isEqualTo(7);
        assertThat(side(record, "asks")).containsExactly("101:1", "102:2");
        assertThat(side(record, "bids")).containsExactly("100:1", "99:2");
    }

    @Test
    void aChangeWithinTheIntervalWaitsForItAndIsWrittenOnceItPassesWithoutAnotherUpdate() {
        BookChannel book = channel(2, 1_000, DecimalHandlingMode.STRING);
        book.onDepth(snapshot(7), 700, out);
        written();
        now.addAndGet(300);
        book.onDepth(depth(8, false, List.of("101:5"), List.of()), 800, out);
        book.onDepth(depth(9, false, List.of(), List.of("100:0")), 900, out);
        book.writeDue(out);
        assertThat(written()).isEmpty();

        now.addAndGet(700);
        book.writeDue(out);
        List<SourceRecord> records = written();
        assertThat(records).hasSize(1);
        assertThat(((Struct) records.get(0).value()).getInt64("seqnum")).isEqualTo(9);
        assertThat(records.get(0).timestamp()).isEqualTo(900);
        assertThat(side(records.get(0), "asks")).containsExactly("101:5", "102:2");
        assertThat(side(records.get(0), "bids")).containsExactly("99:2", "98:3");
        now.addAndGet(5_000);
        book.writeDue(out);
        assertThat(written()).as("nothing changed since").isEmpty();
    }

    @Test
    void aChangeBelowTheTopLevelsWritesNothing() {
        BookChannel book = channel(2, 0, DecimalHandlingMode.STRING);
        book.onDepth(snapshot(7), 700, out);
        written();
        book.onDepth(depth(8, false, List.of("103:9"), List.of("98:0")), 800, out);
        book.writeDue(out);
        assertThat(written()).isEmpty();
        book.onDepth(depth(9, false, List.of("102:9"), List.of()), 900, out);
        assertThat(written()).extracting(r -> side(r, "asks")).containsExactly(List.of("101:1", "102:9"));
    }

    @Test
    void intervalZeroWritesEveryChange() {
        BookChannel book = channel(3, 0, DecimalHandlingMode.STRING);
        book.onDepth(snapshot(7), 700, out);
        book.onDepth(depth(8, false, List.of("101:4"), List.of()), 800, out);
        book.onDepth(depth(9, false, List.of("101:5"), List.of()), 900, out);
        assertThat(written()).extracting(r -> ((Struct) r.value()).getInt64("seqnum")).containsExactly(7L, 8L, 9L);
    }

    @Test
    void afterLostMessagesNothingIsWrittenUntilTheNextSnapshot() {
        BookChannel book = channel(2, 0, DecimalHandlingMode.STRING);
        book.onDepth(snapshot(7), 700, out);
        written();
        now.addAndGet(100);
        book.onDepth(depth(8, false, List.of("101:4"), List.of()), 800, out);
        book.interrupted(SYMBOL);
        book.writeDue(out);
        book.onDepth(depth(12, false, List.of("101:6"), List.of()), 1200, out);
        assertThat(written()).extracting(r -> ((Struct) r.value()).getInt64("seqnum")).containsExactly(8L);

        book.onDepth(depth(13, true, List.of("105:1"), List.of("95:1")), 1300, out);
        List<SourceRecord> records = written();
        assertThat(records).extracting(r -> ((Struct) r.value()).getInt64("seqnum")).containsExactly(13L);
        assertThat(side(records.get(0), "asks")).containsExactly("105:1");
    }

    @Test
    void aLostSessionInvalidatesEveryBookAndAPendingChangeIsNotWritten() {
        BookChannel book = channel(2, 1_000, DecimalHandlingMode.STRING);
        book.onDepth(snapshot(7), 700, out);
        book.onDepth(depth(8, false, List.of("101:4"), List.of()), 800, out);
        written();
        book.interruptedAll();
        now.addAndGet(2_000);
        book.writeDue(out);
        assertThat(written()).isEmpty();
    }

    @Test
    void decimalsFollowTheHandlingMode() {
        BookChannel precise = channel(1, 0, DecimalHandlingMode.PRECISE);
        precise.onDepth(depth(7, true, List.of("101.25:0.5"), List.of("100.125:3")), 700, out);
        Struct ask = (Struct) ((Struct) written().get(0).value()).getArray("asks").get(0);
        assertThat(ask.get("price")).isEqualTo(new BigDecimal("101.2500"));
        assertThat(ask.get("size")).isEqualTo(new BigDecimal("0.5000"));

        BookChannel text = channel(1, 0, DecimalHandlingMode.STRING);
        text.onDepth(depth(7, true, List.of("101.25:0.5"), List.of("100.125:3")), 700, out);
        Struct bid = (Struct) ((Struct) written().get(0).value()).getArray("bids").get(0);
        assertThat(bid.get("price")).isEqualTo("100.125");
        assertThat(bid.get("size")).isEqualTo("3");
    }
}
