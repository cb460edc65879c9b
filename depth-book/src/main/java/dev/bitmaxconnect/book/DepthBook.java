package dev.bitmaxconnect.book;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * The order book of one symbol, rebuilt from the values of the source connector's depth topic, read in partition
 * order: a snapshot ({@code snapshot} true) replaces the whole book; an update changes the levels it lists (size 0
 * removes a level). Updates at or below the book's seqnum are ignored (they are already in it).
 *
 * <p>An update marked {@code gapBefore} follows messages that were lost: the book is not valid from then on, and
 * updates are ignored until the next snapshot, which the connector writes after every gap. Before the first snapshot
 * the book is not valid either. So a consumer that reads a partition from any snapshot onwards holds the exact book
 * at every seqnum that follows, until a gap.
 *
 * <p>Input is the record value as a Connect {@link Struct}: what a Kafka Streams processor or a consumer gets from
 * the connector's value converter ({@code converter.toConnectData(topic, bytes).value()}). Prices and sizes may be
 * written in any {@code decimal.handling.mode} (Decimal, string or double); the book keeps them as
 * {@link BigDecimal} without trailing zeros. Not thread-safe.
 */
public final class DepthBook {
    private final String symbol;
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private long seqnum = Long.MIN_VALUE;
    private boolean valid;

    public DepthBook(String symbol) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
    }

    /**
     * Applies one depth record value of this book's symbol; returns whether the book is valid afterwards.
     *
     * @throws IllegalArgumentException when the value is of another symbol or is not a depth record
     */
    public boolean apply(Struct value) {
        String valueSymbol = value.getString("symbol");
        if (!symbol.equals(valueSymbol)) {
            throw new IllegalArgumentException("A depth record of " + valueSymbol + " applied to the book of " + symbol);
        }
        long recordSeqnum = value.getInt64("seqnum");
        if (isSnapshot(value)) {
            asks.clear();
            bids.clear();
            applyLevels(value.getArray("asks"), asks);
            applyLevels(value.getArray("bids"), bids);
            seqnum = recordSeqnum;
            valid = true;
        } else if (Boolean.TRUE.equals(value.getBoolean("gapBefore"))) {
            valid = false;
        } else if (valid && recordSeqnum > seqnum) {
            applyLevels(value.getArray("asks"), asks);
            applyLevels(value.getArray("bids"), bids);
            seqnum = recordSeqnum;
        }
        return valid;
    }

    /** Whether {@code value} is a snapshot; records written before snapshots existed have no such field. */
    public static boolean isSnapshot(Struct value) {
        Field field = value.schema().field("snapshot");
        return field != null && Boolean.TRUE.equals(value.get(field));
    }

    public String symbol() {
        return symbol;
    }

    /** True from a snapshot until the next gap: {@link #asks()} and {@link #bids()} are the book at {@link #seqnum()}. */
    public boolean isValid() {
        return valid;
    }

    /** The seqnum of the last snapshot or update applied ({@link Long#MIN_VALUE} before the first snapshot). */
    public long seqnum() {
        return seqnum;
    }

    /** Size by price, from the lowest ask; a read-only view. */
    public NavigableMap<BigDecimal, BigDecimal> asks() {
        return Collections.unmodifiableNavigableMap(asks);
    }

    /** Size by price, from the highest bid; a read-only view. */
    public NavigableMap<BigDecimal, BigDecimal> bids() {
        return Collections.unmodifiableNavigableMap(bids);
    }

    private static void applyLevels(List<Object> levels, Map<BigDecimal, BigDecimal> side) {
        for (Object level : levels) {
            Struct priceLevel = (Struct) level;
            BigDecimal price = decimal(priceLevel.get("price"));
            BigDecimal size = decimal(priceLevel.get("size"));
            if (size.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, size);
            }
        }
    }

    /** A price or size in any decimal.handling.mode: Decimal (BigDecimal), string, or double. */
    static BigDecimal decimal(Object value) {
        BigDecimal decimal;
        if (value instanceof BigDecimal d) {
            decimal = d;
        } else if (value instanceof String s) {
            decimal = new BigDecimal(s);
        } else if (value instanceof Double d) {
            decimal = BigDecimal.valueOf(d);
        } else {
            throw new IllegalArgumentException("Not a decimal price or size: " + value);
        }
        return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }

    @Override
    public String toString() {
        return "DepthBook{" + symbol + " at " + seqnum + (valid ? "" : " (not valid)") + ", " + asks.size() + " asks, "
                + bids.size() + " bids}";
    }
}
