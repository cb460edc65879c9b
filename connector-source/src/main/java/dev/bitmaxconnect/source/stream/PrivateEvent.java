package dev.bitmaxconnect.source.stream;

/**
 * One private event to emit: an order state (from the order channel or REST) or an account state (update or
 * snapshot), with the account sequence number {@code sn} that orders it.
 *
 * @param kind    order or account
 * @param id      the orderId for orders, the account id for account states
 * @param sn      the sequence number ({@code sn} on the stream, {@code seqNum} over REST)
 * @param message the client's message (stream message or REST order)
 */
public record PrivateEvent(Kind kind, String id, long sn, Object message) {

    /** Which topic the event belongs to. */
    public enum Kind {
        ORDER,
        ACCOUNT
    }
}
