package dev.bitmaxconnect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The WebSocket protocol: authentication, keep-alive, subscriptions and the request actions. */
final class StreamService {

    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);
    private static final Pattern STREAM_PATH = Pattern.compile("^(?:/(\\d+))?/api/pro/v2/stream$");
    static final String PRICING = "futures-pricing-data";
    static final String ORDERS = "futures-order";
    static final String ACCOUNT = "futures-account-update";
    /** Health points of a fresh session; each unanswered server ping takes one, none left means disconnect. */
    private static final int FULL_HEALTH = 2;

    private final Exchange exchange;
    private final Faults faults;
    private final GroundTruth truth;
    private final Authenticator authenticator;
    private final String signedPath;
    private final long pingIntervalNanos;
    private final LongAdder missedPingDisconnects = new LongAdder();
    private final boolean compression;
    private final ObjectMapper json;
    private final StreamHub hub;

    StreamService(Exchange exchange, Faults faults, GroundTruth truth, Authenticator authenticator, String signedPath,
                  Duration pingInterval, boolean compression, ObjectMapper json) {
        this.exchange = exchange;
        this.faults = faults;
        this.truth = truth;
        this.authenticator = authenticator;
        this.signedPath = signedPath;
        this.pingIntervalNanos = pingInterval.toNanos();
        this.compression = compression;
        this.json = json;
        this.hub = exchange.hub;
    }

    /** Creates a session for each upgrade; refuses the upgrade when auth headers are present but wrong. */
    WebSocketCreator creator() {
        return (request, response, callback) -> {
            faults.sleepForDelay(); // the upgrade is an answer too
            Matcher matcher = STREAM_PATH.matcher(org.eclipse.jetty.server.Request.getPathInContext(request));
            Integer group = matcher.matches() && matcher.group(1) != null ? Integer.valueOf(matcher.group(1)) : null;
            var headers = request.getHeaders();
            String key = headers.get("x-auth-key");
            Account account = null;
            if (key != null) {
                try {
                    account = authenticator.authenticate(key, headers.get("x-auth-timestamp"),
                            headers.get("x-auth-signature"), signedPath, System.currentTimeMillis());
                    if (group != null && group != account.spec.accountGroup()) {
                        throw new ExchangeException(ErrorCode.ACCOUNT_NOT_FOUND, "Account group " + group
                                + " in the path is not the API key's account group " + account.spec.accountGroup());
                    }
                } catch (ExchangeException e) {
                    LOG.info("WebSocket upgrade refused: {}", e.getMessage());
                    Response.writeError(request, response, callback, 401, e.code() + " " + e.getMessage());
                    return null;
                }
            }
            if (!compression) {
                response.setExtensions(List.of());
            }
            return new StreamSession(this, group, account);
        };
    }

    void opened(StreamSession session) {
        hub.sessions.add(session);
        Account account = session.account;
        session.send(account != null ? "{\"m\":\"connected\",\"type\":\"auth\"}" : "{\"m\":\"connected\",\"type\":\"unauth\"}");
    }

    void closed(StreamSession session) {
        hub.removeSession(session);
        Account account = session.account;
        if (account != null) {
            account.orderSubscribers.remove(session);
            account.accountSubscribers.remove(session);
        }
    }

    /** Sends {@code frame} {@code count} times to every open session (a fault switch); returns the sessions reached. */
    int sendRaw(String frame, int count) {
        List<StreamSession> sessions = new ArrayList<>(hub.sessions);
        LOG.info("Fault: sending {} raw frame(s) of {} characters to {} WebSocket connections", count, frame.length(),
                sessions.size());
        for (StreamSession session : sessions) {
            for (int i = 0; i < count; i++) {
                session.send(frame);
            }
        }
        return sessions.size();
    }

    void dropAll() {
        List<StreamSession> sessions = new ArrayList<>(hub.sessions);
        LOG.info("Fault: dropping {} WebSocket connections", sessions.size());
        for (StreamSession session : sessions) {
            session.disconnect();
        }
    }

    /** Sessions disconnected so far because they left two server pings unanswered. */
    long disconnectedForMissedPings() {
        return missedPingDisconnects.sum();
    }

    boolean clientFramesLost() {
        return faults.clientFramesLost();
    }

    /** Sends server pings to quiet sessions and disconnects those that missed two. */
    void checkPings() {
        if (faults.pingsIgnored()) {
            return;
        }
        long now = System.nanoTime();
        for (StreamSession session : hub.sessions) {
            long quietFor = now - session.lastClientMessageNanos;
            int missed = session.missedPings.get();
            if (quietFor < pingIntervalNanos * (missed + 1)) {
                continue;
            }
            if (missed >= FULL_HEALTH) {
                session.send("{\"m\":\"disconnected\",\"code\":100005,\"reason\":\"INVALID_WS_REQUEST_DATA\","
                        + "\"info\":\"Session is disconnected due to missing pong message from the client\"}");
                session.close(1000, "missing pong");
                closed(session);
                missedPingDisconnects.increment();
            } else {
                session.missedPings.incrementAndGet();
                session.send("{\"m\":\"ping\",\"hp\":" + (FULL_HEALTH - missed) + "}");
            }
        }
    }

    void received(StreamSession session, String text) {
        truth.recordWsRequest();
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (Exception e) {
            session.send(StreamMessages.error("", ErrorCode.INVALID_WS_REQUEST_DATA.code, "INVALID_WS_REQUEST_DATA",
                    "Message is not valid JSON"));
            return;
        }
        if (message == null || !message.isObject()) {
            session.send(StreamMessages.error("", ErrorCode.INVALID_WS_REQUEST_DATA.code, "INVALID_WS_REQUEST_DATA",
                    "Message must be a JSON object"));
            return;
        }
        String op = OrderRequestParser.text(message, "op");
        String id = OrderRequestParser.text(message, "id");
        if (op == null) {
            session.send(StreamMessages.error(id, ErrorCode.INVALID_WS_REQUEST_DATA.code, "INVALID_WS_REQUEST_DATA",
                    "Missing op"));
            return;
        }
        switch (op) {
            case "ping" -> {
                if (!faults.pingsIgnored()) {
                    session.send("{\"m\":\"pong\",\"code\":0,\"ts\":" + System.currentTimeMillis() + ",\"hp\":"
                            + FULL_HEALTH + "}");
                }
            }
            case "pong" -> {
                // any client message restores the session's health
            }
            case "auth" -> {
                faults.sleepForDelay();
                auth(session, message, id);
            }
            case "sub", "unsub" -> subscription(session, op, id, OrderRequestParser.text(message, "ch"));
            case "req" -> {
                faults.sleepForDelay();
                request(session, message, id);
            }
            default -> session.send(StreamMessages.error(id, ErrorCode.INVALID_WS_REQUEST_DATA.code,
                    "INVALID_WS_REQUEST_DATA", "Unknown op: '" + op + "'"));
        }
    }

    private void auth(StreamSession session, JsonNode message, String id) {
        StringBuilder sb = new StringBuilder("{");
        JsonText.field(sb, "m", "auth");
        JsonText.field(sb, "id", id == null ? "" : id);
        try {
            JsonNode t = message.get("t");
            Account account = authenticator.authenticate(OrderRequestParser.text(message, "key"),
                    t == null || t.isNull() ? null : t.asText(), OrderRequestParser.text(message, "sig"), signedPath,
                    System.currentTimeMillis());
            if (session.pathGroup != null && session.pathGroup != account.spec.accountGroup()) {
                throw new ExchangeException(ErrorCode.USER_ACCOUNT_NOT_FOUND, "Account group " + session.pathGroup
                        + " in the path is not the API key's account group " + account.spec.accountGroup());
            }
            Account previous = session.account;
            if (previous != null && previous != account) {
                previous.orderSubscribers.remove(session);
                previous.accountSubscribers.remove(session);
            }
            session.account = account;
            if (session.subscribedOrders) {
                account.orderSubscribers.addIfAbsent(session);
            }
            if (session.subscribedAccount) {
                account.accountSubscribers.addIfAbsent(session);
            }
            JsonText.field(sb, "code", 0);
        } catch (ExchangeException e) {
            JsonText.field(sb, "code", e.code() == ErrorCode.AUTHENTICATION_FAILED.code
                    ? ErrorCode.USER_ACCOUNT_NOT_FOUND.code : e.code());
            JsonText.field(sb, "err", e.getMessage());
        }
        session.send(sb.append('}').toString());
    }

    private void subscription(StreamSession session, String op, String id, String channel) {
        boolean subscribe = op.equals("sub");
        try {
            if (channel == null || channel.isBlank()) {
                throw new ExchangeException(ErrorCode.INVALID_WS_REQUEST_DATA, "Missing ch");
            }
            for (String ch : expandChannelList(channel)) {
                apply(session, subscribe, ch.trim());
            }
            session.send(ack(op, id, channel, 0, null, null));
        } catch (ExchangeException e) {
            session.send(ack(op, id, channel, e.code(), e.reason(), e.getMessage()));
        }
    }

    /** "bbo:BTC-PERP,ETH-PERP" is two channels; so is "bar:1:BTC-PERP,ETH-PERP". */
    private static List<String> expandChannelList(String channel) {
        List<String> result = new ArrayList<>();
        int lastColon = channel.lastIndexOf(':');
        if (lastColon < 0 || !channel.contains(",")) {
            result.add(channel);
            return result;
        }
        String prefix = channel.substring(0, lastColon + 1);
        for (String symbol : channel.substring(lastColon + 1).split(",")) {
            result.add(prefix + symbol.trim());
        }
        return result;
    }

    private void apply(StreamSession session, boolean subscribe, String ch) throws ExchangeException {
        String[] parts = ch.split(":", -1);
        String type = parts[0];
        switch (type) {
            case PRICING -> {
                if (parts.length != 1) {
                    throw invalidChannel(ch);
                }
                toggle(session, subscribe, PRICING);
            }
            case ORDERS, ACCOUNT -> {
                Account account = session.account;
                if (subscribe && account == null) {
                    throw new ExchangeException(ErrorCode.AUTHORIZATION_NEEDED,
                            "Channel " + type + " needs an authenticated session");
                }
                boolean orders = type.equals(ORDERS);
                if (orders) {
                    session.subscribedOrders = subscribe;
                } else {
                    session.subscribedAccount = subscribe;
                }
                if (account != null) {
                    var list = orders ? account.orderSubscribers : account.accountSubscribers;
                    if (subscribe) {
                        list.addIfAbsent(session);
                    } else {
                        list.remove(session);
                    }
                }
            }
            case "bbo", "depth", "trades" -> {
                if (parts.length != 2) {
                    throw invalidChannel(ch);
                }
                for (String symbol : symbols(parts[1], subscribe)) {
                    toggle(session, subscribe, type + ":" + symbol);
                }
            }
            case "bar" -> {
                if (parts.length > 3) {
                    throw invalidChannel(ch);
                }
                String interval = parts.length > 1 ? parts[1] : "*";
                String symbolPart = parts.length > 2 ? parts[2] : "*";
                if (subscribe && parts.length != 3) {
                    throw invalidChannel(ch);
                }
                List<String> intervals;
                if (interval.equals("*")) {
                    intervals = BarSeries.INTERVALS;
                } else if (BarSeries.INTERVALS.contains(interval)) {
                    intervals = List.of(interval);
                } else {
                    throw new ExchangeException(ErrorCode.INVALID_WS_REQUEST_DATA, "Invalid bar interval: '"
                            + interval + "' (one of " + String.join(", ", BarSeries.INTERVALS) + ")");
                }
                for (String i : intervals) {
                    for (String symbol : symbols(symbolPart, subscribe)) {
                        toggle(session, subscribe, "bar:" + i + ":" + symbol);
                    }
                }
            }
            default -> throw invalidChannel(ch);
        }
    }

    private List<String> symbols(String symbol, boolean subscribe) throws ExchangeException {
        if (symbol.equals("*")) {
            return new ArrayList<>(exchange.contracts.keySet());
        }
        if (!exchange.contracts.containsKey(symbol)) {
            throw new ExchangeException(ErrorCode.SYMBOL_ERROR, "Invalid symbol: '" + symbol + "'");
        }
        return List.of(symbol);
    }

    private void toggle(StreamSession session, boolean subscribe, String key) {
        if (subscribe) {
            hub.subscribe(key, session);
        } else {
            hub.unsubscribe(key, session);
        }
    }

    private static ExchangeException invalidChannel(String ch) {
        return new ExchangeException(ErrorCode.INVALID_WS_REQUEST_DATA, "Invalid channel: '" + ch + "'");
    }

    private static String ack(String op, String id, String ch, int code, String reason, String info) {
        StringBuilder sb = new StringBuilder(128).append('{');
        JsonText.field(sb, "m", op);
        JsonText.field(sb, "id", id == null ? "" : id);
        JsonText.field(sb, "ch", ch == null ? "" : ch);
        JsonText.field(sb, "code", code);
        if (code != 0) {
            JsonText.field(sb, "reason", reason);
            JsonText.field(sb, "info", info);
        }
        return sb.append('}').toString();
    }

    private void request(StreamSession session, JsonNode message, String id) {
        String action = OrderRequestParser.text(message, "action");
        if (action == null) {
            session.send(StreamMessages.error(id, ErrorCode.INVALID_WS_REQUEST_DATA.code, "INVALID_WS_REQUEST_DATA",
                    "Missing action"));
            return;
        }
        JsonNode args = message.get("args");
        if (args == null || args.isNull()) {
            args = json.createObjectNode();
        }
        long now = System.currentTimeMillis();
        switch (action) {
            case "depth-snapshot" -> {
                String symbol = OrderRequestParser.text(args, "symbol");
                SymbolEngine engine = symbol == null ? null : exchange.engine(symbol);
                if (engine == null) {
                    session.send(StreamMessages.error(id, ErrorCode.SYMBOL_ERROR.code, "SYMBOL_ERROR",
                            "Invalid symbol: '" + symbol + "'"));
                } else {
                    engine.sendDepthSnapshot(session, now);
                }
            }
            case "futures-account-snapshot" -> {
                Account account = session.account;
                if (account == null) {
                    session.send(StreamMessages.error(id, ErrorCode.AUTHORIZATION_NEEDED.code, "AUTHORIZATION_NEEDED",
                            "futures-account-snapshot needs an authenticated session"));
                    return;
                }
                synchronized (account) {
                    session.send(StreamMessages.accountSnapshot(account, id == null ? "" : id, exchange.prices, now));
                }
            }
            case "place-order", "cancel-order", "cancel-all" -> orderAction(session, action, id, args, now);
            default -> session.send(StreamMessages.error(id, ErrorCode.INVALID_WS_REQUEST_DATA.code,
                    "INVALID_WS_REQUEST_DATA", "Invalid request action: " + action));
        }
    }

    private void orderAction(StreamSession session, String action, String id, JsonNode args, long now) {
        Account account = session.account;
        try {
            if (account == null) {
                throw new ExchangeException(ErrorCode.AUTHORIZATION_NEEDED, action + " needs an authenticated session");
            }
            if (!account.spec.tradePermission()) {
                throw new ExchangeException(ErrorCode.PERMISSION_DENIED, "The API key has no trade permission");
            }
            switch (action) {
                case "place-order" -> {
                    OrderRequest request = exchange.parser.parse(args, account.spec.userUid(), 's', id, now);
                    exchange.checkPlaceable(account, request);
                    boolean drop = faults.takeApplyThenDrop();
                    exchange.place(account, request, "WS", now);
                    if (drop) {
                        LOG.info("Fault: order {} applied, connection dropped before the ack", request.orderId());
                        session.disconnect();
                        return;
                    }
                    session.send(orderAck(action, id, 0, request.orderId(), request.contract().symbol, null, null));
                }
                case "cancel-order" -> {
                    OrderRequestParser.requestTime(args, now);
                    String orderId = OrderRequestParser.text(args, "orderId");
                    String symbol = OrderRequestParser.text(args, "symbol");
                    exchange.contract(symbol);
                    exchange.cancel(account, orderId, symbol, now);
                    session.send(orderAck(action, id, 0, orderId, symbol, null, null));
                }
                default -> {
                    String symbol = OrderRequestParser.text(args, "symbol");
                    exchange.cancelAll(account, symbol, now);
                    session.send(orderAck(action, id, 0, null, symbol == null ? "" : symbol, null, null));
                }
            }
        } catch (ExchangeException e) {
            truth.recordRejected();
            session.send(orderAck(action, id, e.code(), null, null, e.reason(), e.getMessage()));
        }
    }

    private static String orderAck(String action, String id, int code, String orderId, String symbol,
                                   String reason, String errorMsg) {
        StringBuilder sb = new StringBuilder(200).append('{');
        JsonText.field(sb, "m", "order");
        JsonText.field(sb, "code", code);
        JsonText.field(sb, "id", id == null ? "" : id);
        JsonText.field(sb, "action", action);
        JsonText.field(sb, "ac", "FUTURES");
        sb.append(",\"info\":{");
        if (code == 0) {
            if (orderId != null) {
                JsonText.field(sb, "orderId", orderId);
            }
            JsonText.field(sb, "symbol", symbol);
        } else {
            JsonText.field(sb, "reason", reason);
            JsonText.field(sb, "errorMsg", errorMsg);
        }
        return sb.append("}}").toString();
    }
}
