package dev.bitmaxconnect.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void threadsAreDaemonsNamedAsGiven() {
        Thread thread = DaemonThreads.named("orders%d-contracts-0").newThread(() -> { });

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("orders%d-contracts-0");
    }
}
