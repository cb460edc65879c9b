package dev.bitmaxconnect.client.order;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exchange's order id algorithm: orderId = A + B + C + D with A {@code a} (REST) or {@code s}
 * (WebSocket), B the request {@code time} in hex, C the userUID, D the right 9 characters of the client
 * {@code id}. D is only predictable when the id has at least 9 characters, all letters and digits.
 */
public final class OrderIds {
    /** The transport an order is sent through; it gives the first character of the orderId. */
    public enum Transport {
        REST('a'),
        WEBSOCKET('s');

        private final char prefix;

        Transport(char prefix) {
            this.prefix = prefix;
        }

        public char prefix() {
            return prefix;
        }
    }

    public static final int MAX_CLIENT_ID_LENGTH = 32;
    /** Characters of the client id that become the end of the orderId. */
    public static final int SUFFIX_LENGTH = 9;

    private static final Pattern CLIENT_ID = Pattern.compile("^\\w[\\w\\-]*\\w$");
    private static final Pattern ALPHANUMERIC = Pattern.compile("^[A-Za-z0-9]+$");
    private static final Pattern USER_UID = Pattern.compile("^U\\d{10}$");

    private OrderIds() {
    }

    /** True when the exchange accepts {@code id} as a client order id ({@code ^\w[\w\-]*\w$}, at most 32 characters). */
    public static boolean isValidClientId(String id) {
        return id != null && id.length() <= MAX_CLIENT_ID_LENGTH && CLIENT_ID.matcher(id).matches();
    }

    /** Throws an {@link IllegalArgumentException} naming the value when {@code id} is not a valid client id. */
    public static String requireValidClientId(String id) {
        if (!isValidClientId(id)) {
            throw new IllegalArgumentException("Invalid client order id '" + id
                + "': must match ^\\w[\\w\\-]*\\w$ and have at most " + MAX_CLIENT_ID_LENGTH + " characters");
        }
        return id;
    }

    /** True when the orderId of an order with this client id is known before sending. */
    public static boolean isPredictable(String id) {
        return isValidClientId(id) && id.length() >= SUFFIX_LENGTH && ALPHANUMERIC.matcher(id).matches();
    }

    /**
     * The orderId the exchange will give an order, or empty when the client id does not determine it.
     *
     * @param transport REST or WebSocket
     * @param time the request's {@code time} (milliseconds)
     * @param userUid {@code U} + 10 digits, from account info
     * @param clientId the order's {@code id}
     */
    public static Optional<String> predict(Transport transport, long time, String userUid, String clientId) {
        if (!isPredictable(clientId)) {
            return Optional.empty();
        }
        return Optional.of(transport.prefix() + Long.toHexString(time) + requireUserUid(userUid)
            + clientId.substring(clientId.length() - SUFFIX_LENGTH));
    }

    private static String requireUserUid(String userUid) {
        if (userUid == null || !USER_UID.matcher(userUid).matches()) {
            throw new IllegalArgumentException("userUID must be 'U' followed by 10 digits, was '" + userUid + "'");
        }
        return userUid;
    }
}
