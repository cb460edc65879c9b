package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code depth-snapshot} is the book at its seqnum, and the depth updates after it rebuild the ground truth. */
class DepthSnapshotIT {

    @Test
    void snapshotAndLaterUpdatesRebuildTheGroundTruthAtEverySeqnum() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().seed(11).marketDataRate(600).build().start();
             WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.send(Map.of("op", "sub", "id", "d", "ch", "depth:ETH-PERP"));
            ws.awaitM("sub");
            ws.send(Map.of("op", "req", "action", "depth-snapshot", "args", Map.of("symbol", "ETH-PERP")));
            List<JsonNode> messages = ws.collect(n -> n.path("m").asText().startsWith("depth"), Duration.ofSeconds(3));

            TreeMap<BigDecimal, BigDecimal> asks = null;
            TreeMap<BigDecimal, BigDecimal> bids = null;
            long snapshotSeqnum = -1;
            int compared = 0;
            for (JsonNode message : messages) {
                JsonNode data = message.path("data");
                long seqnum = data.path("seqnum").asLong();
                if (message.path("m").asText().equals("depth-snapshot")) {
                    asks = new TreeMap<>();
                    bids = new TreeMap<>(Collections.reverseOrder());
                    snapshotSeqnum = seqnum;
                } else if (asks == null || seqnum <= snapshotSeqnum) {
                    continue; // before the snapshot, or already in it
                }
                apply(data.path("asks"), asks);
                apply(data.path("bids"), bids);
                Book truth = sim.groundTruth().bookAt("ETH-PERP", seqnum).orElseThrow();
                assertThat(asks).as("asks at %d", seqnum).isEqualTo(truth.asks());
                assertThat(bids).as("bids at %d", seqnum).isEqualTo(truth.bids());
                compared++;
            }
            assertThat(snapshotSeqnum).isPositive();
            assertThat(compared).as("snapshot and updates compared").isGreaterThan(10);
        }
    }

    @Test
    void theSyntheticFeedAnswersWithItsOwnBookAndSeqnum() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(500).syntheticMarketData(true).build().start();
             WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.send(Map.of("op", "sub", "id", "d", "ch", "depth:BTC-PERP"));
            ws.awaitM("sub");
            ws.send(Map.of("op", "req", "action", "depth-snapshot", "args", Map.of("symbol", "BTC-PERP")));
            JsonNode snapshot = ws.awaitM("depth-snapshot");
            long seqnum = snapshot.path("data").path("seqnum").asLong();
            JsonNode next = ws.await(n -> n.path("m").asText().equals("depth")
                    && n.path("data").path("seqnum").asLong() > seqnum, Duration.ofSeconds(10));
            assertThat(next.path("data").path("seqnum").asLong()).isLessThanOrEqualTo(seqnum + 2);
            assertThat(snapshot.path("data").path("asks")).isEqualTo(next.path("data").path("asks"));
            assertThat(snapshot.path("data").path("bids")).isEqualTo(next.path("data").path("bids"));
        }
    }

    @Test
    void aSnapshotCappedAtNLevelsIsTheTopOfTheBookAtItsSeqnum() throws Exception {
        int levels = 3;
        try (BitMaxSimulator sim = BitMaxSimulator.builder().seed(11).marketDataRate(300).depthSnapshotLevels(levels)
                .build().start();
             WsTestClient ws = WsTestClient.connect(sim.wsUrl() + "/api/pro/v2/stream")) {
            ws.send(Map.of("op", "sub", "id", "d", "ch", "depth:BTC-PERP"));
            ws.awaitM("sub");
            ws.send(Map.of("op", "req", "action", "depth-snapshot", "args", Map.of("symbol", "BTC-PERP")));
            JsonNode data = ws.awaitM("depth-snapshot").path("data");

            Book truth = sim.groundTruth().bookAt("BTC-PERP", data.path("seqnum").asLong()).orElseThrow();
            assertThat(truth.asks()).as("the whole book is deeper than the snapshot").hasSizeGreaterThan(levels);
            assertThat(truth.bids()).hasSizeGreaterThan(levels);
            TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
            TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
            apply(data.path("asks"), asks);
            apply(data.path("bids"), bids);
            assertThat(data.path("asks")).hasSize(levels);
            assertThat(data.path("bids")).hasSize(levels);
            assertThat(asks).isEqualTo(top(truth.asks(), levels));
            assertThat(bids).isEqualTo(top(truth.bids(), levels));
            assertThat(new BigDecimal(data.path("asks").get(0).get(0).asText())).isEqualByComparingTo(truth.asks().firstKey());
            assertThat(new BigDecimal(data.path("bids").get(0).get(0).asText())).isEqualByComparingTo(truth.bids().firstKey());
        }
    }

    private static Map<BigDecimal, BigDecimal> top(Map<BigDecimal, BigDecimal> side, int levels) {
        Map<BigDecimal, BigDecimal> top = new TreeMap<>();
        side.entrySet().stream().limit(levels).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    @Test
    void historyIsBoundedAndOlderSeqnumsAreRefused() {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().seed(3).marketDataRate(400).bookHistory(5).build().start()) {
            long first = sim.groundTruth().lastDepthSeqnum("BTC-PERP");
            assertThat(sim.groundTruth().bookAt("BTC-PERP", first)).get()
                    .satisfies(book -> assertThat(book.asks()).isNotEmpty());
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.groundTruth().bookAt("BTC-PERP", first).isEmpty());
            long last = sim.groundTruth().lastDepthSeqnum("BTC-PERP");
            assertThat(sim.groundTruth().bookAt("BTC-PERP", last)).get()
                    .satisfies(book -> assertThat(book.bids()).isNotEmpty());
            assertThat(sim.groundTruth().bookAt("NO-PERP", last)).isEmpty();
        }
    }

    private static void apply(JsonNode levels, Map<BigDecimal, BigDecimal> side) {
        for (JsonNode level : levels) {
            BigDecimal price = new BigDecimal(level.get(0).asText()).stripTrailingZeros();
            BigDecimal size = new BigDecimal(level.get(1).asText()).stripTrailingZeros();
            if (size.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, size);
            }
        }
    }
}
