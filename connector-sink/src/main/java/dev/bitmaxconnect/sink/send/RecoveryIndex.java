package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.OrderItem;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The orders the account already holds (open orders and current history), read when partitions are
 * assigned, indexed by the last 9 characters of their orderId (which come from the client id). A
 * re-delivered place command whose client id, symbol, side and quantity match one of them was sent
 * by a previous task and is not sent again.
 */
public final class RecoveryIndex {

    private final String userUid;
    private final Map<String, OrderInfo> bySuffix = new ConcurrentHashMap<>();

    public RecoveryIndex(String userUid) {
        this.userUid = userUid;
    }

    public void addAll(Collection<OrderInfo> orders) {
        for (OrderInfo o : orders) {
            String id = o.orderId();
            // Only orders of this account whose id ends in a client id's characters
            if (id != null && id.length() > 9 && id.contains(userUid)) {
                bySuffix.put(id.substring(id.length() - 9), o);
            }
        }
    }

    /** The order a previous task placed for this item, if the exchange holds one. */
    public Optional<OrderInfo> find(String clientId, OrderItem item) {
        if (!ClientIds.usable(clientId)) {
            return Optional.empty();
        }
        OrderInfo o = bySuffix.get(ClientIds.orderIdSuffix(clientId));
        if (o == null) {
            return Optional.empty();
        }
        boolean same = item.symbol().equals(o.symbol())
                && (o.side() == null || o.side().wire().equals(item.side()))
                && (o.orderQty() == null || o.orderQty().compareTo(item.orderQty()) == 0);
        return same ? Optional.of(o) : Optional.empty();
    }

    /** The orderId of an order placed with {@code clientId}, if the exchange held it at the last read. */
    public Optional<String> orderIdOf(String clientId) {
        if (!ClientIds.usable(clientId)) {
            return Optional.empty();
        }
        OrderInfo o = bySuffix.get(ClientIds.orderIdSuffix(clientId));
        return o == null ? Optional.empty() : Optional.ofNullable(o.orderId());
    }

    public int size() {
        return bySuffix.size();
    }
}
