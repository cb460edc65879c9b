package dev.bitmaxconnect.simulator.engine;

import java.util.List;

/** A candle as it stands: prices in ticks, volume in lots. */
public record Bar(String interval, long start, long open, long high, long low, long close, long volumeLots) {

    /** The bar intervals the simulator streams, as the channel names them. */
    public static final List<String> INTERVALS = List.of("1", "5", "15", "30", "60", "120", "240", "360", "720", "1d");
}
