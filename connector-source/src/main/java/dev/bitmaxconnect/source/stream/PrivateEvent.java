package dev.bitmaxconnect.source.stream;

import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.source.record.EmittedOrderStates;
import dev.bitmaxconnect.source.record.OrderProgress;
import dev.bitmaxconnect.source.record.PrivateDataMapper;

/**
 * One private event to emit: an order state (from the order channel or REST) or an account state (update or
 * snapshot).
 *
 * @param kind       order or account
 * @param id         the orderId for orders, the account id for account states
 * @param sn         the account sequence number {@code sn} of a stream event or snapshot; for an order state read
 *                   over REST its {@code seqNum}, which is not comparable with {@code sn}
 * @param state      for orders, what identifies the state in the order's life: status and cumulative filled
 *                   quantity (see {@link #orderState})
 * @param time       for orders, the exchange's last execution time of the state
 * @param fromStream whether the event came from the WebSocket (else from the REST recovery)
 * @param message    the client's message (stream message or REST order)
 * @param emission   for an order state on its way out, where the task remembers it emitted it; else {@code null}
 */
public record PrivateEvent(Kind kind, String id, long sn, String state, long time, boolean fromStream, Object message,
        EmittedOrderStates.Entry emission) {

    public PrivateEvent(Kind kind, String id, long sn, String state, long time, boolean fromStream, Object message) {
        this(kind, id, sn, state, time, fromStream, message, null);
    }

    /** An order state from the order channel, at its last execution time. */
    public static PrivateEvent order(StreamMessage.OrderReport report) {
        return new PrivateEvent(Kind.ORDER, report.orderId(), report.sn(), orderState(report.status(), report.cumFilledQty()),
                report.lastExecTime(), true, report);
    }

    /** An order state read over REST, at the time the order topic shows; without one, it counts as the newest. */
    public static PrivateEvent order(OrderInfo order) {
        Long time = PrivateDataMapper.lastExecTime(order);
        return new PrivateEvent(Kind.ORDER, order.orderId(), order.seqNum(), orderState(order.status(), order.cumFilledQty()),
                time == null ? Long.MAX_VALUE : time, false, order);
    }

    /** An account state, which needs no time or state key: its {@code sn} orders it. */
    public static PrivateEvent account(String accountId, long sn, boolean fromStream, Object message) {
        return new PrivateEvent(Kind.ACCOUNT, accountId, sn, null, 0L, fromStream, message);
    }

    PrivateEvent emittedAs(EmittedOrderStates.Entry entry) {
        return new PrivateEvent(kind, id, sn, state, time, fromStream, message, entry);
    }

    /** Which topic the event belongs to. */
    public enum Kind {
        ORDER,
        ACCOUNT
    }

    /** An order's state key: its status and cumulative filled quantity (see {@link OrderProgress}). */
    public static String orderState(Object status, java.math.BigDecimal cumFilledQty) {
        return OrderProgress.key(status, cumFilledQty);
    }
}
