package dev.bitmaxconnect.client.auth;

import dev.bitmaxconnect.client.BitMaxCredentials;
import dev.bitmaxconnect.client.KeyEncoding;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs {@code <timestamp>+<api-path>} with HMAC-SHA256 and base64, as BitMax authenticates requests. */
public final class RequestSigner {
    public static final String HEADER_KEY = "x-auth-key";
    public static final String HEADER_TIMESTAMP = "x-auth-timestamp";
    public static final String HEADER_SIGNATURE = "x-auth-signature";

    private final String apiKey;
    private final SecretKeySpec key;

    public RequestSigner(BitMaxCredentials credentials, KeyEncoding keyEncoding) {
        Objects.requireNonNull(credentials, "credentials");
        this.apiKey = credentials.apiKey();
        this.key = new SecretKeySpec(keyEncoding.keyBytes(credentials.secret()), "HmacSHA256");
    }

    public String apiKey() {
        return apiKey;
    }

    /**
     * The base64 HMAC-SHA256 of {@code timestamp + "+" + apiPath}; apiPath without leading slash or group, e.g.
     * {@code v2/futures/order}.
     */
    public String sign(long timestamp, String apiPath) {
        return sign(key, timestamp + "+" + apiPath);
    }

    /** Signs with an explicit secret; for tests and tools. */
    public static String sign(String secret, KeyEncoding keyEncoding, long timestamp, String apiPath) {
        return sign(new SecretKeySpec(keyEncoding.keyBytes(secret), "HmacSHA256"), timestamp + "+" + apiPath);
    }

    private static String sign(SecretKeySpec key, String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "RequestSigner{apiKey=" + apiKey + "}";
    }
}
