package dev.bitmaxconnect.client;

import java.util.Objects;

/** An API key and its secret; {@link #toString()} never shows the secret. */
public final class BitMaxCredentials {
    private final String apiKey;
    private final String secret;

    private BitMaxCredentials(String apiKey, String secret) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        this.apiKey = apiKey;
        this.secret = secret;
    }

    public static BitMaxCredentials of(String apiKey, String secret) {
        return new BitMaxCredentials(apiKey, secret);
    }

    public String apiKey() {
        return apiKey;
    }

    /** The secret; hand it only to a signer. */
    public String secret() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitMaxCredentials other && apiKey.equals(other.apiKey) && secret.equals(other.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiKey, secret);
    }

    @Override
    public String toString() {
        return "BitMaxCredentials{apiKey=" + apiKey + ", secret=[hidden]}";
    }
}
