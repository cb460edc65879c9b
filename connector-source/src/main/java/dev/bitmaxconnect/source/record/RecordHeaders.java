package dev.bitmaxconnect.source.record;

import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;

/**
 * The headers a record carries, and their names: always the exchange channel; the sequence number where the stream
 * has one; the gap marker on the first record after missed messages; the origin of order and account states.
 */
public record RecordHeaders(String channel, Long sequence, boolean gap, String origin) {
    /** The exchange channel (message type), e.g. {@code trades}, {@code futures-order}. */
    public static final String CHANNEL = "bitmax.channel";
    /** The sequence number: {@code seqnum} of depth and trades, {@code sn} of order and account records. */
    public static final String SEQUENCE = "bitmax.seqnum";
    /** Present (true) on the first record after messages of its stream were missed. */
    public static final String GAP = "bitmax.gap";
    /** {@code stream} or {@code recovery} on order records; {@code snapshot} or {@code update} on account records. */
    public static final String ORIGIN = "bitmax.origin";

    /** The headers of a record of {@code channel}, without sequence, gap or origin. */
    public static RecordHeaders of(String channel) {
        return new RecordHeaders(channel, null, false, null);
    }

    /** Only the gap marker, when {@code gap}: the market-data headers with {@code record.headers=gap}. */
    public static RecordHeaders gapOnly(boolean gap) {
        return new RecordHeaders(null, null, gap, null);
    }

    public RecordHeaders withSequence(long sequence) {
        return new RecordHeaders(channel, sequence, gap, origin);
    }

    public RecordHeaders withGap(boolean gap) {
        return new RecordHeaders(channel, sequence, gap, origin);
    }

    public RecordHeaders withOrigin(String origin) {
        return new RecordHeaders(channel, sequence, gap, origin);
    }

    /** The Connect headers; a header without a value is left out, and the gap marker is only ever true. */
    Headers toConnectHeaders() {
        ConnectHeaders headers = new ConnectHeaders();
        if (channel != null) {
            headers.addString(CHANNEL, channel);
        }
        if (sequence != null) {
            headers.addLong(SEQUENCE, sequence);
        }
        if (gap) {
            headers.addBoolean(GAP, true);
        }
        if (origin != null) {
            headers.addString(ORIGIN, origin);
        }
        return headers;
    }
}
