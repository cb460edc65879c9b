package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.model.HistoryOrdersQuery;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.OrderStatus;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the exchange where orders are: by orderId, else among the open orders and the current history
 * (the only place an order is found by the client id's characters, which end every orderId of this user).
 * Every look-up counts as a request in the metrics.
 */
final class OrderLookUp {

    private final BitMaxRestClient rest;
    private final SinkMetrics metrics;
    private final String userUid;
    private final int historySize;

    OrderLookUp(BitMaxRestClient rest, SinkMetrics metrics, String userUid, int historySize) {
        this.rest = rest;
        this.metrics = metrics;
        this.userUid = userUid;
        this.historySize = historySize;
    }

    /**
     * Client id to orderId of the orders the exchange holds among {@code expected} (orderId to client id),
     * or empty when the exchange could not be asked.
     */
    Optional<Map<String, String>> byOrderIds(Map<String, String> expected) {
        if (expected.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, String> found = new HashMap<>();
        try {
            metrics.request(0);
            for (OrderInfo o : rest.queryOrders(new ArrayList<>(expected.keySet()))) {
                if (o != null && o.orderId() != null && expected.containsKey(o.orderId())) {
                    found.put(expected.get(o.orderId()), o.orderId());
                }
            }
            return Optional.of(found);
        } catch (BitMaxApiException e) {
            if (e.isRetriable()) {
                return Optional.empty();
            }
            // Some exchanges answer "not found" for the whole query: read the open orders and history instead.
        } catch (BitMaxTransportException e) {
            return Optional.empty();
        }
        try {
            for (OrderInfo o : openAndCurrentHistory()) {
                if (o.orderId() != null && expected.containsKey(o.orderId())) {
                    found.put(expected.get(o.orderId()), o.orderId());
                }
            }
            return Optional.of(found);
        } catch (BitMaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Client id to orderId of the orders among the open orders and current history whose orderId ends in
     * a client id's characters, or empty when the exchange could not be asked. Only usable client ids can
     * be found this way.
     */
    Optional<Map<String, String>> byClientIds(Collection<String> clientIds) {
        Map<String, String> bySuffix = new HashMap<>();
        for (String id : clientIds) {
            if (ClientIds.usable(id)) {
                bySuffix.put(ClientIds.orderIdSuffix(id), id);
            }
        }
        if (bySuffix.isEmpty()) {
            return Optional.of(Map.of());
        }
        try {
            Map<String, String> found = new HashMap<>();
            for (OrderInfo o : openAndCurrentHistory()) {
                String id = o.orderId();
                if (id != null && id.length() > 9 && id.contains(userUid)) {
                    String client = bySuffix.get(id.substring(id.length() - 9));
                    if (client != null) {
                        found.put(client, id);
                    }
                }
            }
            return Optional.of(found);
        } catch (BitMaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The orderId of the first open or recent order placed with the usable {@code clientId}.
     *
     * @throws BitMaxException when the exchange could not be asked
     */
    Optional<String> byClientId(String clientId) {
        String suffix = ClientIds.orderIdSuffix(clientId);
        return openAndCurrentHistory().stream().map(OrderInfo::orderId)
                .filter(id -> id != null && id.endsWith(suffix) && id.contains(userUid)).findFirst();
    }

    /** Whether the order is known to be canceled; false when it is not, or the exchange could not tell. */
    boolean isCanceled(String orderId) {
        try {
            metrics.request(0);
            OrderInfo o = rest.queryOrder(orderId);
            return o != null && o.status() != null && o.status().is(OrderStatus.Known.CANCELED);
        } catch (BitMaxException e) {
            return false;
        }
    }

    private List<OrderInfo> openAndCurrentHistory() {
        metrics.request(0);
        List<OrderInfo> seen = new ArrayList<>(rest.openOrders());
        metrics.request(0);
        seen.addAll(rest.currentHistoryOrders(new HistoryOrdersQuery(null, historySize, null)));
        return seen;
    }
}
