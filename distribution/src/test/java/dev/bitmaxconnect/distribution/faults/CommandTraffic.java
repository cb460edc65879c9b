package dev.bitmaxconnect.distribution.faults;

import static dev.bitmaxconnect.distribution.PluginSetup.sendCommand;

import dev.bitmaxconnect.distribution.Commands;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes small market orders to the sink's command topic at a steady pace on a background thread, alternating
 * buy and sell on two contracts so the account's positions stay small, and remembers every id it wrote.
 */
final class CommandTraffic implements AutoCloseable {

    private final ConnectCluster cluster;
    private final String topic;
    private final String idPrefix;
    private final long intervalMillis;
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    CommandTraffic(ConnectCluster cluster, String topic, String idPrefix, int commandsPerSecond) {
        this.cluster = cluster;
        this.topic = topic;
        this.idPrefix = idPrefix;
        this.intervalMillis = Math.max(1, 1000 / commandsPerSecond);
        thread = new Thread(this::run, "command-traffic-" + idPrefix);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                send();
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Writes one command now and returns its id. */
    String send() {
        int i = next.getAndIncrement();
        String id = idPrefix + i;
        boolean btc = i % 2 == 0;
        String side = (i / 2) % 2 == 0 ? "Buy" : "Sell";
        sendCommand(cluster, topic, Commands.market(id, btc ? "BTC-PERP" : "ETH-PERP", side, btc ? "0.001" : "0.01"));
        ids.add(id);
        return id;
    }

    /** Writes {@code count} commands at once, as fast as the producer takes them (a batch for the sink). */
    void burst(int count) {
        for (int i = 0; i < count; i++) {
            send();
        }
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        if (failure != null) {
            throw failure;
        }
    }
}
