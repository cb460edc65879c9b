package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.common.auth.KeyRefusal;
import org.apache.kafka.connect.errors.ConnectException;

/** The exchange refused the API key itself: the task stops and says what to fix. */
public final class AccessDeniedException extends ConnectException {

    public AccessDeniedException(String message) {
        super(message);
    }

    /** Whether the exchange's answer is about the key rather than the request. */
    public static boolean isAccessDenied(BitMaxApiException e) {
        return KeyRefusal.isKeyRefused(e);
    }

    public static AccessDeniedException of(BitMaxApiException e) {
        String fix = KeyRefusal.isPermissionMissing(e)
                ? "the API key lacks the permission this command needs: enable Trade permission on the key "
                        + "(and Transfer permission for deposit and withdraw), or use another key"
                : "check bitmax.api.key and bitmax.api.secret, bitmax.rest.key.encoding / bitmax.ws.key.encoding "
                        + "(raw or base64), that the key has not expired and that this host's IP is allowed";
        return new AccessDeniedException("BitMax refused the API key (code " + e.code()
                + (e.reason() == null ? "" : " " + e.reason()) + "): " + fix);
    }
}
