package dev.bitmaxconnect.simulator.engine;

import java.util.function.Consumer;

/**
 * Where a {@code depth-snapshot} request is answered from: the book behind the depth messages sent, so that the
 * answer and the later updates agree (the matching engine's book, or the synthetic feed's).
 */
public interface DepthSnapshotSource {

    /**
     * Hands the whole book of {@code symbol}, with the seqnum of its last depth change, to {@code use}, holding what
     * orders the depth messages so that whatever {@code use} sends reaches its reader before any later change; false
     * for an unknown symbol.
     */
    boolean withDepthSnapshot(String symbol, long now, Consumer<Depth> use);
}
