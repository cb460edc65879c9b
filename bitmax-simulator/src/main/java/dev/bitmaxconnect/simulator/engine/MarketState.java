package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;

/** Mark price, index price and funding of one contract; written by the market thread, read anywhere. */
public final class MarketState {

    volatile BigDecimal markPrice;
    volatile BigDecimal indexPrice;
    volatile BigDecimal fundingRate = new BigDecimal("0.0001");
    volatile long nextFundingTime;
    volatile long time;
    /** A mark price set through the Java or admin API; the random walk does not move it while set. */
    volatile BigDecimal pinnedMark;

    MarketState(BigDecimal initial, long now) {
        this.markPrice = initial;
        this.indexPrice = initial;
        this.time = now;
        this.nextFundingTime = nextFunding(now);
    }

    public BigDecimal markPrice() {
        return markPrice;
    }

    public BigDecimal indexPrice() {
        return indexPrice;
    }

    public BigDecimal fundingRate() {
        return fundingRate;
    }

    public long nextFundingTime() {
        return nextFundingTime;
    }

    /** When the prices were last set. */
    public long time() {
        return time;
    }

    static long nextFunding(long now) {
        long eightHours = 8 * 3600_000L;
        return (now / eightHours + 1) * eightHours;
    }
}
