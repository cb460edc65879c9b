package dev.bitmaxconnect.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.KeyEncoding;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;

class ExchangeClientConfigTest {

    @Test
    void connectorSettingsReachTheClient() {
        Map<String, String> props = new HashMap<>();
        props.put(BitMaxSourceConfig.REST_URL, "http://127.0.0.1:9/");
        props.put(BitMaxSourceConfig.WS_URL, "ws://127.0.0.1:9");
        props.put(BitMaxSourceConfig.SYMBOLS, "BTC-PERP");
        props.put(BitMaxSourceConfig.API_KEY, "key");
        props.put(BitMaxSourceConfig.API_SECRET, "s3cr3t-value");
        props.put(BitMaxSourceConfig.WS_SIGNED_PATH, "stream");
        props.put(BitMaxSourceConfig.WS_KEY_ENCODING, "base64");
        props.put(BitMaxSourceConfig.RECONNECT_BACKOFF_MS, "200");
        props.put(BitMaxSourceConfig.RECONNECT_BACKOFF_MAX_MS, "100");
        props.put(BitMaxSourceConfig.REQUEST_TIMEOUT_MS, "1500");

        BitMaxClientConfig client = ExchangeClientConfig.from(new BitMaxSourceConfig(props));

        assertThat(client.restUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(client.wsSignedPath()).isEqualTo("stream");
        assertThat(client.wsKeyEncoding()).isEqualTo(KeyEncoding.BASE64);
        assertThat(client.restKeyEncoding()).isEqualTo(KeyEncoding.RAW);
        assertThat(client.reconnectBackoffMin()).isEqualTo(Duration.ofMillis(200));
        assertThat(client.reconnectBackoffMax()).isEqualTo(Duration.ofMillis(200));
        assertThat(client.wsRequestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(client.credentials()).hasValueSatisfying(c -> assertThat(c.apiKey()).isEqualTo("key"));
        assertThat(client.toString()).doesNotContain("s3cr3t-value");
    }
}
