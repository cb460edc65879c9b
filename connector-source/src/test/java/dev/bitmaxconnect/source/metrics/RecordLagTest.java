package dev.bitmaxconnect.source.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordLagTest {

    private final SourceTaskMetrics metrics = new SourceTaskMetrics();
    private final RecordLag lag = new RecordLag(metrics, 1_000, "record.lag.warn.ms", 60_000);

    @Test
    void recordsWithinTheThresholdAreNoWarning() {
        lag.record(10_000, 11_000);
        assertThat(lag.warnIfBehind(11_000)).isFalse();
    }

    @Test
    void aLagPastTheThresholdWarnsOncePerIntervalHoweverManyRecordsPassIt() {
        lag.record(10_000, 11_001);
        lag.record(10_000, 15_000);
        assertThat(lag.warnIfBehind(15_000)).isTrue();

        lag.record(20_000, 30_000);
        assertThat(lag.warnIfBehind(30_000)).isFalse();
        assertThat(lag.warnIfBehind(74_999)).isFalse();
        assertThat(lag.warnIfBehind(75_000)).as("the records over it since the last line are still reported").isTrue();
        assertThat(lag.warnIfBehind(200_000)).as("nothing over the threshold since the last line").isFalse();
    }
}
