package dev.bitmaxconnect.source.config;

import java.time.Duration;

import dev.bitmaxconnect.client.BitMaxClientConfig;

/** Builds the exchange client's settings from the connector's: the shared exchange settings, and the source's own. */
public final class ExchangeClientConfig {

    private ExchangeClientConfig() {
    }

    public static BitMaxClientConfig from(BitMaxSourceConfig config) {
        return config.clientConfig()
                // A first session later than this is logged; the stream keeps trying and the task keeps running.
                .wsConnectDeadline(Duration.ofMillis(config.connectTimeoutMs()))
                // The task's own queue is the bounded buffer that matters; the private stream's waits for it (the
                // public stream's listener runs on its reader thread, with no buffer of the client's).
                .listenerBufferSize(Math.max(64, Math.min(config.queueCapacity(), 10_000)))
                .overflowPolicy(BitMaxClientConfig.OverflowPolicy.BLOCK)
                .build();
    }
}
