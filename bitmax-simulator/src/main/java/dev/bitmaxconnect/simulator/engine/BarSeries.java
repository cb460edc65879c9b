package dev.bitmaxconnect.simulator.engine;

/** The current candle of one symbol for one bar interval; guarded by the symbol's engine lock. */
final class BarSeries {

    final String interval;
    final long lengthMillis;
    long start = -1;
    long open;
    long high;
    long low;
    long close;
    long volumeLots;

    BarSeries(String interval) {
        this.interval = interval;
        this.lengthMillis = interval.equals("1d") ? 86_400_000L : Long.parseLong(interval) * 60_000L;
    }

    void roll(long now, long lastPriceTicks) {
        long bucket = now - Math.floorMod(now, lengthMillis);
        if (bucket != start) {
            start = bucket;
            open = high = low = close = lastPriceTicks;
            volumeLots = 0;
        }
    }

    Bar current() {
        return new Bar(interval, start, open, high, low, close, volumeLots);
    }

    void trade(long now, long priceTicks, long lots) {
        roll(now, priceTicks);
        high = Math.max(high, priceTicks);
        low = Math.min(low, priceTicks);
        close = priceTicks;
        volumeLots += lots;
    }
}
