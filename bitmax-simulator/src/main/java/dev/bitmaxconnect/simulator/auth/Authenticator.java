package dev.bitmaxconnect.simulator.auth;

import dev.bitmaxconnect.simulator.Faults;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.simulator.engine.Account;
import dev.bitmaxconnect.simulator.engine.ErrorCode;
import dev.bitmaxconnect.simulator.engine.Exchange;
import dev.bitmaxconnect.simulator.engine.ExchangeException;

/** Authenticates a key, timestamp and signature against the configured accounts (REST and WebSocket alike). */
public final class Authenticator {

    private final Exchange exchange;
    private final Faults.Effects faults;
    private final SignatureVerifier verifier;
    private final ErrorCode failure;

    /**
     * @param failure the code a wrong key or signature answers with (REST 200001; WebSocket 200006 as the
     *                reference's auth error example shows)
     */
    public Authenticator(Exchange exchange, Faults.Effects faults, SignatureVerifier verifier, ErrorCode failure) {
        this.exchange = exchange;
        this.faults = faults;
        this.verifier = verifier;
        this.failure = failure;
    }

    public Account authenticate(String key, String timestamp, String signature, String signedPath, long now)
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
        if (!verifier.verify(account.spec().apiSecret(), timestamp.trim(), signedPath, signature)) {
            throw new ExchangeException(failure, "Invalid signature for prehash '<timestamp>+" + signedPath + "'");
        }
        return account;
    }

    /** Refuses with {@code error} when the account group in the request's path is not the key's. */
    public static void requireGroup(Account account, int pathGroup, ErrorCode error) throws ExchangeException {
        int group = account.spec().accountGroup();
        if (pathGroup != group) {
            throw new ExchangeException(error, "Account group " + pathGroup
                    + " in the path is not the API key's account group " + group);
        }
    }
}
