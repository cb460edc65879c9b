package dev.bitmaxconnect.simulator;

import dev.bitmaxconnect.simulator.engine.Depth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What really happened at the exchange: every accepted order, every fill of a client account, counts, and the
 * recent history of every order book.
 */
public final class GroundTruth {

    /** Depth changes kept per symbol by default: minutes of the built-in market activity. */
    public static final int DEFAULT_BOOK_HISTORY = 200_000;

    /** Counts since start. */
    public record Counts(long acceptedOrders, long fills, long canceledOrders, long rejectedRequests,
                         long restRequests, long wsRequests) {
    }

    /** Where the simulator's engine and servers record what happens; only the simulator holds one. */
    public interface Recorder {
        void accepted(AcceptedOrder order);

        void filled(Fill fill);

        void canceled();

        /** A request refused with an error code. */
        void rejected();

        void restRequest();

        void wsRequest();

        /** The levels one operation changed in a book; called under the symbol's lock, in increasing seqnum. */
        default void depthChanged(Depth depth) {
        }
    }

    private final ConcurrentLinkedQueue<AcceptedOrder> accepted = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, AcceptedOrder> byOrderId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Fill> fills = new ConcurrentLinkedQueue<>();
    private final LongAdder acceptedCount = new LongAdder();
    private final LongAdder fillCount = new LongAdder();
    private final LongAdder canceledCount = new LongAdder();
    private final LongAdder rejectedCount = new LongAdder();
    private final LongAdder restCount = new LongAdder();
    private final LongAdder wsCount = new LongAdder();
    private final ConcurrentHashMap<String, BookHistory> books = new ConcurrentHashMap<>();
    private final int bookHistory;

    private final Recorder recorder = new Recorder() {
        @Override
        public void accepted(AcceptedOrder order) {
            accepted.add(order);
            byOrderId.put(order.orderId(), order);
            acceptedCount.increment();
        }

        @Override
        public void filled(Fill fill) {
            fills.add(fill);
            fillCount.increment();
        }

        @Override
        public void canceled() {
            canceledCount.increment();
        }

        @Override
        public void rejected() {
            rejectedCount.increment();
        }

        @Override
        public void restRequest() {
            restCount.increment();
        }

        @Override
        public void wsRequest() {
            wsCount.increment();
        }

        @Override
        public void depthChanged(Depth depth) {
            books.computeIfAbsent(depth.contract().symbol(), s -> new BookHistory(depth.contract(), bookHistory))
                    .changed(depth);
        }
    };

    GroundTruth(int bookHistory) {
        this.bookHistory = bookHistory;
    }

    Recorder recorder() {
        return recorder;
    }

    /** Every order ever accepted, in acceptance order. */
    public List<AcceptedOrder> acceptedOrders() {
        return new ArrayList<>(accepted);
    }

    /** The accepted order with this orderId, if any. */
    public Optional<AcceptedOrder> acceptedOrder(String orderId) {
        return Optional.ofNullable(byOrderId.get(orderId));
    }

    /** Accepted orders whose request carried this client {@code id}. */
    public List<AcceptedOrder> acceptedOrdersWithClientId(String clientId) {
        List<AcceptedOrder> result = new ArrayList<>();
        for (AcceptedOrder order : accepted) {
            if (order.clientId().equals(clientId)) {
                result.add(order);
            }
        }
        return result;
    }

    /** Every fill of a client account, in execution order. */
    public List<Fill> fills() {
        return new ArrayList<>(fills);
    }

    /**
     * The book of {@code symbol} at {@code seqnum}: after every depth change at or below it, as a client that applied
     * the {@code depth} messages up to that seqnum holds it. Empty for an unknown symbol, or a seqnum older than the
     * history kept (the latest {@code bookHistory} changes per symbol, see the simulator's builder).
     */
    public Optional<Book> bookAt(String symbol, long seqnum) {
        BookHistory history = books.get(symbol);
        return history == null ? Optional.empty() : history.bookAt(seqnum);
    }

    /** The seqnum of the latest depth change of {@code symbol}, or {@link Long#MIN_VALUE} before any. */
    public long lastDepthSeqnum(String symbol) {
        BookHistory history = books.get(symbol);
        return history == null ? Long.MIN_VALUE : history.lastSeqnum();
    }

    public Counts counts() {
        return new Counts(acceptedCount.sum(), fillCount.sum(), canceledCount.sum(), rejectedCount.sum(),
                restCount.sum(), wsCount.sum());
    }

    /** Everything, for the admin endpoint. */
    public Map<String, Object> describe() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("counts", counts());
        all.put("acceptedOrders", acceptedOrders());
        all.put("fills", fills());
        return all;
    }
}
