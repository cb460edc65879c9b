package dev.bitmaxconnect.client.stream;

/**
 * Remembers the last value of fields that repeat from message to message (symbol, account id, fee asset,
 * event) and hands back the same String when the characters match, so decoding them allocates nothing.
 * Racy by design: Strings are immutable, so a thread at worst misses the cache.
 */
final class RepeatedStrings {
    static final int SYMBOL = 0;
    static final int ACCOUNT = 1;
    static final int EVENT = 2;
    static final int FEE_ASSET = 3;
    static final int STOP_BY = 4;
    static final int ERROR = 5;
    private static final int SLOTS = 6;
    private static final int MAX_LENGTH = 64;

    private final String[] last = new String[SLOTS];

    String get(int slot, char[] buf, int offset, int length) {
        if (length == 0) {
            return "";
        }
        String cached = last[slot];
        if (cached != null && cached.length() == length && same(cached, buf, offset)) {
            return cached;
        }
        String value = new String(buf, offset, length);
        if (length <= MAX_LENGTH) {
            last[slot] = value;
        }
        return value;
    }

    /** The same for ASCII bytes. */
    String get(int slot, byte[] buf, int offset, int length) {
        if (length == 0) {
            return "";
        }
        String cached = last[slot];
        if (cached != null && cached.length() == length && same(cached, buf, offset)) {
            return cached;
        }
        String value = new String(buf, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (length <= MAX_LENGTH) {
            last[slot] = value;
        }
        return value;
    }

    private static boolean same(String s, byte[] buf, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String s, char[] buf, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
