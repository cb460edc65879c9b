package dev.bitmaxconnect.source.auth;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.common.auth.KeyRefusal;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;

/** Recognises the exchange refusing the API key, and says what the user has to fix. */
public final class AuthFailures {

    private AuthFailures() {
    }

    /** A message for the task failure when {@code error} (or its cause) is an authentication refusal. */
    public static Optional<String> describe(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException || current instanceof ExecutionException) {
            if (current.getCause() == null) {
                break;
            }
            current = current.getCause();
        }
        for (Throwable t = current; t != null; t = t.getCause()) {
            if (t instanceof BitMaxApiException api && isAuthRefusal(api)) {
                return Optional.of("BitMax refused the API credentials (" + api.getMessage() + "). Check "
                        + BitMaxSourceConfig.API_KEY + " and " + BitMaxSourceConfig.API_SECRET + " (a key with view "
                        + "permission on the futures account), the HMAC key encodings " + BitMaxSourceConfig.REST_KEY_ENCODING
                        + "/" + BitMaxSourceConfig.WS_KEY_ENCODING + " (raw or base64), "
                        + BitMaxSourceConfig.WS_SIGNED_PATH + ", and that this host's clock is within 30 s of UTC.");
            }
        }
        return Optional.empty();
    }

    /** A message for the task failure when the private stream's {@code error} message is an authentication refusal. */
    public static Optional<String> describe(StreamMessage.ErrorMessage error) {
        return Optional.ofNullable(error.code()).filter(AuthFailures::isAuthErrorCode)
                .map(code -> "The exchange refused the private stream (code " + code + " " + error.refusal() + "); "
                        + "check " + BitMaxSourceConfig.API_KEY + " and " + BitMaxSourceConfig.API_SECRET);
    }

    /** The 2000xx codes: the exchange's authentication and account errors (200001 AUTHENTICATION_FAILED, 200006 ...). */
    private static boolean isAuthErrorCode(int code) {
        return code >= 200000 && code < 200100;
    }

    static boolean isAuthRefusal(BitMaxApiException api) {
        return KeyRefusal.isKeyRefused(api);
    }
}
