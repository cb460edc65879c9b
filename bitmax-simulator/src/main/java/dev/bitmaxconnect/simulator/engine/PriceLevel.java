package dev.bitmaxconnect.simulator.engine;

/** The lots resting at one price of one side of a book (0 when the level is gone). */
public record PriceLevel(long priceTicks, long lots) {
}
