package dev.bitmaxconnect.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** How an API secret becomes the HMAC key: its UTF-8 bytes as given (the reference's vectors) or base64-decoded. */
public enum KeyEncoding {
    RAW,
    BASE64;

    /** The HMAC key bytes for {@code secret}. */
    public byte[] keyBytes(String secret) {
        return this == RAW ? secret.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(secret);
    }

    /** Parses {@code raw} or {@code base64}, any case. */
    public static KeyEncoding parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown key encoding '" + value + "': expected raw or base64");
        }
    }
}
