package dev.bitmaxconnect.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.simulator.Faults;
import dev.bitmaxconnect.simulator.engine.Account;
import dev.bitmaxconnect.simulator.engine.ErrorCode;
import dev.bitmaxconnect.simulator.engine.Exchange;
import dev.bitmaxconnect.simulator.engine.ExchangeException;
import dev.bitmaxconnect.simulator.engine.OrderRequest;
import dev.bitmaxconnect.simulator.engine.OrderRequestParser;
import dev.bitmaxconnect.simulator.engine.OrderView;
import dev.bitmaxconnect.simulator.engine.RequestFields;
import dev.bitmaxconnect.simulator.engine.RespInst;
import dev.bitmaxconnect.simulator.json.JsonFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The REST order endpoints: place, cancel, batches, open orders, current history and status. */
final class OrderEndpoints {

    private static final int MAX_BATCH = 10;

    private final Exchange exchange;
    private final Faults.Effects faults;
    private final RestBodies bodies;

    OrderEndpoints(Exchange exchange, Faults.Effects faults, RestBodies bodies) {
        this.exchange = exchange;
        this.faults = faults;
        this.bodies = bodies;
    }

    ObjectNode place(RestCall call) throws Exception {
        Account account = call.account;
        OrderRequest request = exchange.parseOrder(JsonFields.ofObject(call.body()), account, 'a', null, call.now);
        exchange.checkPlaceable(account, request);
        boolean drop = faults.takeApplyThenDrop();
        Exchange.Placement placement = exchange.place(account, request, "REST", call.now);
        if (drop) {
            throw new RestHandler.DropConnection();
        }
        OrderView view = switch (request.respInst()) {
            case ACK -> placement.accepted().withSeqNum(-1);
            case ACCEPT -> placement.accepted();
            case DONE -> placement.done();
        };
        return bodies.orderResult("place-order", request.clientId(), request.respInst(), view);
    }

    ObjectNode cancel(RestCall call) throws ExchangeException, IOException {
        RequestFields body = call.fields();
        String clientId = clientId(body);
        OrderRequestParser.requestTime(body, call.now);
        RespInst respInst = RespInst.parse(body.text("respInst"));
        if (respInst == null) {
            throw new ExchangeException(ErrorCode.INVALID_REQUEST_DATA,
                    "Invalid respInst: '" + body.text("respInst") + "' (ACK, ACCEPT or DONE)");
        }
        String symbol = body.text("symbol");
        exchange.contract(symbol);
        OrderView view = exchange.cancel(call.account, body.text("orderId"), symbol, call.now);
        return bodies.orderResult("cancel-order", clientId, respInst,
                respInst == RespInst.ACK ? view.withSeqNum(-1) : view);
    }

