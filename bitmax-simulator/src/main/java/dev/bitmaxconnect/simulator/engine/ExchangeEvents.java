package dev.bitmaxconnect.simulator.engine;

import java.util.List;

/**
 * What the exchange tells its clients, as it happens, on the thread that caused it. The engine knows nothing of
 * who listens or how: the stream layer turns each event into a message. Arguments are only valid during the call.
 */
public interface ExchangeEvents {

    /** Listens to nothing (an exchange without network, as in tests of the engine). */
    ExchangeEvents NONE = new ExchangeEvents() {
    };

    /** An order of a client account changed; called under the account's lock, {@code sn} in increasing order. */
    default void orderChanged(Order order, long sn, long now) {
    }

    /** Collateral or positions of a client account changed; called under the account's lock. */
    default void accountChanged(AccountUpdate update) {
    }

    /** Trades of one operation on one contract, oldest first. */
    default void trades(Contract contract, List<Trade> trades) {
    }

    /** The price levels one operation changed (a level with zero lots is gone). */
    default void depthChanged(Depth depth) {
    }

    /** The best bid or ask changed; {@code bid} or {@code ask} is null when that side is empty. */
    default void bestBidAskChanged(Contract contract, PriceLevel bid, PriceLevel ask, long now) {
    }

    /** The current candle of one interval; returns whether it reached anyone (bars are only made for listeners). */
    default boolean bar(Contract contract, Bar bar) {
        return false;
    }

    /** Mark, index and collateral reference prices moved. */
    default void pricesChanged(PriceBoard prices) {
    }
}
