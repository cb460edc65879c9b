package dev.bitmaxconnect.source.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.LongSupplier;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import dev.bitmaxconnect.book.DepthBook;

/**
 * The book channel: keeps each symbol's {@link DepthBook} from the depth records the task emits (a snapshot, then
 * the updates above it) and writes its top levels, keyed by symbol, at most once per interval and only when they
 * changed since the last record written. Lost messages make a book invalid until the next snapshot; an invalid book
 * is never written. Nothing resumes from the records' offsets: a restarted task rebuilds from the next snapshot.
 * Runs on the poll thread.
 */
public final class BookChannel {
    /** The exchange channel name in the {@code bitmax.channel} header and the source partition. */
    public static final String CHANNEL = "book";

    private record Level(BigDecimal price, BigDecimal size) {
    }

    private static final class SymbolBook {
        DepthBook book;
        final Map<String, String> partition;
        /** Exchange time of the last depth record applied. */
        long time;
        /** Depth records were applied since the book was last looked at for writing. */
        boolean changed;
        boolean written;
        long writtenAtMs;
        List<Level> writtenAsks = List.of();
        List<Level> writtenBids = List.of();

        SymbolBook(String symbol) {
            this.book = new DepthBook(symbol);
            this.partition = SourcePartitions.market(CHANNEL, symbol);
        }
    }

    private final RecordSchemas schemas;
    private final DecimalFormat decimals;
    private final String topic;
    private final int levels;
    private final long intervalMs;
    private final LongSupplier clock;
    private final Map<String, SymbolBook> books = new HashMap<>();

    public BookChannel(RecordSchemas schemas, DecimalFormat decimals, String topic, int levels, long intervalMs,
                       LongSupplier clock) {
        this.schemas = schemas;
        this.decimals = decimals;
        this.topic = topic;
        this.levels = levels;
        this.intervalMs = intervalMs;
        this.clock = clock;
    }

    /** A depth record value the task emitted, in stream order; appends the book's record to {@code out} when due. */
    public void onDepth(Struct depthValue, long time, List<SourceRecord> out) {
        String symbol = depthValue.getString("symbol");
        SymbolBook state = books.computeIfAbsent(symbol, SymbolBook::new);
        state.book.apply(depthValue);
        state.time = time;
        state.changed = true;
        writeIfDue(state, clock.getAsLong(), out);
    }

    /** Messages of {@code symbol} were lost: its book is invalid until the next snapshot. */
    public void interrupted(String symbol) {
        SymbolBook state = books.get(symbol);
        if (state != null) {
            state.book = new DepthBook(symbol);
            state.changed = false;
        }
    }

    /** The session was lost: every book is invalid until its next snapshot. */
    public void interruptedAll() {
        for (String symbol : books.keySet()) {
            interrupted(symbol);
        }
    }

    /** Appends the records of the books that changed and whose interval has passed since they were last written. */
    public void writeDue(List<SourceRecord> out) {
        if (books.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        for (SymbolBook state : books.values()) {
            writeIfDue(state, now, out);
        }
    }

    private void writeIfDue(SymbolBook state, long now, List<SourceRecord> out) {
        if (!state.changed || !state.book.isValid() || (state.written && now - state.writtenAtMs < intervalMs)) {
            return;
        }
        state.changed = false;
        List<Level> asks = top(state.book.asks());
        List<Level> bids = top(state.book.bids());
        if (state.written && asks.equals(state.writtenAsks) && bids.equals(state.writtenBids)) {
            return; // only levels below the top changed
        }
        state.written = true;
        state.writtenAtMs = now;
        state.writtenAsks = asks;
        state.writtenBids = bids;
        long seqnum = state.book.seqnum();
        Struct value = new Struct(schemas.book())
                .put("symbol", state.book.symbol())
                .put("seqnum", seqnum)
                .put("time", new Date(state.time))
                .put("asks", levelValues(asks))
                .put("bids", levelValues(bids));
        out.add(new RecordDestination(topic, state.partition,
                SourcePartitions.sequenceOffset(SourcePartitions.SEQNUM, seqnum, state.time))
                .record(state.book.symbol(), value, state.time, RecordHeaders.of(CHANNEL).withSequence(seqnum)));
    }

    private List<Level> top(NavigableMap<BigDecimal, BigDecimal> side) {
        List<Level> top = new ArrayList<>(Math.min(levels, side.size()));
        for (Map.Entry<BigDecimal, BigDecimal> level : side.entrySet()) {
            if (top.size() == levels) {
                break;
            }
            top.add(new Level(level.getKey(), level.getValue()));
        }
        return top;
    }

    private List<Struct> levelValues(List<Level> side) {
        List<Struct> values = new ArrayList<>(side.size());
        for (Level level : side) {
            values.add(new Struct(schemas.priceLevel())
                    .put("price", decimals.value(level.price()))
                    .put("size", decimals.value(level.size())));
        }
        return values;
    }
}
