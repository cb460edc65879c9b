package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.model.ExecInst;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.RespInst;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.model.TimeInForce;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.OrderItem;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.result.ResultStatus;
import dev.bitmaxconnect.sink.send.OrderExecutor.PlaceItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of placing one set of orders across its sends: which orders still wait, the outcome of the
 * others, the request time and every time used before, and whether a copy may have reached the exchange.
 * Each outcome an order can end with (accepted, duplicate, refused, failed) is decided here.
 */
final class Placement {

    private final List<PlaceItem> items;
    private final boolean viaWs;
    private final String userUid;
    private final Map<String, PlaceItem> pending = new LinkedHashMap<>();
    private final Map<String, ItemOutcome> done = new HashMap<>();
    // every request time used so far: a copy sent under any of them may have landed, so look-ups cover all
    private final List<Long> times = new ArrayList<>();
    private long time;
    private boolean ambiguous;
    private int attempts;

    Placement(List<PlaceItem> items, boolean viaWs, String userUid, long time) {
        this.items = items;
        this.viaWs = viaWs;
        this.userUid = userUid;
        this.time = time;
        times.add(time);
        for (PlaceItem i : items) {
            pending.put(i.clientId(), i);
        }
    }

    /** One order placed on its own (not in a batch request), over the WebSocket session when {@link #viaWs()}. */
    boolean single() {
        return items.size() == 1;
    }

    boolean viaWs() {
        return viaWs;
    }

    long time() {
        return time;
    }

    boolean ambiguous() {
        return ambiguous;
    }

    /** A copy of the request may have reached the exchange: from now on, look up before sending again. */
    void markAmbiguous(boolean mayHaveLanded) {
        ambiguous |= mayHaveLanded;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    int pendingCount() {
        return pending.size();
    }

    List<PlaceItem> pendingItems() {
        return new ArrayList<>(pending.values());
    }

    /** Counts a send and gives its requests: the waiting orders under the current time. */
    List<NewOrderRequest> nextRequests() {
        attempts++;
        List<NewOrderRequest> requests = new ArrayList<>();
        for (PlaceItem i : pending.values()) {
            requests.add(request(i, time));
        }
        return requests;
    }

    void addAttempts(int more) {
        attempts += more;
    }

    /** Moves to a new request time, and so to new orderIds. */
    void renewTime(long now) {
        time = now;
        times.add(now);
    }

    /** The orderId the exchange gives a REST order sent now, or null when it picks part of it at random. */
    String expectedOrderId(String clientId) {
        return expectedOrderId(time, clientId);
    }

    /** Every orderId a waiting order may have got under any time used, to its client id. */
    Map<String, String> expectedOrderIds() {
        Map<String, String> expected = new HashMap<>();
        for (String id : pending.keySet()) {
            if (ClientIds.usable(id)) {
                for (long t : times) {
                    expected.put(expectedOrderId(t, id), id);
                }
            }
        }
        return expected;
    }

    List<String> pendingClientIds() {
        return new ArrayList<>(pending.keySet());
    }

    void accept(String clientId, String orderId) {
        settle(clientId, ItemOutcome.accepted(clientId, orderId));
    }

    void settle(String clientId, ItemOutcome outcome) {
        pending.remove(clientId);
        done.put(clientId, outcome);
    }

    /** The waiting orders found at the exchange are duplicates, not sent again. */
    void takeDuplicates(Map<String, String> found) {
        for (Map.Entry<String, String> f : found.entrySet()) {
            if (pending.remove(f.getKey()) != null) {
                done.put(f.getKey(), new ItemOutcome(f.getKey(), f.getValue(), ResultStatus.DUPLICATE, null,
                        "ALREADY_AT_EXCHANGE", "found at the exchange after an ambiguous outcome; not sent again"));
            }
        }
    }

    /** The exchange's verdict on the waiting orders: refused. */
    void refuseAll(BitMaxApiException e) {
        for (String id : pendingClientIds()) {
            settle(id, ItemOutcome.refused(id, null, e));
        }
    }

    /**
     * After an ambiguous outcome, the orders whose orderId the exchange picked itself (a client id that is
     * not 9 to 32 letters and digits) cannot be looked up, and the exchange would take a second copy as a
     * new order: they are reported unknown rather than sent again.
     */
    void giveUpUnknowable(BitMaxException e) {
        for (String id : pendingClientIds()) {
            if (!ClientIds.usable(id)) {
                settle(id, ItemOutcome.failed(id, null, e, "OUTCOME_UNKNOWN",
                        "the request may have reached the exchange, which picks the orderId for client id \"" + id
                                + "\" (not 9 to 32 letters and digits), so it cannot be looked up and is not sent "
                                + "again; look for an order placed with client id \"" + id + "\": " + e.getMessage()));
            }
        }
    }

    /**
     * No retry left: the waiting orders failed. After an ambiguous outcome, {@code found} is the last look-up
     * (empty when the exchange could not be asked, leaving the outcome unknown).
     */
    void giveUp(BitMaxException e, int tries, Optional<Map<String, String>> found) {
        if (!ambiguous) {
            for (String id : pendingClientIds()) {
                settle(id, ItemOutcome.failed(id, null, e, "RETRIES_EXHAUSTED", e.getMessage()));
            }
            return;
        }
        found.ifPresent(this::takeDuplicates);
        for (String id : pendingClientIds()) {
            String where = !ClientIds.usable(id) ? "an order placed with client id \"" + id + "\""
                    : viaWs ? "an orderId ending in " + ClientIds.orderIdSuffix(id)
                    : "orderId " + expectedOrderId(id);
            settle(id, ItemOutcome.failed(id, found.isPresent() || viaWs ? null : expectedOrderId(id), e,
                    found.isPresent() ? "RETRIES_EXHAUSTED" : "OUTCOME_UNKNOWN",
                    found.isPresent() ? "not at the exchange after " + tries + " tries: " + e.getMessage()
                            : "the exchange could not be asked whether the order landed; look for "
                                    + where + ": " + e.getMessage()));
        }
    }

    /** One outcome per item, in the items' order. */
    List<ItemOutcome> outcomes() {
        List<ItemOutcome> out = new ArrayList<>();
        for (PlaceItem i : items) {
            out.add(done.get(i.clientId()));
        }
        return out;
    }

    int attempts() {
        return attempts;
    }

    private String expectedOrderId(long requestTime, String clientId) {
        return ClientIds.usable(clientId) ? ClientIds.restOrderId(requestTime, userUid, clientId) : null;
    }

    private static NewOrderRequest request(PlaceItem i, long time) {
        OrderItem o = i.order();
        return new NewOrderRequest(i.clientId(), time, o.symbol(), o.price(), o.orderQty(),
                OrderType.of(o.orderType()), Side.of(o.side()),
                o.respInst() == null ? null : RespInst.of(o.respInst()), o.postOnly(), o.stopPrice(),
                o.timeInForce() == null ? null : TimeInForce.of(o.timeInForce()),
                o.execInst() == null ? null : ExecInst.of(o.execInst()), o.posStopLossPrice(),
                o.posTakeProfitPrice());
    }
}
