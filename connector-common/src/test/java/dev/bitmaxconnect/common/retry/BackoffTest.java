package dev.bitmaxconnect.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialWaitWithJitterDownToHalf() {
        Backoff backoff = new Backoff(100, 10_000);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delayMillis(1)).isBetween(50L, 100L);
            assertThat(backoff.delayMillis(2)).isBetween(100L, 200L);
            assertThat(backoff.delayMillis(4)).isBetween(400L, 800L);
        }
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        Backoff backoff = new Backoff(100, 2_000);
        for (int retry : new int[] {6, 30, 63, 64, 1_000, Integer.MAX_VALUE}) {
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delayMillis(retry)).isBetween(1_000L, 2_000L);
            }
        }
        assertThat(new Backoff(Long.MAX_VALUE / 2, Long.MAX_VALUE).delayMillis(3)).isPositive();
        assertThat(new Backoff(500, 100).delayMillis(1)).isBetween(50L, 100L);
    }

    @Test
    void jitterSpreadsTheWaits() {
        Backoff backoff = new Backoff(1_000, 60_000);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(backoff.delayMillis(1));
        }
        assertThat(seen).hasSizeGreaterThan(10);
    }

    @Test
    void aWaitIsAlwaysAtLeastOneMillisecond() {
        assertThat(new Backoff(1, 1).delayMillis(1)).isEqualTo(1L);
    }

    @Test
    void refusesWaitsBelowOneMillisecond() {
        assertThatThrownBy(() -> new Backoff(0, 10)).hasMessageContaining("initialMs").hasMessageContaining("0");
        assertThatThrownBy(() -> new Backoff(10, -1)).hasMessageContaining("maxMs").hasMessageContaining("-1");
    }
}
