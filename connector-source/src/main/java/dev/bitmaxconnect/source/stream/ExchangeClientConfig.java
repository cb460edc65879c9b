package dev.bitmaxconnect.source.stream;

import java.time.Duration;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.KeyEncoding;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;

/** Builds the exchange client's settings from the connector's. */
public final class ExchangeClientConfig {

    private ExchangeClientConfig() {
    }

    public static BitMaxClientConfig from(BitMaxSourceConfig config) {
        Duration reconnectMin = Duration.ofMillis(config.reconnectBackoffMs());
        Duration reconnectMax = Duration.ofMillis(Math.max(config.reconnectBackoffMs(), config.reconnectBackoffMaxMs()));
        BitMaxClientConfig.Builder builder = BitMaxClientConfig.builder()
                .restUrl(config.restUrl())
                .wsUrl(config.wsUrl())
                .wsSignedPath(config.wsSignedPath())
                .restKeyEncoding(KeyEncoding.parse(config.restKeyEncoding()))
                .wsKeyEncoding(KeyEncoding.parse(config.wsKeyEncoding()))
                .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                .readTimeout(Duration.ofMillis(config.requestTimeoutMs()))
                .callTimeout(Duration.ofMillis(config.requestTimeoutMs()))
                .wsRequestTimeout(Duration.ofMillis(config.requestTimeoutMs()))
                .reconnectBackoff(reconnectMin, reconnectMax)
                // A first session later than this is logged; the stream keeps trying and the task keeps running.
                .wsConnectDeadline(Duration.ofMillis(config.connectTimeoutMs()))
                // The task's own queue is the bounded buffer that matters; the client's waits for it.
                .listenerBufferSize(Math.max(64, Math.min(config.queueCapacity(), 10_000)))
                .overflowPolicy(BitMaxClientConfig.OverflowPolicy.BLOCK);
        if (config.hasCredentials()) {
            builder.credentials(config.apiKey(), config.apiSecret().value());
        }
        return builder.build();
    }
}
