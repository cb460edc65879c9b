package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.common.retry.Backoff;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.result.ResultStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Failures that last longer than a request stays valid (30 s): the sink must not move to a new request time
 * (a new orderId) while it cannot ask whether the first copy landed, and must move to one when no copy can have.
 */
class SlowExchangeIT {

    @Test
    void answersLaterThanTheTimeoutForLongerThanARequestLivesPlaceOneOrder() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).build().start();
             BitMaxRestClient rest = new BitMaxRestClient(BitMaxClientConfig.builder().restUrl(sim.restUrl())
                     .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                     .callTimeout(Duration.ofMillis(500)).build());
             SinkMetrics metrics = new SinkMetrics("slow-exchange-test", "0")) {
            rest.accountInfo(); // account group and userUID, before the exchange slows down
            OrderExecutor executor = new OrderExecutor(
                    new OrderExecutor.Exchange(rest, null, 1_000, SimulatorDefaults.USER_UID, 100),
                    new Retrier(100, new Backoff(500, 2_000), 60_000), metrics, Clock.systemUTC());
            OrderCommand command = new OrderCommandParser().parse("{\"action\":\"place\",\"id\":\"slowexchange01\","
                    + "\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"20000\","
                    + "\"orderQty\":\"0.01\"}");

            sim.faults().delayResponses(Duration.ofSeconds(1));
            scheduler.schedule(() -> sim.faults().delayResponses(Duration.ZERO), 34, TimeUnit.SECONDS);
            OrderExecutor.Sent sent = executor.place(
                    List.of(new OrderExecutor.PlaceItem("slowexchange01", ((OrderCommand.Place) command).order())), false);

            ItemOutcome outcome = sent.items().get(0);
            assertThat(sim.groundTruth().acceptedOrdersWithClientId("slowexchange01")).hasSize(1);
            assertThat(outcome.status()).as("%s", outcome).isEqualTo(ResultStatus.DUPLICATE);
            assertThat(outcome.orderId())
                    .isEqualTo(sim.groundTruth().acceptedOrdersWithClientId("slowexchange01").get(0).orderId());
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void refusalsThatCannotHaveLandedForLongerThanARequestLivesEndInOneOrderNotAStaleRefusal() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).build().start();
             BitMaxRestClient rest = new BitMaxRestClient(BitMaxClientConfig.builder().restUrl(sim.restUrl())
                     .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                     .maxRetriesOn429(0).build());
             SinkMetrics metrics = new SinkMetrics("rate-limited-test", "0")) {
            rest.accountInfo();
            OrderExecutor executor = new OrderExecutor(
                    new OrderExecutor.Exchange(rest, null, 1_000, SimulatorDefaults.USER_UID, 100),
                    new Retrier(100, new Backoff(500, 2_000), 60_000), metrics, Clock.systemUTC());
            OrderCommand command = new OrderCommandParser().parse("{\"action\":\"place\",\"id\":\"ratelimited01\","
                    + "\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"20000\","
                    + "\"orderQty\":\"0.01\"}");

            // 429s change nothing at the exchange: once they end, past the request's 30 s, a new time is safe.
            sim.faults().failNextRestRequests(1_000_000, 429, 100101);
            scheduler.schedule(() -> sim.faults().reset(), 32, TimeUnit.SECONDS);
            OrderExecutor.Sent sent = executor.place(
                    List.of(new OrderExecutor.PlaceItem("ratelimited01", ((OrderCommand.Place) command).order())), false);

            ItemOutcome outcome = sent.items().get(0);
            assertThat(outcome.status()).as("%s", outcome).isEqualTo(ResultStatus.ACCEPTED);
            assertThat(sim.groundTruth().acceptedOrdersWithClientId("ratelimited01")).hasSize(1);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
