package dev.bitmaxconnect.simulator.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bitmaxconnect.simulator.Faults;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.simulator.engine.Account;
import dev.bitmaxconnect.simulator.engine.ErrorCode;
import dev.bitmaxconnect.simulator.engine.Exchange;
import dev.bitmaxconnect.simulator.engine.ExchangeException;
import dev.bitmaxconnect.simulator.engine.OrderRequest;
import dev.bitmaxconnect.simulator.engine.OrderRequestParser;
import dev.bitmaxconnect.simulator.json.JsonFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code op:req}: the depth and account snapshots, and order placement and cancels over the stream. */
final class StreamRequests {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRequests.class);

    private final Exchange exchange;
    private final Faults.Effects faults;
    private final GroundTruth.Recorder truth;

    StreamRequests(Exchange exchange, Faults.Effects faults, GroundTruth.Recorder truth) {
        this.exchange = exchange;
        this.faults = faults;
        this.truth = truth;
    }

    void handle(StreamSession session, JsonNode message, String id) {
        String action = JsonFields.of(message).text("action");
        if (action == null) {
            session.send(StreamMessages.error(id, ErrorCode.INVALID_WS_REQUEST_DATA.code(), "INVALID_WS_REQUEST_DATA",
                    "Missing action"));
            return;
        }
        JsonNode argsNode = message.get("args");
        if (argsNode == null || argsNode.isNull()) {
            argsNode = JsonNodeFactory.instance.objectNode();
        }
        JsonFields args = JsonFields.of(argsNode);
        long now = System.currentTimeMillis();
        switch (action) {
            case "depth-snapshot" -> {
                String symbol = args.text("symbol");
                // sent under the book's lock: later depth changes reach the session after the snapshot
                if (symbol == null || !exchange.withDepthSnapshot(symbol, now,
                        depth -> session.send(StreamMessages.depth("depth-snapshot", depth)))) {
                    session.send(StreamMessages.error(id, ErrorCode.SYMBOL_ERROR.code(), "SYMBOL_ERROR",
                            "Invalid symbol: '" + symbol + "'"));
                }
            }
            case "futures-account-snapshot" -> {
                Account account = session.account;
                if (account == null) {
                    session.send(StreamMessages.error(id, ErrorCode.AUTHORIZATION_NEEDED.code(),
                            "AUTHORIZATION_NEEDED", "futures-account-snapshot needs an authenticated session"));
                    return;
                }
                // sent under the account's lock: later account updates reach the session after the snapshot
                exchange.accountOperations().withSnapshot(account, id == null ? "" : id, now,
                        snapshot -> session.send(StreamMessages.accountSnapshot(snapshot)));
            }
            case "place-order", "cancel-order", "cancel-all" -> orderAction(session, action, id, argsNode, args, now);
            default -> session.send(StreamMessages.error(id, ErrorCode.INVALID_WS_REQUEST_DATA.code(),
                    "INVALID_WS_REQUEST_DATA", "Invalid request action: " + action));
        }
    }

    private void orderAction(StreamSession session, String action, String id, JsonNode argsNode, JsonFields args,
                             long now) {
        Account account = session.account;
        try {
            if (account == null) {
                throw new ExchangeException(ErrorCode.AUTHORIZATION_NEEDED, action + " needs an authenticated session");
            }
            if (!account.spec().tradePermission()) {
                throw new ExchangeException(ErrorCode.PERMISSION_DENIED, "The API key has no trade permission");
            }
            switch (action) {
                case "place-order" -> {
                    OrderRequest request = exchange.parseOrder(JsonFields.ofObject(argsNode), account, 's', id, now);
                    exchange.checkPlaceable(account, request);
                    boolean drop = faults.takeApplyThenDrop();
                    exchange.place(account, request, "WS", now);
                    if (drop) {
                        LOG.info("Fault: order {} applied, connection dropped before the ack", request.orderId());
                        session.disconnect();
                        return;
                    }
                    session.send(StreamMessages.orderAck(action, id, 0, request.orderId(),
                            request.contract().symbol(), null, null));
                }
                case "cancel-order" -> {
                    OrderRequestParser.requestTime(args, now);
                    String orderId = args.text("orderId");
                    String symbol = args.text("symbol");
                    exchange.contract(symbol);
                    exchange.cancel(account, orderId, symbol, now);
                    session.send(StreamMessages.orderAck(action, id, 0, orderId, symbol, null, null));
                }
                default -> {
                    String symbol = args.text("symbol");
                    exchange.cancelAll(account, symbol, now);
                    session.send(StreamMessages.orderAck(action, id, 0, null, symbol == null ? "" : symbol, null,
                            null));
                }
            }
        } catch (ExchangeException e) {
            truth.rejected();
            session.send(StreamMessages.orderAck(action, id, e.code(), null, null, e.reason(), e.getMessage()));
        }
    }
}
