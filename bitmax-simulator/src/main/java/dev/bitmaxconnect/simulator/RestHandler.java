package dev.bitmaxconnect.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The exchange's REST API: public endpoints, account info, and the private futures endpoints of one group. */
final class RestHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
    private static final Pattern PRIVATE_PATH = Pattern.compile("^/(\\d+)/api/pro/(v2/futures/[\\w/\\-]+)$");
    private static final String PUBLIC_PREFIX = "/api/pro/v2/futures/";
    private static final int MAX_BATCH = 10;

    /** Signals that the response is to be lost: the connection is dropped instead. */
    private static final class DropConnection extends Exception {
        DropConnection() {
            super(null, null, false, false);
        }
    }

    private final Exchange exchange;
    private final Faults faults;
    private final GroundTruth truth;
    private final Authenticator authenticator;
    private final AdminHandler admin;
    private final ObjectMapper json;
    private final RestBodies bodies;

    RestHandler(Exchange exchange, Faults faults, GroundTruth truth, Authenticator authenticator, AdminHandler admin,
                ObjectMapper json) {
        this.exchange = exchange;
        this.faults = faults;
        this.truth = truth;
        this.authenticator = authenticator;
        this.admin = admin;
        this.json = json;
        this.bodies = new RestBodies(json, exchange);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.startsWith(SimulatorDefaults.ADMIN_PREFIX + "/") || path.equals(SimulatorDefaults.ADMIN_PREFIX)) {
            return admin.handle(path, request, response, callback);
        }
        truth.recordRestRequest();
        // Read the whole body before any answer: a response written over unread content makes Jetty close the
        // connection, and a client reusing it would fail on its next request.
        String bodyText = Content.Source.asString(request, StandardCharsets.UTF_8);
        faults.sleepForDelay();
        Faults.RestFailure failure = faults.takeRestFailure();
        if (failure != null) {
            write(response, callback, failure.httpStatus(), bodies.error(failure.bitmaxCode(),
                    ErrorCode.reasonOf(failure.bitmaxCode()), "Simulated failure (fault switch)"));
            return true;
        }
        String hostile = faults.takeHostileRestBody();
        if (hostile != null) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(hostile.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        ObjectNode body;
        int status = 200;
        try {
            body = route(path, request, bodyText);
            if (body == null) {
                status = 404;
                body = bodies.error(ErrorCode.INVALID_HTTP_INPUT.code, "INVALID_HTTP_INPUT",
                        "No endpoint " + request.getMethod() + " " + path);
            }
        } catch (ExchangeException e) {
            truth.recordRejected();
            body = bodies.error(e.code(), e.reason(), e.getMessage());
        } catch (JsonProcessingException e) {
            truth.recordRejected();
            body = bodies.error(ErrorCode.INVALID_JSON_FORMAT.code, "INVALID_JSON_FORMAT",
                    "Request body is not valid JSON: " + e.getOriginalMessage());
        } catch (DropConnection e) {
            LOG.info("Fault: order applied, connection dropped before the response of {} {}", request.getMethod(), path);
            // the endpoint is closed first, so completing the callback writes nothing
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.succeeded();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Request {} {} failed: {}", request.getMethod(), path, e.toString(), e);
            status = 500;
            body = bodies.error(ErrorCode.SERVER_ERROR.code, "SERVER_ERROR", "Internal error: " + e);
        }
        write(response, callback, status, body);
        return true;
    }

    private void write(Response response, Callback callback, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private ObjectNode route(String path, Request request, String bodyText) throws Exception {
        String method = request.getMethod();
        long now = System.currentTimeMillis();
        if (path.startsWith(PUBLIC_PREFIX) && method.equals("GET")) {
            switch (path.substring(PUBLIC_PREFIX.length())) {
                case "contract":
                    return bodies.contracts();
                case "collateral":
                    return bodies.collaterals();
                case "pricing-data":
                    return bodies.pricingData();
                default:
                    return null;
            }
        }
        if (path.equals("/api/pro/v2/account/info") && method.equals("GET")) {
            Account account = authenticate(request, "v2/account/info", now);
            return bodies.accountInfo(account);
        }
        Matcher matcher = PRIVATE_PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        String apiPath = matcher.group(2);
        String endpoint = method + " " + apiPath.substring("v2/futures/".length());
        if (!KNOWN.contains(endpoint)) {
            return null;
        }
        Account account = authenticate(request, apiPath, now);
        int group = Integer.parseInt(matcher.group(1));
        if (group != account.spec.accountGroup()) {
            throw new ExchangeException(ErrorCode.ACCOUNT_NOT_FOUND, "Account group " + group
                    + " in the path is not the API key's account group " + account.spec.accountGroup());
        }
        Fields query = Request.extractQueryParameters(request);
        switch (endpoint) {
            case "GET position":
                require(account.spec.viewPermission(), "view");
                synchronized (account) {
                    return bodies.position(account);
                }
            case "GET free-margin":
                require(account.spec.viewPermission(), "view");
                synchronized (account) {
                    return bodies.freeMargin(account);
                }
            case "POST isolated-position-margin": {
                require(account.spec.tradePermission(), "trade");
                JsonNode body = body(bodyText);
                exchange.changeIsolatedMargin(account, text(body, "symbol"), decimal(body, "amount"), now);
                return bodies.ok();
            }
            case "POST margin-type": {
                require(account.spec.tradePermission(), "trade");
                JsonNode body = body(bodyText);
                exchange.changeMarginType(account, text(body, "symbol"), text(body, "marginType"), now);
                return bodies.ok();
            }
            case "POST leverage": {
                require(account.spec.tradePermission(), "trade");
                JsonNode body = body(bodyText);
                Contract contract = exchange.contract(text(body, "symbol"));
                int leverage = leverage(body);
                exchange.changeLeverage(account, contract.symbol, leverage, now);
                ObjectNode result = bodies.ok();
                result.putObject("data").put("leverage", leverage).put("symbol", contract.symbol);
                return result;
            }
            case "POST transfer/deposit": {
                require(account.spec.transferPermission(), "transfer");
                JsonNode body = body(bodyText);
                exchange.deposit(account, text(body, "asset"), decimal(body, "amount"), now);
                return bodies.ok();
            }
            case "POST transfer/withdraw": {
                require(account.spec.transferPermission(), "transfer");
                JsonNode body = body(bodyText);
                exchange.withdraw(account, text(body, "asset"), decimal(body, "amount"), now);
                return bodies.ok();
            }
            case "POST order":
                require(account.spec.tradePermission(), "trade");
                return placeOrder(account, body(bodyText), now);
            case "DELETE order":
                require(account.spec.tradePermission(), "trade");
                return cancelOrder(account, body(bodyText), now);
            case "POST order/batch":
                require(account.spec.tradePermission(), "trade");
                return placeBatch(account, body(bodyText), now);
            case "DELETE order/batch":
                require(account.spec.tradePermission(), "trade");
                return cancelBatch(account, body(bodyText), now);
            case "DELETE order/all": {
                require(account.spec.tradePermission(), "trade");
                JsonNode body = body(bodyText);
                String symbol = text(body, "symbol");
                if (symbol == null) {
                    symbol = query.getValue("symbol");
                }
                exchange.cancelAll(account, symbol, now);
                return bodies.ok();
            }
            case "GET order/open":
            case "POST order/open": {
                require(account.spec.viewPermission(), "view");
                String symbol = query.getValue("symbol");
                if (symbol == null && method.equals("POST")) {
                    symbol = text(body(bodyText), "symbol");
                }
                if (symbol != null && !symbol.isEmpty()) {
                    exchange.contract(symbol);
                }
                return bodies.orderList(exchange.openOrders(account, symbol), false);
            }
            case "GET order/hist/current": {
                require(account.spec.viewPermission(), "view");
                String symbol = query.getValue("symbol");
                if (symbol != null && !symbol.isEmpty()) {
                    exchange.contract(symbol);
                }
                int n = intParam(query.getValue("n"), 100, "n");
                boolean executedOnly = Boolean.parseBoolean(query.getValue("executedOnly"));
                return bodies.orderList(exchange.recentOrders(account, symbol, Math.min(n, 1000), executedOnly), true);
            }
            case "GET order/status":
                require(account.spec.viewPermission(), "view");
                return orderStatus(account, query.getValue("orderId"));
            default:
                return null;
        }
    }

    private static final Set<String> KNOWN = Set.of("GET position", "GET free-margin",
            "POST isolated-position-margin", "POST margin-type", "POST leverage", "POST transfer/deposit",
            "POST transfer/withdraw", "POST order", "DELETE order", "POST order/batch", "DELETE order/batch",
            "DELETE order/all", "GET order/open", "POST order/open", "GET order/hist/current", "GET order/status");

    private ObjectNode placeOrder(Account account, JsonNode body, long now) throws Exception {
        OrderRequest request = exchange.parser.parse(body, account.spec.userUid(), 'a', null, now);
        exchange.checkPlaceable(account, request);
        boolean drop = faults.takeApplyThenDrop();
        Exchange.Placement placement = exchange.place(account, request, "REST", now);
        if (drop) {
            throw new DropConnection();
        }
        OrderView view = switch (request.respInst()) {
            case ACK -> placement.accepted().withSeqNum(-1);
            case ACCEPT -> placement.accepted();
            case DONE -> placement.done();
        };
        return bodies.orderResult("place-order", request.clientId(), request.respInst(), view);
    }

    private ObjectNode cancelOrder(Account account, JsonNode body, long now) throws ExchangeException {
        String clientId = text(body, "id");
        OrderRequestParser.checkClientId(clientId == null ? "" : clientId);
        OrderRequestParser.requestTime(body, now);
        RespInst respInst = RespInst.parse(text(body, "respInst"));
        if (respInst == null) {
            throw new ExchangeException(ErrorCode.INVALID_REQUEST_DATA,
                    "Invalid respInst: '" + text(body, "respInst") + "' (ACK, ACCEPT or DONE)");
        }
        String symbol = text(body, "symbol");
        exchange.contract(symbol);
        OrderView view = exchange.cancel(account, text(body, "orderId"), symbol, now);
        return bodies.orderResult("cancel-order", clientId == null ? "" : clientId, respInst,
                respInst == RespInst.ACK ? view.withSeqNum(-1) : view);
    }

    private ObjectNode placeBatch(Account account, JsonNode body, long now) throws Exception {
        List<JsonNode> items = batchItems(body);
        List<OrderRequest> requests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                OrderRequest request = exchange.parser.parse(items.get(i), account.spec.userUid(), 'a', null, now);
                if (!ids.add(request.orderId())) {
                    throw Exchange.duplicate(request.orderId());
                }
                exchange.checkPlaceable(account, request);
                requests.add(request);
            } catch (ExchangeException e) {
                throw new ExchangeException(e.error, "orders[" + i + "]: " + e.getMessage()
                        + " (the whole batch is refused)");
            }
        }
        boolean drop = faults.takeApplyThenDrop();
        List<ObjectNode> results = new ArrayList<>();
        RespInst respInst = requests.get(0).respInst();
        for (OrderRequest request : requests) {
            Exchange.Placement placement = exchange.place(account, request, "REST", now);
            results.add(bodies.batchItem(request.clientId(), placement.order().orderId, request.type().wire,
                    request.contract().symbol, now));
        }
        if (drop) {
            throw new DropConnection();
        }
        return bodies.batchResult("batch-place-order", respInst, results);
    }

    private ObjectNode cancelBatch(Account account, JsonNode body, long now) throws ExchangeException {
        List<JsonNode> items = batchItems(body);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                String clientId = text(item, "id");
                OrderRequestParser.checkClientId(clientId == null ? "" : clientId);
                OrderRequestParser.requestTime(item, now);
                exchange.contract(text(item, "symbol"));
                String orderId = text(item, "orderId");
                Order order = orderId == null ? null : exchange.order(orderId);
                if (order == null || order.account != account) {
                    throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "Order not found: " + orderId);
                }
            } catch (ExchangeException e) {
                throw new ExchangeException(e.error, "orders[" + i + "]: " + e.getMessage()
                        + " (the whole batch is refused)");
            }
        }
        List<ObjectNode> results = new ArrayList<>();
        for (JsonNode item : items) {
            String orderId = text(item, "orderId");
            try {
                exchange.cancel(account, orderId, text(item, "symbol"), now);
            } catch (ExchangeException e) {
                // already closed between the check and the cancel: the batch answer still lists it
            }
            String clientId = text(item, "id");
            results.add(bodies.batchItem(clientId == null ? "" : clientId, orderId, "", text(item, "symbol"),
                    System.currentTimeMillis()));
        }
        return bodies.batchResult("batch-cancel-order", RespInst.ACK, results);
    }

    private ObjectNode orderStatus(Account account, String orderIds) throws ExchangeException {
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
            Order order = exchange.order(orderId);
            if (order == null || order.account != account) {
                if (!asList) {
                    throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "Order not found: " + orderId);
                }
                continue;
            }
            views.add(exchange.engine(order.contract.symbol).view(order, order.seqNum));
        }
        ObjectNode body = bodies.ok();
        body.put("accountId", account.id()).put("ac", "FUTURES");
        if (asList) {
            var data = body.putArray("data");
            for (OrderView view : views) {
                data.add(bodies.order(view, true));
            }
        } else {
            body.set("data", bodies.order(views.get(0), true));
        }
        return body;
    }

    private List<JsonNode> batchItems(JsonNode body) throws ExchangeException {
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

    private Account authenticate(Request request, String apiPath, long now) throws ExchangeException {
        var headers = request.getHeaders();
        return authenticator.authenticate(headers.get("x-auth-key"), headers.get("x-auth-timestamp"),
                headers.get("x-auth-signature"), apiPath, now);
    }

    private static void require(boolean permission, String name) throws ExchangeException {
        if (!permission) {
            throw new ExchangeException(ErrorCode.PERMISSION_DENIED, "The API key has no " + name + " permission");
        }
    }

    private JsonNode body(String text) throws IOException {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        JsonNode node = json.readTree(text);
        return node == null ? NullNode.getInstance() : node;
    }

    private static String text(JsonNode node, String field) {
        return OrderRequestParser.text(node, field);
    }

    private static BigDecimal decimal(JsonNode node, String field) throws ExchangeException {
        return OrderRequestParser.decimal(node, field, ErrorCode.INVALID_ARGUMENT);
    }

    private static int leverage(JsonNode body) throws ExchangeException {
        JsonNode value = body.get("leverage");
        if (value == null || value.isNull()) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT, "leverage is required");
        }
        String text = value.asText().trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid leverage: '" + text + "' (an integer from 1 to 100)");
        }
    }

    private static int intParam(String value, int fallback, String name) throws ExchangeException {
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
