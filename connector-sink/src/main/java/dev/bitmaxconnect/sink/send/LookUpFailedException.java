package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxException;

/** The exchange could not tell where an order is: its look-up kept failing or was refused. */
public final class LookUpFailedException extends RuntimeException {

    private final transient BitMaxException failure;
    private final boolean refused;

    LookUpFailedException(BitMaxException failure, boolean refused) {
        super(failure.getMessage(), failure);
        this.failure = failure;
        this.refused = refused;
    }

    /** The last failure of the look-up. */
    public BitMaxException failure() {
        return failure;
    }

    /** Whether the exchange refused the look-up (an API error not worth retrying) rather than kept failing. */
    public boolean refused() {
        return refused;
    }
}
