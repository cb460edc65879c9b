package dev.bitmaxconnect.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.client.auth.RequestSigner;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigAndSecretsTest {
    static final String SECRET = "s3cr3t-value-that-must-not-leak";

    @Test
    void theSecretIsInNoToString() {
        BitMaxClientConfig config = BitMaxClientConfig.builder().restUrl("http://localhost:1/")
            .wsUrl("ws://localhost:1").credentials("my-key", SECRET).build();
        assertThat(config.credentials().orElseThrow().toString()).contains("my-key").doesNotContain(SECRET);
        assertThat(config.toString()).doesNotContain(SECRET);
        assertThat(new RequestSigner(config.credentials().get(), KeyEncoding.RAW).toString()).doesNotContain(SECRET);
        try (BitMaxRestClient client = new BitMaxRestClient(config)) {
            assertThat(client.toString()).doesNotContain(SECRET);
        }
        assertThat(config.restUrl()).isEqualTo("http://localhost:1");
    }

    @Test
    void defaults() {
        BitMaxClientConfig config = BitMaxClientConfig.builder().restUrl("http://x").build();
        assertThat(config.wsSignedPath()).isEqualTo("v2/stream");
        assertThat(config.restKeyEncoding()).isEqualTo(KeyEncoding.RAW);
        assertThat(config.wsKeyEncoding()).isEqualTo(KeyEncoding.RAW);
        assertThat(config.pingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.accountGroup()).isEmpty();
        assertThat(config.overflowPolicy()).isEqualTo(BitMaxClientConfig.OverflowPolicy.BLOCK);
    }

    @Test
    void badSettingsNameTheFieldAndValue() {
        assertThatThrownBy(() -> BitMaxClientConfig.builder().requestsPerSecond(0).build())
            .hasMessageContaining("requestsPerSecond").hasMessageContaining("0");
        assertThatThrownBy(() -> BitMaxClientConfig.builder().pingInterval(Duration.ZERO).build())
            .hasMessageContaining("pingInterval");
        assertThatThrownBy(() -> BitMaxClientConfig.builder().reconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
            .hasMessageContaining("reconnectBackoffMax");
        assertThatThrownBy(() -> BitMaxClientConfig.builder().wsSignedPath(" ").build()).hasMessageContaining("wsSignedPath");
        assertThatThrownBy(() -> BitMaxClientConfig.builder().accountGroup(-1).build()).hasMessageContaining("-1");
        assertThatThrownBy(() -> BitMaxCredentials.of("k", "")).hasMessageContaining("secret");
    }

    @Test
    void retriability() {
        assertThat(new BitMaxApiException(100101, "UNKNOWN_ERROR", "x", 200).isRetriable()).isTrue();
        assertThat(new BitMaxApiException(510001, "SERVER_ERROR", "x", 200).isRetriable()).isTrue();
        assertThat(new BitMaxApiException(0, null, null, 502).isRetriable()).isTrue();
        assertThat(new BitMaxApiException(0, null, null, 429).isRetriable()).isTrue();
        assertThat(new BitMaxApiException(300001, "INVALID_PRICE", "x", 200).isRetriable()).isFalse();
        assertThat(new BitMaxApiException(300001, "INVALID_PRICE", "x", 0).isRetriable()).isFalse();
        assertThat(new BitMaxTransportException("x", false, null).isRetriable()).isTrue();
        assertThat(new BitMaxTransportException("x", true, null).getMessage()).contains("may have reached");
    }
}
