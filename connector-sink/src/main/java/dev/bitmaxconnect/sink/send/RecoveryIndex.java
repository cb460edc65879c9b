package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.OrderItem;
import dev.bitmaxconnect.sink.result.ResultsReader.PlacedOrder;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What earlier tasks did, read when partitions are assigned. The orders the account already holds (open
 * orders and current history), indexed by the last 9 characters of their orderId (which come from the
 * client id): a re-delivered place command whose client id, symbol, side and quantity match one of them
 * was sent by a previous task and is not sent again. And the orders placed through the sink as the
 * results topic records them, by client id: a cancel by {@code origId} finds their orderId whatever their
 * age, where the exchange's history only reaches back {@code recovery.history.size} orders.
 */
public final class RecoveryIndex {

    /** As many placed orders as a task remembers of its own. */
    public static final int DEFAULT_PLACED_LIMIT = 100_000;

    private final String userUid;
    private final Map<String, OrderInfo> bySuffix = new ConcurrentHashMap<>();
    private final Map<String, PlacedOrder> placedByClientId;

    public RecoveryIndex(String userUid) {
        this(userUid, DEFAULT_PLACED_LIMIT);
    }

    /** @param placedLimit the most placed orders kept (the newest), from the results topic */
    public RecoveryIndex(String userUid, int placedLimit) {
        this.userUid = userUid;
        this.placedByClientId = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PlacedOrder> eldest) {
                return size() > placedLimit;
            }
        });
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

    /** An order placed through the sink, as its result record tells; for a client id used again, the newest wins. */
    public void addPlaced(PlacedOrder order) {
        // Only orders of this account: a results topic may be shared by connectors of several accounts
        if (order.clientId() != null && order.orderId() != null && order.orderId().contains(userUid)) {
            synchronized (placedByClientId) {
                placedByClientId.remove(order.clientId());
                placedByClientId.put(order.clientId(), order);
            }
        }
    }

    /**
     * The orderId of the order a previous task placed for this item of {@code command}: the one the command's
     * own result names (whatever the order's age), else one the exchange holds under the client id with the
     * same symbol, side and quantity.
     */
    public Optional<String> find(String clientId, OrderItem item, SinkRecord command) {
        PlacedOrder placed = placedByClientId.get(clientId);
        if (placed != null && isResultOf(placed, command)) {
            return Optional.of(placed.orderId());
        }
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
        return same ? Optional.ofNullable(o.orderId()) : Optional.empty();
    }

    /**
     * Whether the result is about this very record: same place in the same topic, and written after the record
     * was (a topic deleted and created again starts its offsets again, with later records).
     */
    private static boolean isResultOf(PlacedOrder placed, SinkRecord command) {
        return placed.topic().equals(command.topic()) && command.kafkaPartition() != null
                && placed.partition() == command.kafkaPartition() && placed.offset() == command.kafkaOffset()
                && (command.timestamp() == null || command.timestamp() <= placed.resultTime());
    }

    /**
     * The orderId of an order placed with {@code clientId}: the one its result record names, else the one the
     * exchange held at the last read.
     */
    public Optional<String> orderIdOf(String clientId) {
        PlacedOrder placed = placedByClientId.get(clientId);
        if (placed != null) {
            return Optional.of(placed.orderId());
        }
        if (!ClientIds.usable(clientId)) {
            return Optional.empty();
        }
        OrderInfo o = bySuffix.get(ClientIds.orderIdSuffix(clientId));
        return o == null ? Optional.empty() : Optional.ofNullable(o.orderId());
    }

    /** Orders the exchange held at the last read. */
    public int size() {
        return bySuffix.size();
    }

    /** Orders known from the results topic. */
    public int placedSize() {
        return placedByClientId.size();
    }
}
