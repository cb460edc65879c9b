package dev.bitmaxconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.Book;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.testsupport.ConnectCluster;

/**
 * Every record of the book topic holds the top levels of the simulator's book at its seqnum: two symbols trading
 * while the WebSocket is dropped and messages are lost to a full queue, with the book channel on and depth not
 * listed (the book opens the depth subscription itself).
 */
class BookChannelIT {
    private static final Logger log = LoggerFactory.getLogger(BookChannelIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "bookch.book";
    private static final int LEVELS = 5;
    private static final List<String> SYMBOLS = List.of("BTC-PERP", "ETH-PERP");

    @Test
    void everyBookRecordIsTheExchangesTopLevelsAtItsSeqnum() throws Exception {
        bookThroughDropsAndLosses(false);
    }

    @Test
    void theSameWithExactlyOnceSource() throws Exception {
        bookThroughDropsAndLosses(true);
    }

    private static void bookThroughDropsAndLosses(boolean exactlyOnce) throws Exception {
        try (ConnectCluster cluster = ConnectCluster.builder("book-channel-it")
                .values(ConnectCluster.Values.JSON_WITH_SCHEMAS)
                .exactlyOnceSource(exactlyOnce)
                .simulator(BitMaxSimulator.builder().seed(7).marketDataRate(400))
                .start()) {
            Map<String, String> config = SourceTestConfig.connector(cluster, "bookch", "book");
            config.put("tasks.max", "1");
            config.put("book.levels", String.valueOf(LEVELS));
            config.put("book.interval.ms", "100");
            config.put("queue.capacity", "20");
            config.put("queue.full.behavior", "drop");
            if (exactlyOnce) {
                config.put("exactly.once.support", "required");
            }
            cluster.connect.kafka().createTopic(TOPIC, 2);
            cluster.startConnector("bookch", config, 1);
            cluster.records(TOPIC, 20, WAIT);

            for (int drop = 0; drop < 3; drop++) {
                cluster.simulator.faults().dropAllConnections();
                int seen = cluster.all(TOPIC).size();
                await().atMost(WAIT).until(() -> cluster.all(TOPIC).size() > seen + 20);
            }
            cluster.connect.deleteConnector("bookch");

            List<ConsumerRecord<String, JsonNode>> records = cluster.all(TOPIC);
            Map<String, Integer> perSymbol = new HashMap<>();
            Map<String, Long> lastSeqnum = new HashMap<>();
            List<String> mismatches = new ArrayList<>();
            int notIncreasing = 0;
            for (ConsumerRecord<String, JsonNode> record : records) {
                JsonNode value = record.value().get("payload");
                String symbol = value.get("symbol").asText();
                long seqnum = value.get("seqnum").asLong();
                assertThat(record.key()).isEqualTo(symbol);
                assertThat(new String(record.headers().lastHeader("bitmax.channel").value())).contains("book");
                perSymbol.merge(symbol, 1, Integer::sum);
                Long previous = lastSeqnum.put(symbol, seqnum);
                notIncreasing += previous != null && seqnum <= previous ? 1 : 0;
                compare(symbol, seqnum, value, cluster.simulator.groundTruth(), mismatches);
            }
            log.info("Book records (exactly-once {}): {} by symbol, {} mismatches", exactlyOnce, perSymbol,
                    mismatches.size());
            assertThat(mismatches).as("book records that differ from the exchange's top levels").isEmpty();
            assertThat(perSymbol.keySet()).containsExactlyInAnyOrderElementsOf(SYMBOLS);
            assertThat(perSymbol.values()).allSatisfy(count -> assertThat(count).isGreaterThan(0));
            assertThat(notIncreasing).as("book records not above the symbol's previous seqnum").isZero();
        }
    }

    private static void compare(String symbol, long seqnum, JsonNode value, GroundTruth truth, List<String> mismatches) {
        Optional<Book> expected = truth.bookAt(symbol, seqnum);
        assertThat(expected).as("ground truth of %s at %d", symbol, seqnum).isPresent();
        List<String> expectedAsks = top(expected.get().asks());
        List<String> expectedBids = top(expected.get().bids());
        List<String> asks = levels(value.get("asks"));
        List<String> bids = levels(value.get("bids"));
        if (!asks.equals(expectedAsks) || !bids.equals(expectedBids)) {
            mismatches.add(symbol + " at " + seqnum + ": asks " + asks + " bids " + bids + ", expected asks "
                    + expectedAsks + " bids " + expectedBids);
        }
    }

    private static List<String> top(NavigableMap<BigDecimal, BigDecimal> side) {
        List<String> levels = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> level : side.entrySet()) {
            if (levels.size() == LEVELS) {
                break;
            }
            levels.add(level.getKey().toPlainString() + ":" + level.getValue().toPlainString());
        }
        return levels;
    }

    /** Levels written in decimal mode string, as text without trailing zeros. */
    private static List<String> levels(JsonNode side) {
        List<String> levels = new ArrayList<>();
        for (JsonNode level : side) {
            levels.add(plain(level.get("price").asText()) + ":" + plain(level.get("size").asText()));
        }
        return levels;
    }

    private static String plain(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }
}
