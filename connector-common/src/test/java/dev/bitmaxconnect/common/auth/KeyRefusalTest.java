package dev.bitmaxconnect.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.client.BitMaxApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRefusalTest {

    @ParameterizedTest
    @ValueSource(ints = {100009, 200001, 200003, 200006, 200015})
    void theAuthenticationAndAccountCodesRefuseTheKey(int code) {
        assertThat(KeyRefusal.isKeyRefused(new BitMaxApiException(code, "X", "refused", 200))).isTrue();
    }

    @Test
    void httpStatusAndRefusedUpgradeRefuseTheKey() {
        assertThat(KeyRefusal.isKeyRefused(new BitMaxApiException(0, null, "no", 401))).isTrue();
        assertThat(KeyRefusal.isKeyRefused(new BitMaxApiException(0, null, "no", 403))).isTrue();
        assertThat(KeyRefusal.isKeyRefused(new BitMaxApiException(0, "AUTHENTICATION_FAILED", "no", 0))).isTrue();
    }

    @Test
    void aRefusedOrderIsNotAboutTheKey() {
        BitMaxApiException refused = new BitMaxApiException(300011, "INVALID_PRICE", "bad price", 200);

        assertThat(KeyRefusal.isKeyRefused(refused)).isFalse();
        assertThat(KeyRefusal.isPermissionMissing(refused)).isFalse();
    }

    @Test
    void permissionDeniedIsAMissingPermission() {
        assertThat(KeyRefusal.isPermissionMissing(new BitMaxApiException(200015, "PERMISSION_DENIED", "no", 200)))
                .isTrue();
        assertThat(KeyRefusal.isPermissionMissing(new BitMaxApiException(0, null, "no", 403))).isTrue();
        assertThat(KeyRefusal.isPermissionMissing(new BitMaxApiException(200001, "AUTHENTICATION_FAILED", "no", 200)))
                .isFalse();
    }
}
