package dev.bitmaxconnect.source.record;

/** Names of the headers every record carries. */
public final class RecordHeaders {
    /** The exchange channel (message type), e.g. {@code trades}, {@code futures-order}. */
    public static final String CHANNEL = "bitmax.channel";
    /** The sequence number: {@code seqnum} of depth and trades, {@code sn} of order and account records. */
    public static final String SEQUENCE = "bitmax.seqnum";
    /** Present (true) on the first record after messages of its stream were missed. */
    public static final String GAP = "bitmax.gap";
    /** {@code stream} or {@code recovery} on order records; {@code snapshot} or {@code update} on account records. */
    public static final String ORIGIN = "bitmax.origin";

    private RecordHeaders() {
    }
}
