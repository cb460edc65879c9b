package dev.bitmaxconnect.common.concurrent;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of the connectors' own executors: daemons, so that a worker shutting down never waits on them,
 * named so that a thread dump says whose they are.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /**
     * A factory of daemon threads named {@code name}, taken as it is: Kafka's
     * {@code ThreadUtils.createThreadFactory} reads the name as a format pattern, which a connector's name
     * holding {@code %d} would change.
     */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
