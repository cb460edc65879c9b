package dev.bitmaxconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.stream.BitMaxStream;
import dev.bitmaxconnect.client.stream.StreamChannel;
import dev.bitmaxconnect.client.stream.StreamListener;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.source.record.RecordHeaders;
import dev.bitmaxconnect.testsupport.ConnectCluster;

/**
 * {@code value.format=exchange-json} on a real worker with the StringConverter: every trades and depth record is a
 * message the exchange sent, byte for byte, with the typed records' key, timestamp and headers; across a task restart
 * no trade is written twice, and none is missing except before a record marked with a gap. What the exchange sent
 * is seen by a second WebSocket client subscribed to the same trades all along.
 */
class ExchangeJsonValuesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> SYMBOLS = List.of("BTC-PERP", "ETH-PERP");
    private static final StreamMessageDecoder DECODER = new StreamMessageDecoder();

    /** The trades frames the exchange sent, and their trades' seqnums by symbol. */
    private static final class SentTrades implements StreamListener {
        final Set<String> frames = ConcurrentHashMap.newKeySet();
        final Map<String, NavigableSet<Long>> seqnums = new ConcurrentHashMap<>();

        @Override
        public void onMessage(StreamMessage message) {
        }

        @Override
        public void onMessage(StreamMessage message, String frameText) {
            if (message instanceof StreamMessage.Trades trades) {
                frames.add(frameText);
                NavigableSet<Long> symbol = seqnums.computeIfAbsent(trades.symbol(), s -> new ConcurrentSkipListSet<>());
                trades.data().forEach(trade -> symbol.add(trade.seqnum()));
            }
        }

        long last(String symbol) {
            NavigableSet<Long> sent = seqnums.get(symbol);
            return sent == null || sent.isEmpty() ? Long.MIN_VALUE : sent.last();
        }
    }

    @Test
    void everyRecordIsAnExchangeMessageAndNoTradeIsRepeatedOrMissedAcrossARestart() throws Exception {
        SentTrades sent = new SentTrades();
        try (ConnectCluster cluster = ConnectCluster.builder("exchange-json-it")
                .simulator(BitMaxSimulator.builder().marketDataRate(300))
                .start();
             BitMaxStream reference = BitMaxStream.builder(BitMaxClientConfig.builder()
                     .wsUrl(cluster.simulator.wsUrl()).build()).publicEndpoint().listener(sent).frameText(true).build()) {
            SYMBOLS.forEach(symbol -> reference.subscribe(StreamChannel.trades(symbol)));
            reference.connect().get();
            await().atMost(WAIT).until(() -> SYMBOLS.stream().allMatch(s -> sent.last(s) != Long.MIN_VALUE));

            Map<String, String> config = SourceTestConfig.connector(cluster, "raw", "trades,depth");
            config.put("tasks.max", "1");
            config.put("value.format", "exchange-json");
            config.put("value.converter", StringConverter.class.getName());
            cluster.connect.kafka().createTopic("raw.trades", 1);
            cluster.connect.kafka().createTopic("raw.depth", 1);
            cluster.startConnector("raw", config, 1);
            cluster.records("raw.trades", 40, WAIT);

            // No wait for an offset commit: a task restarted through the REST API commits what it wrote as it stops.
            int before = cluster.all("raw.trades").size();
            cluster.connect.restartTask("raw", 0);
            cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("raw", 1, "no restart");
            await().atMost(WAIT).until(() -> cluster.all("raw.trades").size() > before + 40);
            cluster.connect.deleteConnector("raw");

            List<ConsumerRecord<byte[], byte[]>> trades = read(cluster, "raw.trades");
            Map<String, Long> lastWritten = checkTrades(trades, sent);
            await().atMost(WAIT).until(() -> lastWritten.entrySet().stream().allMatch(e -> sent.last(e.getKey()) >= e.getValue()));
            checkNoTradeMissing(trades, sent);
            checkDepth(read(cluster, "raw.depth"));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(ConnectCluster cluster, String topic) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        cluster.connect.kafka().consumeAll(Duration.ofSeconds(20).toMillis(), topic).forEach(records::add);
        return records;
    }

    /**
     * Every trades record is a frame the exchange sent, with the key, timestamp and headers of its last trade, and
     * the trades' seqnums only increase per symbol (no repeat). Returns the last seqnum written per symbol.
     */
    private static Map<String, Long> checkTrades(List<ConsumerRecord<byte[], byte[]>> records, SentTrades sent) {
        Map<String, Long> last = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            JsonNode json = ConnectCluster.json(record.value());
            assertThat(json.get("m").asText()).isEqualTo("trades");
            assertThat(DECODER.decode(text)).isInstanceOf(StreamMessage.Trades.class);
            String key = new String(record.key(), StandardCharsets.UTF_8);
            assertThat(json.get("symbol").asText()).isEqualTo(key);
            assertThat(ConnectCluster.header(record, RecordHeaders.CHANNEL)).isEqualTo("trades");
            JsonNode lastTrade = json.get("data").get(json.get("data").size() - 1);
            assertThat(ConnectCluster.header(record, RecordHeaders.SEQUENCE)).isEqualTo(lastTrade.get("seqnum").asText());
            assertThat(record.timestamp()).isEqualTo(lastTrade.get("ts").asLong());
            for (JsonNode trade : json.get("data")) {
                long seqnum = trade.get("seqnum").asLong();
                Long previous = last.put(key, seqnum);
                assertThat(previous == null || seqnum > previous).as("%s trade %d after %d", key, seqnum, previous).isTrue();
            }
            // compared last: the reference client may still be reading the newest frames
            await().atMost(WAIT).untilAsserted(() -> assertThat(sent.frames).as("a frame the exchange sent").contains(text));
        }
        return last;
    }

    /**
     * Every trade the exchange sent between a symbol's first and last record is in the topic, unless it falls before
     * a record marked with a gap (the task restarted, and messages sent meanwhile were missed).
     */
    private static void checkNoTradeMissing(List<ConsumerRecord<byte[], byte[]>> records, SentTrades sent) {
        int gaps = 0;
        for (String symbol : SYMBOLS) {
            List<long[]> spans = new ArrayList<>(); // first and last seqnum of each record
            List<Boolean> gapBefore = new ArrayList<>();
            NavigableSet<Long> written = new ConcurrentSkipListSet<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (new String(record.key(), StandardCharsets.UTF_8).equals(symbol)) {
                    JsonNode data = ConnectCluster.json(record.value()).get("data");
                    data.forEach(trade -> written.add(trade.get("seqnum").asLong()));
                    spans.add(new long[] {data.get(0).get("seqnum").asLong(), data.get(data.size() - 1).get("seqnum").asLong()});
                    gapBefore.add("true".equals(ConnectCluster.header(record, RecordHeaders.GAP)));
                }
            }
            assertThat(spans).as(symbol).hasSizeGreaterThan(10);
            long from = Math.max(spans.get(0)[0], sent.seqnums.get(symbol).first());
            for (long seqnum : sent.seqnums.get(symbol).subSet(from, true, written.last(), true)) {
                if (written.contains(seqnum)) {
                    continue;
                }
                int next = 0;
                while (spans.get(next)[0] < seqnum) {
                    next++;
                }
                assertThat(gapBefore.get(next)).as("%s trade %d is missing, and the record after it is not marked with a gap",
                        symbol, seqnum).isTrue();
                assertThat(spans.get(next - 1)[1]).isLessThan(seqnum);
            }
            gaps += (int) gapBefore.stream().filter(gap -> gap).count();
        }
        assertThat(gaps).as("the restart is marked").isPositive();
    }

    /** Each symbol's depth starts with the text of a snapshot, and its seqnums only increase. */
    private static void checkDepth(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Long> last = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode json = ConnectCluster.json(record.value());
            String key = new String(record.key(), StandardCharsets.UTF_8);
            String type = json.get("m").asText();
            assertThat(ConnectCluster.header(record, RecordHeaders.CHANNEL)).isEqualTo(type);
            assertThat(json.get("symbol").asText()).isEqualTo(key);
            long seqnum = json.get("data").get("seqnum").asLong();
            assertThat(ConnectCluster.header(record, RecordHeaders.SEQUENCE)).isEqualTo(Long.toString(seqnum));
            assertThat(record.timestamp()).isEqualTo(json.get("data").get("ts").asLong());
            Long previous = last.put(key, seqnum);
            if (previous == null) {
                assertThat(type).as("the first depth record of %s", key).isEqualTo("depth-snapshot");
            } else {
                assertThat(type).isIn("depth", "depth-snapshot");
                assertThat(seqnum).as("%s depth %d after %d", key, seqnum, previous).isGreaterThan(previous);
            }
        }
        assertThat(last).containsOnlyKeys(SYMBOLS);
    }
}
