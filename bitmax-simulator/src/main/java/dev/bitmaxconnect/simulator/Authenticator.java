package dev.bitmaxconnect.simulator;

/** Authenticates a key, timestamp and signature against the configured accounts (REST and WebSocket alike). */
final class Authenticator {

    private final Exchange exchange;
    private final Faults faults;
    private final SignatureVerifier verifier;
    private final ErrorCode failure;

    /**
     * @param failure the code a wrong key or signature answers with (REST 200001; WebSocket 200006 as the
     *                reference's auth error example shows)
     */
    Authenticator(Exchange exchange, Faults faults, SignatureVerifier verifier, ErrorCode failure) {
        this.exchange = exchange;
        this.faults = faults;
        this.verifier = verifier;
        this.failure = failure;
    }

    Account authenticate(String key, String timestamp, String signature, String signedPath, long now)
            throws ExchangeException {
        if (key == null || key.isEmpty()) {
            throw new ExchangeException(ErrorCode.AUTHORIZATION_NEEDED, "Missing API key (x-auth-key)");
        }
        if (timestamp == null || timestamp.isEmpty()) {
            throw new ExchangeException(ErrorCode.AUTHORIZATION_NEEDED, "Missing timestamp (x-auth-timestamp)");
        }
        if (signature == null || signature.isEmpty()) {
            throw new ExchangeException(ErrorCode.AUTHORIZATION_NEEDED, "Missing signature (x-auth-signature)");
        }
        long time;
        try {
            time = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new ExchangeException(ErrorCode.INVALID_TIMESTAMP,
                    "Invalid timestamp: '" + timestamp + "' (milliseconds since the epoch)");
        }
        if (Math.abs(now - time) > SimulatorDefaults.TIME_WINDOW_MILLIS) {
            throw new ExchangeException(ErrorCode.INVALID_TIMESTAMP, "Invalid timestamp: " + time
                    + " is more than 30 seconds away from server time " + now);
        }
        if (faults.authRefused()) {
            throw new ExchangeException(failure, "Unable to find User Account Data (authentication refused)");
        }
        Account account = exchange.accountByKey(key);
        if (account == null) {
            throw new ExchangeException(failure, "Unable to find User Account Data: unknown API key");
        }
        if (!verifier.verify(account.spec.apiSecret(), timestamp.trim(), signedPath, signature)) {
            throw new ExchangeException(failure, "Invalid signature for prehash '<timestamp>+" + signedPath + "'");
        }
        return account;
    }
}