    ObjectNode placeBatch(RestCall call) throws Exception {
        Account account = call.account;
        List<JsonNode> items = batchItems(call.body());
        List<OrderRequest> requests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                OrderRequest request = exchange.parseOrder(JsonFields.ofObject(items.get(i)), account, 'a', null,
                        call.now);
                if (!ids.add(request.orderId())) {
                    throw Exchange.duplicate(request.orderId());
                }
                exchange.checkPlaceable(account, request);
                requests.add(request);
            } catch (ExchangeException e) {
                throw inBatch(i, e);
            }
        }
        boolean drop = faults.takeApplyThenDrop();
        List<ObjectNode> results = new ArrayList<>();
        RespInst respInst = requests.get(0).respInst();
        for (OrderRequest request : requests) {
            Exchange.Placement placement = exchange.place(account, request, "REST", call.now);
            results.add(bodies.batchItem(request.clientId(), placement.order().orderId(), request.type().wire(),
                    request.contract().symbol(), call.now));
        }
        if (drop) {
            throw new RestHandler.DropConnection();
        }
        return bodies.batchResult("batch-place-order", respInst, results);
    }

    ObjectNode cancelBatch(RestCall call) throws ExchangeException, IOException {
        Account account = call.account;
        List<RequestFields> items = new ArrayList<>();
        for (JsonNode item : batchItems(call.body())) {
            items.add(JsonFields.of(item));
        }
        for (int i = 0; i < items.size(); i++) {
            RequestFields item = items.get(i);
            try {
                clientId(item);
                OrderRequestParser.requestTime(item, call.now);
                exchange.contract(item.text("symbol"));
                String orderId = item.text("orderId");
                if (orderId == null || exchange.orderView(account, orderId) == null) {
                    throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "Order not found: " + orderId);
                }
            } catch (ExchangeException e) {
                throw inBatch(i, e);
            }
        }
        List<ObjectNode> results = new ArrayList<>();
        for (RequestFields item : items) {
            String orderId = item.text("orderId");
            try {
                exchange.cancel(account, orderId, item.text("symbol"), call.now);
            } catch (ExchangeException e) {
                // already closed between the check and the cancel: the batch answer still lists it
            }
            results.add(bodies.batchItem(clientId(item), orderId, "", item.text("symbol"),
                    System.currentTimeMillis()));
        }
        return bodies.batchResult("batch-cancel-order", RespInst.ACK, results);
    }

    ObjectNode cancelAll(RestCall call) throws ExchangeException, IOException {
        String symbol = call.fields().text("symbol");
        if (symbol == null) {
            symbol = call.query.getValue("symbol");
        }
        exchange.cancelAll(call.account, symbol, call.now);
        return bodies.ok();
    }

    ObjectNode open(RestCall call) throws ExchangeException, IOException {
        String symbol = call.query.getValue("symbol");
        if (symbol == null && call.method.equals("POST")) {
            symbol = call.fields().text("symbol");
        }
        checkSymbol(symbol);
        return bodies.orderList(exchange.openOrders(call.account, symbol), false);
    }

    ObjectNode history(RestCall call) throws ExchangeException {
        String symbol = call.query.getValue("symbol");
        checkSymbol(symbol);
        int n = positiveInt(call.query.getValue("n"), 100, "n");
        boolean executedOnly = Boolean.parseBoolean(call.query.getValue("executedOnly"));
        return bodies.orderList(exchange.recentOrders(call.account, symbol, Math.min(n, 1000), executedOnly), true);
    }

    ObjectNode status(RestCall call) throws ExchangeException {
        Account account = call.account;
        String orderIds = call.query.getValue("orderId");
        if (orderIds == null || orderIds.isBlank()) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "orderId is required");
        }
        boolean asList = orderIds.contains(",");
        List<OrderView> views = new ArrayList<>();
        for (String id : orderIds.split(",")) {
            String orderId = id.trim();
            if (orderId.isEmpty()) {
                continue;
            }
            OrderView view = exchange.orderView(account, orderId);
            if (view == null) {
                if (!asList) {
                    throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "Order not found: " + orderId);
                }
                continue;
            }
            views.add(view);
        }
        ObjectNode body = bodies.ok();
        body.put("accountId", account.id()).put("ac", "FUTURES");
        if (asList) {
            ArrayNode data = body.putArray("data");
            for (OrderView view : views) {
                data.add(bodies.order(view, true));
            }
        } else {
            body.set("data", bodies.order(views.get(0), true));
        }
        return body;
    }

    /** The request's client {@code id} ("" when none), refused when malformed. */
    private static String clientId(RequestFields fields) throws ExchangeException {
        String clientId = fields.text("id");
        clientId = clientId == null ? "" : clientId;
        OrderRequestParser.checkClientId(clientId);
        return clientId;
    }

    private void checkSymbol(String symbol) throws ExchangeException {
        if (symbol != null && !symbol.isEmpty()) {
            exchange.contract(symbol);
        }
    }

    private static ExchangeException inBatch(int index, ExchangeException e) {
        return new ExchangeException(e.error(), "orders[" + index + "]: " + e.getMessage()
                + " (the whole batch is refused)");
    }

    private static List<JsonNode> batchItems(JsonNode body) throws ExchangeException {
        JsonNode orders = body.get("orders");
        if (orders == null || !orders.isArray() || orders.isEmpty()) {
            throw new ExchangeException(ErrorCode.INVALID_BATCH_ORDER, "orders must be a non-empty list");
        }
        if (orders.size() > MAX_BATCH) {
            throw new ExchangeException(ErrorCode.INVALID_BATCH_ORDER,
                    "Too many orders in a batch: " + orders.size() + " (at most " + MAX_BATCH + ")");
        }
        List<JsonNode> items = new ArrayList<>();
        orders.forEach(items::add);
        return items;
    }

    private static int positiveInt(String value, int fallback, String name) throws ExchangeException {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT, "Invalid " + name + ": '" + value
                    + "' (a positive integer)");
        }
    }
}
