package dev.bitmaxconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitmaxconnect.book.DepthBook;
import dev.bitmaxconnect.book.DepthBooks;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.Book;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.testsupport.ConnectCluster;

/**
 * The order book rebuilt from the depth topic alone, with {@link DepthBook}, equals the simulator's book at the same
 * seqnum: two symbols trading while the WebSocket is dropped, messages are lost to a full queue and the task restarts.
 */
class DepthBookRebuildIT {
    private static final Logger log = LoggerFactory.getLogger(DepthBookRebuildIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "book.depth";
    /** Every snapshot, the update after it, and every n-th update are compared with the ground truth. */
    private static final int SAMPLE_EVERY = 10;

    @Test
    void theBookFromTheTopicEqualsTheExchangesAtEverySampledSeqnum() throws Exception {
        rebuildThroughDropsLossesAndARestart(false);
    }

    @Test
    void theSameWithExactlyOnceSource() throws Exception {
        rebuildThroughDropsLossesAndARestart(true);
    }

    private static void rebuildThroughDropsLossesAndARestart(boolean exactlyOnce) throws Exception {
        try (ConnectCluster cluster = ConnectCluster.builder("depth-book-it")
                .values(ConnectCluster.Values.JSON_WITH_SCHEMAS)
                .exactlyOnceSource(exactlyOnce)
                .simulator(BitMaxSimulator.builder().seed(5).marketDataRate(400))
                .start()) {
            Map<String, String> config = SourceTestConfig.connector(cluster, "book", "depth");
            config.put("tasks.max", "1");
            config.put("decimal.handling.mode", "precise");
            config.put("queue.capacity", "20");
            config.put("queue.full.behavior", "drop");
            if (exactlyOnce) {
                config.put("exactly.once.support", "required");
            }
            cluster.connect.kafka().createTopic(TOPIC, 2);
            cluster.startConnector("book", config, 1);
            cluster.records(TOPIC, 200, WAIT);

            for (int drop = 0; drop < 3; drop++) {
                cluster.simulator.faults().dropAllConnections();
                int seen = cluster.all(TOPIC).size();
                await().atMost(WAIT).until(() -> cluster.all(TOPIC).size() > seen + 200);
            }
            cluster.connect.restartTask("book", 0);
            cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("book", 1, "no restart");
            int seen = cluster.all(TOPIC).size();
            await().atMost(WAIT).until(() -> cluster.all(TOPIC).size() > seen + 300);
            cluster.connect.deleteConnector("book");

            Replay replay = replay(cluster.all(TOPIC), cluster.simulator.groundTruth());
            log.info("Depth book rebuilt from {} records (exactly-once {}): {} samples, {} snapshots, {} gaps, "
                    + "{} mismatches", replay.records, exactlyOnce, replay.samples, replay.snapshots, replay.gaps,
                    replay.mismatches.size());
            assertThat(replay.mismatches).as("books that differ from the exchange's").isEmpty();
            assertThat(replay.samples).isGreaterThan(100);
            // a snapshot per symbol at the start, after each of 3 drops and after the restart
            assertThat(replay.snapshots).isGreaterThanOrEqualTo(2 * 5);
            assertThat(replay.gaps).isGreaterThanOrEqualTo(2 * 3);
            assertThat(replay.gapsOnUpdates).as("gaps marked on updates rather than on the snapshot after them").isZero();
            assertThat(replay.invalidAfterFirstSnapshot).as("updates read while the book was not valid").isZero();
        }
    }

    /** What reading the topic from the beginning, partition by partition, showed. */
    private static final class Replay {
        int records;
        int samples;
        int snapshots;
        int gaps;
        int gapsOnUpdates;
        int invalidAfterFirstSnapshot;
        final List<String> mismatches = new ArrayList<>();
    }

    private static Replay replay(List<ConsumerRecord<String, JsonNode>> records, GroundTruth truth) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        Map<Integer, DepthBooks> booksByPartition = new HashMap<>();
        Map<String, Integer> sinceSample = new HashMap<>();
        Replay replay = new Replay();
        for (ConsumerRecord<String, JsonNode> record : records) {
            byte[] bytes = record.value().toString().getBytes(StandardCharsets.UTF_8);
            Struct value = (Struct) converter.toConnectData(record.topic(), bytes).value();
            boolean snapshot = DepthBook.isSnapshot(value);
            boolean gap = value.getBoolean("gapBefore");
            replay.records++;
            replay.snapshots += snapshot ? 1 : 0;
            replay.gaps += gap ? 1 : 0;
            replay.gapsOnUpdates += gap && !snapshot ? 1 : 0;
            DepthBooks books = booksByPartition.computeIfAbsent(record.partition(), p -> new DepthBooks());
            boolean hadSnapshot = books.book(record.key()).map(b -> b.seqnum() != Long.MIN_VALUE).orElse(false);
            DepthBook book = books.apply(value);
            if (!book.isValid()) {
                replay.invalidAfterFirstSnapshot += hadSnapshot ? 1 : 0;
                continue;
            }
            int since = snapshot ? 0 : sinceSample.merge(record.key(), 1, Integer::sum);
            if (snapshot || since == 1 || since % SAMPLE_EVERY == 0) {
                compare(book, truth, replay);
            }
            if (snapshot) {
                sinceSample.put(record.key(), 0);
            }
        }
        return replay;
    }

    private static void compare(DepthBook book, GroundTruth truth, Replay replay) {
        Optional<Book> expected = truth.bookAt(book.symbol(), book.seqnum());
        assertThat(expected).as("ground truth of %s at %d", book.symbol(), book.seqnum()).isPresent();
        replay.samples++;
        if (!book.asks().equals(expected.get().asks()) || !book.bids().equals(expected.get().bids())) {
            replay.mismatches.add(book + " differs from " + expected.get());
        }
    }
}
