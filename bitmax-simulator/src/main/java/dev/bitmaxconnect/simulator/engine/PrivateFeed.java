package dev.bitmaxconnect.simulator.engine;

import java.util.List;

/**
 * Numbers the private events of client accounts: the per-account {@code sn} is taken and the event published under
 * the account's lock, so every listener sees {@code sn} in increasing order.
 */
final class PrivateFeed {

    private final PriceBoard prices;
    private final ExchangeEvents events;

    PrivateFeed(PriceBoard prices, ExchangeEvents events) {
        this.prices = prices;
        this.events = events;
    }

    void orderChanged(Order order, long now) {
        Account account = order.account;
        if (account.marketMaker) {
            return;
        }
        synchronized (account) {
            events.orderChanged(order, account.nextSn(), now);
        }
    }

    /** Call under the account's lock, right after the change; a null {@code position} reports every position. */
    void accountChanged(Account account, Position position, String requestId, long now) {
        if (account.marketMaker) {
            return;
        }
        long sn = account.nextSn();
        events.accountChanged(account.update(position == null ? account.positions.values() : List.of(position), sn,
                requestId, prices, now));
    }
}
