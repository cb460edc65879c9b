package dev.bitmaxconnect.simulator.stream;

import dev.bitmaxconnect.simulator.engine.Account;
import dev.bitmaxconnect.simulator.engine.Bar;
import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.ErrorCode;
import dev.bitmaxconnect.simulator.engine.ExchangeException;
import java.util.ArrayList;
import java.util.List;

/** {@code op:sub} and {@code op:unsub}: channel names to the hub's keys, public and private. */
final class Subscriptions {

    private final StreamHub hub;
    private final List<String> symbols;

    Subscriptions(StreamHub hub, List<Contract> contracts) {
        this.hub = hub;
        this.symbols = contracts.stream().map(Contract::symbol).toList();
    }

    void handle(StreamSession session, String op, String id, String channel) {
        boolean subscribe = op.equals("sub");
        try {
            if (channel == null || channel.isBlank()) {
                throw new ExchangeException(ErrorCode.INVALID_WS_REQUEST_DATA, "Missing ch");
            }
            for (String ch : expandChannelList(channel)) {
                apply(session, subscribe, ch.trim());
            }
            session.send(StreamMessages.subscriptionAck(op, id, channel, 0, null, null));
        } catch (ExchangeException e) {
            session.send(StreamMessages.subscriptionAck(op, id, channel, e.code(), e.reason(), e.getMessage()));
        }
    }

    /** Moves the session's private subscriptions from the account it had to {@code account}. */
    void authenticated(StreamSession session, Account account) {
        Account previous = session.account;
        if (previous != null && previous != account) {
            hub.unsubscribe(StreamPublisher.key(StreamPublisher.ORDERS, previous.id()), session);
            hub.unsubscribe(StreamPublisher.key(StreamPublisher.ACCOUNT, previous.id()), session);
        }
        session.account = account;
        if (session.subscribedOrders) {
            hub.subscribe(StreamPublisher.key(StreamPublisher.ORDERS, account.id()), session);
        }
        if (session.subscribedAccount) {
            hub.subscribe(StreamPublisher.key(StreamPublisher.ACCOUNT, account.id()), session);
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
            case StreamPublisher.PRICING -> {
                if (parts.length != 1) {
                    throw invalidChannel(ch);
                }
                toggle(session, subscribe, StreamPublisher.PRICING);
            }
            case StreamPublisher.ORDERS, StreamPublisher.ACCOUNT -> {
                Account account = session.account;
                if (subscribe && account == null) {
                    throw new ExchangeException(ErrorCode.AUTHORIZATION_NEEDED,
                            "Channel " + type + " needs an authenticated session");
                }
                if (type.equals(StreamPublisher.ORDERS)) {
                    session.subscribedOrders = subscribe;
                } else {
                    session.subscribedAccount = subscribe;
                }
                if (account != null) {
                    toggle(session, subscribe, StreamPublisher.key(type, account.id()));
                }
            }
            case "bbo", "depth", "trades" -> {
                if (parts.length != 2) {
                    throw invalidChannel(ch);
                }
                for (String symbol : symbols(parts[1])) {
                    toggle(session, subscribe, StreamPublisher.key(type, symbol));
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
                    intervals = Bar.INTERVALS;
                } else if (Bar.INTERVALS.contains(interval)) {
                    intervals = List.of(interval);
                } else {
                    throw new ExchangeException(ErrorCode.INVALID_WS_REQUEST_DATA, "Invalid bar interval: '"
                            + interval + "' (one of " + String.join(", ", Bar.INTERVALS) + ")");
                }
                for (String i : intervals) {
                    for (String symbol : symbols(symbolPart)) {
                        toggle(session, subscribe, StreamPublisher.barKey(i, symbol));
                    }
                }
            }
            default -> throw invalidChannel(ch);
        }
    }

    private List<String> symbols(String symbol) throws ExchangeException {
        if (symbol.equals("*")) {
            return symbols;
        }
        if (!symbols.contains(symbol)) {
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
}
