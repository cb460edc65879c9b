package dev.bitmaxconnect.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** The shape of the source's depth records (dev.bitmaxconnect.source.DepthUpdate), in each decimal mode. */
class DepthBookTest {
    private static final Schema STRING_LEVEL = level(Schema.STRING_SCHEMA);
    private static final Schema STRING_DEPTH = depth(STRING_LEVEL, true);

    private static Schema level(Schema decimal) {
        return SchemaBuilder.struct().name("dev.bitmaxconnect.source.PriceLevel")
                .field("price", decimal).field("size", decimal).build();
    }

    private static Schema depth(Schema level, boolean withSnapshotField) {
        SchemaBuilder builder = SchemaBuilder.struct().name("dev.bitmaxconnect.source.DepthUpdate")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("seqnum", Schema.INT64_SCHEMA)
                .field("time", Timestamp.SCHEMA)
                .field("asks", SchemaBuilder.array(level).build())
                .field("bids", SchemaBuilder.array(level).build())
                .field("gapBefore", Schema.BOOLEAN_SCHEMA);
        if (withSnapshotField) {
            builder.field("snapshot", SchemaBuilder.bool().optional().defaultValue(false).build());
        }
        return builder.build();
    }

    /** Levels as price, size, price, size... */
    private static Struct record(Schema schema, long seqnum, boolean snapshot, boolean gap, Object[] asks, Object[] bids) {
        Struct value = new Struct(schema).put("symbol", "BTC-PERP").put("seqnum", seqnum).put("time", new Date(seqnum))
                .put("asks", levels(schema.field("asks").schema().valueSchema(), asks))
                .put("bids", levels(schema.field("bids").schema().valueSchema(), bids))
                .put("gapBefore", gap);
        if (schema.field("snapshot") != null) {
            value.put("snapshot", snapshot);
        }
        return value;
    }

    private static List<Struct> levels(Schema level, Object[] pairs) {
        List<Struct> levels = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            levels.add(new Struct(level).put("price", pairs[i]).put("size", pairs[i + 1]));
        }
        return levels;
    }

    private static Object[] of(Object... values) {
        return values;
    }

    private static Map<BigDecimal, BigDecimal> book(String... pairs) {
        Map<BigDecimal, BigDecimal> book = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            book.put(new BigDecimal(pairs[i]), new BigDecimal(pairs[i + 1]));
        }
        return book;
    }

    @Test
    void aSnapshotThenUpdatesGiveTheBookAtEachSeqnum() {
        DepthBook book = new DepthBook("BTC-PERP");
        assertThat(book.apply(record(STRING_DEPTH, 5, false, false, of("101", "1"), of()))).isFalse();
        assertThat(book.apply(record(STRING_DEPTH, 10, true, false, of("101", "1.50", "102", "2"), of("99", "3")))).isTrue();
        book.apply(record(STRING_DEPTH, 12, false, false, of("101", "0", "103", "4"), of("98.5", "1")));
        book.apply(record(STRING_DEPTH, 11, false, false, of("150", "9"), of())); // already in the book: ignored

        assertThat(book.isValid()).isTrue();
        assertThat(book.seqnum()).isEqualTo(12);
        assertThat(book.asks()).containsExactlyEntriesOf(book("102", "2", "103", "4"));
        assertThat(book.bids()).containsExactlyEntriesOf(book("99", "3", "98.5", "1"));
    }

    @Test
    void aGapInvalidatesTheBookUntilTheNextSnapshot() {
        DepthBook book = new DepthBook("BTC-PERP");
        book.apply(record(STRING_DEPTH, 10, true, false, of("101", "1"), of("99", "1")));
        assertThat(book.apply(record(STRING_DEPTH, 20, false, true, of("101", "5"), of()))).isFalse();
        assertThat(book.apply(record(STRING_DEPTH, 21, false, false, of("101", "6"), of()))).isFalse();
        assertThat(book.seqnum()).isEqualTo(10);
        assertThat(book.apply(record(STRING_DEPTH, 22, true, true, of("100.5", "2"), of("99", "7")))).isTrue();
        assertThat(book.asks()).containsExactlyEntriesOf(book("100.5", "2"));
        assertThat(book.bids()).containsExactlyEntriesOf(book("99", "7"));
    }

    @Test
    void preciseAndDoubleDecimalsAndTheJsonConverterGiveTheSameBook() {
        Schema decimal = Decimal.schema(8);
        Schema precise = depth(level(decimal), true);
        Schema doubles = depth(level(Schema.FLOAT64_SCHEMA), true);
        JsonConverter json = new JsonConverter();
        json.configure(Map.of("schemas.enable", "true", "decimal.format", "NUMERIC"), false);
        Struct snapshot = record(precise, 10, true, false,
                of(new BigDecimal("101.50000000"), new BigDecimal("1.00000000")), of(new BigDecimal("99.00000000"),
                        new BigDecimal("2.50000000")));
        byte[] bytes = json.fromConnectData("bitmax.depth", precise, snapshot);
        Struct readBack = (Struct) json.toConnectData("bitmax.depth", bytes).value();

        DepthBook fromJson = new DepthBook("BTC-PERP");
        fromJson.apply(readBack);
        DepthBook fromDoubles = new DepthBook("BTC-PERP");
        fromDoubles.apply(record(doubles, 10, true, false, of(101.5, 1.0), of(99.0, 2.5)));

        assertThat(fromJson.asks()).containsExactlyEntriesOf(book("101.5", "1"));
        assertThat(fromJson.bids()).containsExactlyEntriesOf(book("99", "2.5"));
        assertThat(fromDoubles.asks()).isEqualTo(fromJson.asks());
        assertThat(fromDoubles.bids()).isEqualTo(fromJson.bids());
    }

    @Test
    void recordsWithoutTheSnapshotFieldAreUpdates() {
        DepthBook book = new DepthBook("BTC-PERP");
        assertThat(book.apply(record(depth(STRING_LEVEL, false), 10, true, false, of("101", "1"), of()))).isFalse();
        assertThat(book.asks()).isEmpty();
    }

    @Test
    void booksOfSeveralSymbolsAreKeptApartAndAForeignRecordIsRefused() {
        DepthBooks books = new DepthBooks();
        books.apply(record(STRING_DEPTH, 10, true, false, of("101", "1"), of()));
        assertThat(books.book("BTC-PERP")).get().extracting(DepthBook::isValid).isEqualTo(true);
        assertThat(books.book("ETH-PERP")).isEmpty();
        assertThatThrownBy(() -> new DepthBook("ETH-PERP").apply(record(STRING_DEPTH, 1, true, false, of(), of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BTC-PERP");
    }
}
