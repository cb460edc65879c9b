package dev.bitmaxconnect.source.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.stream.StreamMessage;

class AuthFailuresTest {

    @Test
    void refusedKeysAreRecognisedAndTheMessageSaysWhatToCheck() {
        assertThat(AuthFailures.describe(new BitMaxApiException(200001, "AUTHENTICATION_FAILED", "bad signature", 200)))
                .hasValueSatisfying(m -> assertThat(m).contains("bitmax.api.key", "bitmax.api.secret", "key encoding"));
        assertThat(AuthFailures.describe(new CompletionException(new BitMaxApiException(0, null, "upgrade refused", 401))))
                .isPresent();
        assertThat(AuthFailures.describe(new BitMaxApiException(200006, null, "Unable to find User Account Data", 0)))
                .isPresent();
    }

    @Test
    void otherFailuresAreNotAuthFailures() {
        assertThat(AuthFailures.describe(new BitMaxApiException(510001, "SERVER_ERROR", "busy", 503))).isEmpty();
        assertThat(AuthFailures.describe(new BitMaxTransportException("connection refused", false, null))).isEmpty();
    }

    @Test
    void aPrivateStreamErrorWithAnAuthCodeIsARefusal() {
        assertThat(AuthFailures.describe(new StreamMessage.ErrorMessage("abc123", 200006, null, null,
                "Unable to find User Account Data")))
                .hasValueSatisfying(m -> assertThat(m).contains("code 200006 Unable to find User Account Data",
                        "bitmax.api.key", "bitmax.api.secret").doesNotContain("null"));
        assertThat(AuthFailures.describe(new StreamMessage.ErrorMessage(null, 100005, "INVALID_WS_REQUEST_DATA", null, null)))
                .isEmpty();
        assertThat(AuthFailures.describe(new StreamMessage.ErrorMessage(null, null, null, null, "no code"))).isEmpty();
    }
}
