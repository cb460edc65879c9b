package dev.bitmaxconnect.book;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.connect.data.Struct;

/**
 * The {@link DepthBook} of every symbol met in a depth topic: one object for a consumer or a Kafka Streams processor
 * that reads partitions holding several symbols (the topic is keyed by symbol). Not thread-safe.
 */
public final class DepthBooks {
    private final Map<String, DepthBook> books = new TreeMap<>();

    /** Applies one depth record value to the book of its symbol and returns that book. */
    public DepthBook apply(Struct value) {
        DepthBook book = books.computeIfAbsent(value.getString("symbol"), DepthBook::new);
        book.apply(value);
        return book;
    }

    /** The book of {@code symbol}, once a record of it was applied. */
    public Optional<DepthBook> book(String symbol) {
        return Optional.ofNullable(books.get(symbol));
    }

    /** Every book by symbol; a read-only view. */
    public Map<String, DepthBook> books() {
        return Collections.unmodifiableMap(books);
    }
}
