package dev.bitmaxconnect.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** What really happened at the exchange: every accepted order, every fill of a client account, and counts. */
public final class GroundTruth {

    /** Counts since start. */
    public record Counts(long acceptedOrders, long fills, long canceledOrders, long rejectedRequests,
                         long restRequests, long wsRequests) {
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

    GroundTruth() {
    }

    void recordAccepted(AcceptedOrder order) {
        accepted.add(order);
        byOrderId.put(order.orderId(), order);
        acceptedCount.increment();
    }

    void recordFill(Fill fill) {
        fills.add(fill);
        fillCount.increment();
    }

    void recordCanceled() {
        canceledCount.increment();
    }

    void recordRejected() {
        rejectedCount.increment();
    }

    void recordRestRequest() {
        restCount.increment();
    }

    void recordWsRequest() {
        wsCount.increment();
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

    public Counts counts() {
        return new Counts(acceptedCount.sum(), fillCount.sum(), canceledCount.sum(), rejectedCount.sum(),
                restCount.sum(), wsCount.sum());
    }

    /** Everything, for the admin endpoint. */
    Map<String, Object> describe() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("counts", counts());
        all.put("acceptedOrders", acceptedOrders());
        all.put("fills", fills());
        return all;
    }
}
