package dev.bitmaxconnect.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.BitMaxClientConfig;

/** The source's own client settings on top of the shared ones (which {@code ExchangeConfigTest} covers). */
class ExchangeClientConfigTest {

    @Test
    void theSourceWaitsForItsQueueAndLogsALateFirstSession() {
        BitMaxClientConfig client = ExchangeClientConfig.from(new BitMaxSourceConfig(Map.of(
                BitMaxSourceConfig.REST_URL, "http://127.0.0.1:9/",
                BitMaxSourceConfig.WS_URL, "ws://127.0.0.1:9",
                BitMaxSourceConfig.SYMBOLS, "BTC-PERP",
                BitMaxSourceConfig.CONNECT_TIMEOUT_MS, "1500",
                BitMaxSourceConfig.QUEUE_CAPACITY, "20")));

        assertThat(client.restUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(client.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(client.wsConnectDeadline()).isEqualTo(Duration.ofMillis(1500));
        assertThat(client.listenerBufferSize()).isEqualTo(64);
        assertThat(client.overflowPolicy()).isEqualTo(BitMaxClientConfig.OverflowPolicy.BLOCK);
        assertThat(client.credentials()).isEmpty();
    }
}
