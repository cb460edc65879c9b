package dev.bitmaxconnect.simulator.engine;

/**
 * One trade in the book.
 *
 * @param buyerIsMaker whether the resting (maker) order was the buy side
 * @param seqnum the contract's sequence number, shared with depth changes
 */
public record Trade(long priceTicks, long lots, boolean buyerIsMaker, long seqnum, long time) {
}
