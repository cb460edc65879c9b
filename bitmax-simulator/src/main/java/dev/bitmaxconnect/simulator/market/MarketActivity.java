package dev.bitmaxconnect.simulator.market;

import dev.bitmaxconnect.simulator.Faults;
import dev.bitmaxconnect.simulator.engine.Exchange;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in traders: one thread drives the seeded random walk at a set number of public messages per second.
 * The walk's random draws do not depend on timing or client orders, so a seed always gives the same sequence.
 */
public final class MarketActivity implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketActivity.class);

    private final Exchange exchange;
    private final SyntheticMarketData synthetic;
    private final Faults.Effects faults;
    private final int rate;
    private final Random walk;
    private final long stepsPerPricingTick;
    private volatile boolean running = true;
    private Thread thread;

    /** {@code synthetic}: when not null, publishes its messages instead of walking the market. */
    public MarketActivity(Exchange exchange, SyntheticMarketData synthetic, Faults.Effects faults, int rate, long seed) {
        this.exchange = exchange;
        this.synthetic = synthetic;
        this.faults = faults;
        this.rate = rate;
        this.walk = new Random(seed);
        // pricing data and bars about five times a second, whatever the rate (at least every 10 steps)
        this.stepsPerPricingTick = Math.max(10, rate / 10);
    }

    public void start() {
        if (rate <= 0) {
            return;
        }
        thread = new Thread(this, "bitmax-simulator-market");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long produced = 0;
        long steps = 0;
        long start = System.nanoTime();
        long burst = Math.max(1, rate / 200);
        try {
            while (running) {
                if (faults.marketDataPaused()) {
                    LockSupport.parkNanos(5_000_000L);
                    start = System.nanoTime();
                    produced = 0;
                    continue;
                }
                long due = (System.nanoTime() - start) / 1000 * rate / 1_000_000L;
                if (produced >= due) {
                    LockSupport.parkNanos(Math.min(1_000_000L, Math.max(50_000L, 1_000_000_000L / rate)));
                    continue;
                }
                if (due - produced > rate) {
                    produced = due - rate; // never try to catch up more than one second
                }
                for (long i = 0; i < burst && produced < due && running && !faults.marketDataPaused(); i++) {
                    long now = System.currentTimeMillis();
                    produced += synthetic != null ? synthetic.step(now) : exchange.marketStep(walk, now);
                    if (synthetic == null && ++steps % stepsPerPricingTick == 0) {
                        produced += exchange.pricingTick(walk, now);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Market activity stopped: {}", e.toString(), e);
        }
    }
}
