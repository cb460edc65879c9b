package dev.bitmaxconnect.simulator.stream;

import dev.bitmaxconnect.simulator.engine.AccountUpdate;
import dev.bitmaxconnect.simulator.engine.Bar;
import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.Depth;
import dev.bitmaxconnect.simulator.engine.ExchangeEvents;
import dev.bitmaxconnect.simulator.engine.Order;
import dev.bitmaxconnect.simulator.engine.PriceBoard;
import dev.bitmaxconnect.simulator.engine.PriceLevel;
import dev.bitmaxconnect.simulator.engine.Trade;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the exchange's events into stream messages for the sessions subscribed to them. A message is only written
 * when someone will receive it. Private messages are sent (never dropped) on the engine's thread, under the
 * account's lock, so each session receives them in {@code sn} order.
 */
public final class StreamPublisher implements ExchangeEvents {

    static final String PRICING = "futures-pricing-data";
    static final String ORDERS = "futures-order";
    static final String ACCOUNT = "futures-account-update";

    /** The public channel keys of one contract, made once. */
    private record ContractKeys(String depth, String bbo, String trades, Map<String, String> bars) {
        static ContractKeys of(String symbol) {
            Map<String, String> bars = new HashMap<>();
            for (String interval : Bar.INTERVALS) {
                bars.put(interval, barKey(interval, symbol));
            }
            return new ContractKeys(key("depth", symbol), key("bbo", symbol), key("trades", symbol), Map.copyOf(bars));
        }
    }

    private final StreamHub hub;
    private final Map<String, ContractKeys> keys = new ConcurrentHashMap<>();

    public StreamPublisher(StreamHub hub) {
        this.hub = hub;
    }

    /** The key of a channel of one symbol ({@code depth:BTC-PERP}) or one account ({@code futures-order:<id>}). */
    static String key(String channel, String symbolOrAccountId) {
        return channel + ":" + symbolOrAccountId;
    }

    static String barKey(String interval, String symbol) {
        return key("bar:" + interval, symbol);
    }

    @Override
    public void orderChanged(Order order, long sn, long now) {
        List<StreamSession> sessions = hub.subscribersOf(key(ORDERS, order.account().id()));
        if (!sessions.isEmpty()) {
            sendAll(sessions, StreamMessages.orderReport(order.view(order.seqNum()), sn));
        }
    }

    @Override
    public void accountChanged(AccountUpdate update) {
        List<StreamSession> sessions = hub.subscribersOf(key(ACCOUNT, update.accountId()));
        if (!sessions.isEmpty()) {
            sendAll(sessions, StreamMessages.accountUpdate(update));
        }
    }

    @Override
    public void trades(Contract contract, List<Trade> trades) {
        String key = keys(contract).trades();
        if (hub.hasSubscribers(key)) {
            hub.publish(key, StreamMessages.trades(contract, trades));
        }
    }

    @Override
    public void depthChanged(Depth depth) {
        String key = keys(depth.contract()).depth();
        if (hub.hasSubscribers(key)) {
            hub.publish(key, StreamMessages.depth("depth", depth));
        }
    }

    @Override
    public void bestBidAskChanged(Contract contract, PriceLevel bid, PriceLevel ask, long now) {
        String key = keys(contract).bbo();
        if (hub.hasSubscribers(key)) {
            hub.publish(key, StreamMessages.bbo(contract, bid, ask, now));
        }
    }

    @Override
    public boolean bar(Contract contract, Bar bar) {
        String key = keys(contract).bars().get(bar.interval());
        if (!hub.hasSubscribers(key)) {
            return false;
        }
        hub.publish(key, StreamMessages.bar(contract, bar));
        return true;
    }

    @Override
    public void pricesChanged(PriceBoard prices) {
        if (hub.hasSubscribers(PRICING)) {
            hub.publish(PRICING, StreamMessages.pricing(prices));
        }
    }

    private ContractKeys keys(Contract contract) {
        return keys.computeIfAbsent(contract.symbol(), ContractKeys::of);
    }

    private static void sendAll(List<StreamSession> sessions, String text) {
        for (StreamSession session : sessions) {
            session.send(text);
        }
    }
}
