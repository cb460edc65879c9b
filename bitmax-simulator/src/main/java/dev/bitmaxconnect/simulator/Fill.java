package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;

/**
 * One side of one trade of a client account (fills of the built-in market makers are not recorded).
 *
 * @param seqnum the trade's per-symbol sequence number, as sent on the trades channel
 */
public record Fill(
        String orderId,
        String accountId,
        String symbol,
        String side,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal fee,
        boolean maker,
        long seqnum,
        long time) {
}
