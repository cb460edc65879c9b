package dev.bitmaxconnect.distribution.faults;

import static dev.bitmaxconnect.distribution.PluginSetup.sendCommand;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.distribution.Commands;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders older than the fault: resting limit orders far from the market and stop-market orders far above the mark
 * price, placed through the sink before the fault (the suite then pushes them out of the history windows with newer
 * orders), which end while the fault is on: all limit orders but one canceled through the sink by {@code origId},
 * the stops triggered (the mark price pinned at their stop price for a moment) and filled. The last limit order
 * stays open.
 */
final class AgedOrders {

    static final int LIMITS = 6;
    static final int STOPS = 2;
    private static final String STOP_SYMBOL = "BTC-PERP";

    private final ConnectCluster cluster;
    private final String topic;
    private final String idPrefix;
    private final List<String> placeIds = new ArrayList<>();
    private final Map<String, String> symbolById = new LinkedHashMap<>();
    /** Cancel command id to the client id of the order it cancels. */
    private final Map<String, String> cancels = new LinkedHashMap<>();
    private BigDecimal stopPrice;
    private boolean ended;

    AgedOrders(ConnectCluster cluster, String topic, String idPrefix) {
        this.cluster = cluster;
        this.topic = topic;
        this.idPrefix = idPrefix;
    }

    /** Writes the place commands: limit orders at 0.6 (buy) and 1.6 (sell) times the mark, stops at 1.5 times. */
    void place() {
        for (int i = 0; i < LIMITS; i++) {
            boolean btc = i % 2 == 0;
            String symbol = btc ? "BTC-PERP" : "ETH-PERP";
            String price = btc ? wholeUnits(symbol, "0.6", RoundingMode.FLOOR)
                    : wholeUnits(symbol, "1.6", RoundingMode.CEILING);
            write(idPrefix + "l" + i, symbol, Commands.limit(idPrefix + "l" + i, symbol, btc ? "Buy" : "Sell",
                    btc ? "0.001" : "0.01", price));
        }
        stopPrice = new BigDecimal(wholeUnits(STOP_SYMBOL, "1.5", RoundingMode.CEILING));
        for (int i = 0; i < STOPS; i++) {
            write(idPrefix + "s" + i, STOP_SYMBOL, Commands.stopMarket(idPrefix + "s" + i, STOP_SYMBOL, "Buy", "0.001",
                    stopPrice.toPlainString()));
        }
    }

    /** While the fault is on: writes the cancels and triggers the stops; once. */
    void end() {
        if (ended) {
            throw new IllegalStateException("the old orders of " + idPrefix + " have ended already");
        }
        ended = true;
        for (int i = 0; i < LIMITS - 1; i++) {
            String target = idPrefix + "l" + i;
            String cancelId = idPrefix + "c" + i;
            sendCommand(cluster, topic, Commands.cancelByClientId(cancelId, symbolById.get(target), target));
            cancels.put(cancelId, target);
        }
        cluster.simulator.setMarkPrice(STOP_SYMBOL, stopPrice);
        cluster.simulator.setMarkPrice(STOP_SYMBOL, null);
    }

    boolean ended() {
        return ended;
    }

    /** Client ids of the place commands. */
    List<String> placeIds() {
        return List.copyOf(placeIds);
    }

    /** Cancel command ids, each to the client id of the order it cancels. */
    Map<String, String> cancels() {
        return Map.copyOf(cancels);
    }

    /** Every command written: the places, then the cancels. */
    List<String> commandIds() {
        List<String> ids = new ArrayList<>(placeIds);
        ids.addAll(cancels.keySet());
        return ids;
    }

    private void write(String id, String symbol, ObjectNode command) {
        sendCommand(cluster, topic, command);
        placeIds.add(id);
        symbolById.put(id, symbol);
    }

    /** {@code factor} times the mark price, in whole units (a multiple of every contract's tick size). */
    private String wholeUnits(String symbol, String factor, RoundingMode rounding) {
        return cluster.simulator.markPrice(symbol).multiply(new BigDecimal(factor)).setScale(0, rounding)
                .toPlainString();
    }
}
