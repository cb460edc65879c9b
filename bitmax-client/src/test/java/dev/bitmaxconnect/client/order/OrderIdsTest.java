package dev.bitmaxconnect.client.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.client.order.OrderIds.Transport;
import org.junit.jupiter.api.Test;

class OrderIdsTest {
    @Test
    void theReferenceExample() {
        // id sampleRequestId2, time 1613878579169 (177c2a8cfe1), userUID U0123456789
        assertThat(OrderIds.predict(Transport.REST, 1613878579169L, "U0123456789", "sampleRequestId2"))
            .contains("a177c2a8cfe1U0123456789equestId2");
        assertThat(OrderIds.predict(Transport.WEBSOCKET, 1613878579169L, "U0123456789", "sampleRequestId2"))
            .contains("s177c2a8cfe1U0123456789equestId2");
    }

    @Test
    void onlyIdsOfNineOrMoreLettersAndDigitsDetermineTheOrderId() {
        assertThat(OrderIds.predict(Transport.REST, 1L, "U0123456789", "abcd1234")).isEmpty(); // 8 chars
        assertThat(OrderIds.predict(Transport.REST, 1L, "U0123456789", "abc-12345678")).isEmpty(); // hyphen
        assertThat(OrderIds.predict(Transport.REST, 1L, "U0123456789", "abc_12345678")).isEmpty(); // underscore
        assertThat(OrderIds.predict(Transport.REST, 255L, "U0123456789", "abcd12345")).contains("affU0123456789abcd12345");
        assertThat(OrderIds.isPredictable("abcd12345")).isTrue();
    }

    @Test
    void clientIdValidation() {
        assertThat(OrderIds.isValidClientId("a1")).isTrue();
        assertThat(OrderIds.isValidClientId("a-b_c")).isTrue();
        assertThat(OrderIds.isValidClientId("a".repeat(32))).isTrue();
        assertThat(OrderIds.isValidClientId("a".repeat(33))).isFalse();
        assertThat(OrderIds.isValidClientId("a")).isFalse();
        assertThat(OrderIds.isValidClientId("-ab")).isFalse();
        assertThat(OrderIds.isValidClientId("ab-")).isFalse();
        assertThat(OrderIds.isValidClientId("a b")).isFalse();
        assertThat(OrderIds.isValidClientId(null)).isFalse();
        assertThatThrownBy(() -> OrderIds.requireValidClientId("bad id")).hasMessageContaining("'bad id'");
    }

    @Test
    void userUidIsChecked() {
        assertThatThrownBy(() -> OrderIds.predict(Transport.REST, 1L, "X123", "abcd12345")).hasMessageContaining("'X123'");
    }
}
