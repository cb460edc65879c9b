package dev.bitmaxconnect.common.auth;

import dev.bitmaxconnect.client.BitMaxApiException;
import java.util.Set;

/** The exchange's answers that refuse the API key itself rather than the request, for both connectors. */
public final class KeyRefusal {

    /** AUTHORIZATION_NEEDED, AUTHENTICATION_FAILED, ACCOUNT_NOT_FOUND, "Unable to find User Account Data", PERMISSION_DENIED. */
    private static final Set<Integer> CODES = Set.of(100009, 200001, 200003, 200006, 200015);
    private static final int PERMISSION_DENIED = 200015;

    private KeyRefusal() {
    }

    /** Whether the answer is about the key (its codes, HTTP 401 or 403, a refused WebSocket upgrade). */
    public static boolean isKeyRefused(BitMaxApiException e) {
        return CODES.contains(e.code()) || e.httpStatus() == 401 || e.httpStatus() == 403
                || "AUTHENTICATION_FAILED".equals(e.reason());
    }

    /** Whether the key is known but lacks the permission the request needs. */
    public static boolean isPermissionMissing(BitMaxApiException e) {
        return e.code() == PERMISSION_DENIED || e.httpStatus() == 403;
    }
}
