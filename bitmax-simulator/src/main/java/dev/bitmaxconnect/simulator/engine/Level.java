package dev.bitmaxconnect.simulator.engine;

import java.util.ArrayDeque;

/** The orders resting at one price of one side of a book, in time priority; guarded by the engine's lock. */
final class Level {

    final long price;
    final ArrayDeque<Order> orders = new ArrayDeque<>();
    long lots;

    Level(long price) {
        this.price = price;
    }
}
