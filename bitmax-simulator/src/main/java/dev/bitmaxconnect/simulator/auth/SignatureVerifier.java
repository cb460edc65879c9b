package dev.bitmaxconnect.simulator.auth;

import dev.bitmaxconnect.simulator.KeyEncoding;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks BitMax signatures: base64(HMAC-SHA256(key, "<timestamp>+<path>")), the key per {@link KeyEncoding}. */
public final class SignatureVerifier {

    private final KeyEncoding encoding;
    /** One initialised Mac per thread and secret: Mac.init costs more than the HMAC itself. */
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    public SignatureVerifier(KeyEncoding encoding) {
        this.encoding = encoding;
    }

    public static String sign(KeyEncoding encoding, String secret, String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(encoding.keyBytes(secret), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public boolean verify(String secret, String timestamp, String path, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        Mac mac = macs.get().computeIfAbsent(secret, this::newMac);
        if (mac == null) {
            return false;
        }
        byte[] expected = mac.doFinal((timestamp + "+" + path).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, given);
    }

    private Mac newMac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(encoding.keyBytes(secret), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null; // a secret that is not valid base64 under BASE64 encoding never verifies
        }
    }
}
