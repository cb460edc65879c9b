package dev.bitmaxconnect.simulator;

import java.util.List;

/**
 * Sends futures-order and futures-account-update messages. The per-account {@code sn} is taken and the message
 * queued under the account's lock, so every subscriber sees {@code sn} in increasing order.
 */
final class PrivateFeed {

    private final PriceBoard prices;

    PrivateFeed(PriceBoard prices) {
        this.prices = prices;
    }

    void orderChanged(Order order, long now) {
        Account account = order.account;
        if (account.marketMaker) {
            return;
        }
        synchronized (account) {
            long sn = account.nextSn();
            if (!account.orderSubscribers.isEmpty()) {
                String text = StreamMessages.orderReport(order, sn, now);
                for (StreamSession session : account.orderSubscribers) {
                    session.send(text);
                }
            }
        }
    }

    /** Call under the account's lock, right after the change. */
    void accountChanged(Account account, Position position, String requestId, long now) {
        if (account.marketMaker) {
            return;
        }
        long sn = account.nextSn();
        if (!account.accountSubscribers.isEmpty()) {
            String text = StreamMessages.accountUpdate(account,
                    position == null ? account.positions.values() : List.of(position), sn, requestId, prices, now);
            for (StreamSession session : account.accountSubscribers) {
                session.send(text);
            }
        }
    }
}
