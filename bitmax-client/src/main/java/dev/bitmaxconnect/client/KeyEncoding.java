package dev.bitmaxconnect.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** How the API secret becomes the HMAC key: its UTF-8 bytes as given, or base64-decoded first. */
public enum KeyEncoding {
    /** The secret's UTF-8 bytes, as the reference's signing vectors do. */
    RAW,
    /** The secret decoded from base64, as the exchange's Python demo does. */
    BASE64;

    /** The HMAC key bytes for a secret. */
    public byte[] keyBytes(String secret) {
        if (this == RAW) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            // never echo the secret itself
            throw new IllegalArgumentException("the API secret is not valid base64 (key encoding base64)");
        }
    }

    /** Parses {@code raw} or {@code base64}, any case. */
    public static KeyEncoding parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("key encoding must be 'raw' or 'base64', was null");
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "raw":
                return RAW;
            case "base64":
                return BASE64;
            default:
                throw new IllegalArgumentException("key encoding must be 'raw' or 'base64', was '" + value + "'");
        }
    }
}
