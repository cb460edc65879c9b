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

    /** Where the simulator's engine and servers record what happens; only the simulator holds one. */
    public interface Recorder {
        void accepted(AcceptedOrder order);

        void filled(Fill fill);

        void canceled();

        /** A request refused with an error code. */
        void rejected();

        void restRequest();

        void wsRequest();
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
    };

    GroundTruth() {
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
