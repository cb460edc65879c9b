package dev.bitmaxconnect.sink.result;

import java.util.Locale;

/** The outcome of one command. */
public enum ResultStatus {
    /** The exchange accepted the request. */
    ACCEPTED,
    /** The sink or the exchange refused the command; nothing was executed. */
    REJECTED,
    /** The command could not be carried out (retries exhausted, exchange unreachable); nothing is known to be executed. */
    FAILED,
    /** The exchange already holds what the command asks for (sent before an ambiguous outcome or a restart). */
    DUPLICATE,
    /** Not sent on purpose: dry run, trading switch off. */
    SKIPPED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The status as results and metrics write it: the name in lower case. */
    public String wireName() {
        return wireName;
    }

    /** Whether the outcome is an error for Connect's error handling (dead letter queue, tolerance). */
    public boolean isError() {
        return this == REJECTED || this == FAILED;
    }
}
