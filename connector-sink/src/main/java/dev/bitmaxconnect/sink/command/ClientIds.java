package dev.bitmaxconnect.sink.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Deterministic client order ids. A command's own {@code id} is sent as it is whenever the exchange
 * accepts it (the reference's rule, at most 32 characters), so that a later cancel can name the order by
 * it; otherwise an id is derived from the connector name, topic, partition and offset, so that a
 * re-delivered command gets the same id again. Only an id of 9 to 32 letters and digits fixes the
 * orderId before sending; for any other the exchange picks 9 random characters.
 *
 * <p>The exchange builds an orderId from the right 9 characters of the id. A derived id therefore ends
 * in 9 characters that differ for every command of a partition: a base-62 counter that starts at a
 * value drawn from the partition's hash and advances by 16 per offset (one step per order of a batch).
 */
public final class ClientIds {

    /** The reference's rule for {@code id}: {@code ^\w[\w\-]*\w$}, at most 32 characters. */
    public static final Pattern EXCHANGE_RULE = Pattern.compile("^\\w[\\w\\-]*\\w$");
    /** An id from which the exchange derives the orderId: letters and digits only, 9 to 32 of them. */
    public static final Pattern ORDER_ID_SOURCE = Pattern.compile("^[A-Za-z0-9]{9,32}$");

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final long SUFFIX_SPACE = pow62(9);
    static final int MAX_ORDERS_PER_OFFSET = 16;

    private final String connectorName;

    public ClientIds(String connectorName) {
        this.connectorName = connectorName;
    }

    /** The longest client id the exchange accepts. */
    public static final int MAX_LENGTH = 32;

    // The two checks below run several times per command on the lanes' threads: written out rather than matched
    // with the patterns above, which they implement exactly, they cost a fraction.

    /** Whether the exchange builds the orderId from this id, so that the sink knows it before sending. */
    public static boolean usable(String id) {
        if (id == null || id.length() < 9 || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isLetterOrDigit(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the exchange accepts this id as a client order id (the reference's rule). */
    public static boolean acceptedByExchange(String id) {
        if (id == null || id.length() < 2 || id.length() > MAX_LENGTH) {
            return false;
        }
        int last = id.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = id.charAt(i);
            boolean word = isLetterOrDigit(c) || c == '_';
            if (!word && (c != '-' || i == 0 || i == last)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * The client id for order {@code index} of the command at {@code topic/partition/offset}:
     * {@code given} when the exchange accepts it, else a derived one of 18 characters.
     */
    public String clientId(String given, String topic, int partition, long offset, int index) {
        if (acceptedByExchange(given)) {
            return given;
        }
        return derived(topic, partition, offset, index);
    }

    /** The derived id: 9 characters naming connector, topic and partition, then the 9-character counter. */
    public String derived(String topic, int partition, long offset, int index) {
        if (index < 0 || index >= MAX_ORDERS_PER_OFFSET) {
            throw new IllegalArgumentException("order index " + index + " out of range");
        }
        byte[] digest = sha256(connectorName + '\u0000' + topic + '\u0000' + partition);
        long prefix = Long.remainderUnsigned(toLong(digest, 0), SUFFIX_SPACE);
        long start = Long.remainderUnsigned(toLong(digest, 8), SUFFIX_SPACE);
        long counter = Math.floorMod(start + offset * MAX_ORDERS_PER_OFFSET + index, SUFFIX_SPACE);
        return base62(prefix, 9) + base62(counter, 9);
    }

    /** The right 9 characters of a {@linkplain #usable usable} id: the part of the orderId taken from it. */
    public static String orderIdSuffix(String clientId) {
        return clientId.substring(clientId.length() - 9);
    }

    /** The orderId the exchange gives an order sent over REST at {@code requestTime} by {@code userUid}. */
    public static String restOrderId(long requestTime, String userUid, String clientId) {
        return "a" + Long.toHexString(requestTime) + userUid + orderIdSuffix(clientId);
    }

    static String base62(long value, int width) {
        char[] out = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) Long.remainderUnsigned(v, 62));
            v = Long.divideUnsigned(v, 62);
        }
        return new String(out);
    }

    private static long pow62(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 62;
        }
        return v;
    }

    private static long toLong(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
