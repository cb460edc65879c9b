package dev.bitmaxconnect.bench.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import dev.bitmaxconnect.simulator.BitMaxSimulator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The source benchmark's relay: the same feed into Kafka with nothing in between. {@code sockets} WebSockets, each
 * with a producer of its own, the subscriptions (trades and depth of BTC-PERP and ETH-PERP) spread over them as the
 * connector spreads them over its tasks; every frame sent as it is (bytes) to one topic; latency from the frame's
 * exchange time to its append time.
 */
final class Relay {

    private static final List<String> SUBSCRIPTIONS = List.of("trades:BTC-PERP", "trades:ETH-PERP", "depth:BTC-PERP",
            "depth:ETH-PERP");

    private Relay() {
    }

    /** A relay run of {@code seconds} after {@code warmup}, fed by a simulator at {@code rate} messages a second. */
    static RunResult run(EmbeddedConnectCluster connect, String topic, int rate, BitMaxSimulator.Builder simulatorBuilder,
            int seconds, int warmup, int sockets, Supplier<Map<String, Object>> producerProps) throws Exception {
        connect.kafka().createTopic(topic, 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        OkHttpClient http = new OkHttpClient();
        List<KafkaProducer<byte[], byte[]>> producers = new ArrayList<>();
        List<WebSocket> webSockets = new ArrayList<>();
        try (BitMaxSimulator simulator = simulatorBuilder.build().start()) {
            for (int s = 0; s < sockets; s++) {
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps.get());
                producers.add(producer);
                producer.partitionsFor(topic);
                webSockets.add(socket(http, simulator, topic, producer, s, sockets));
            }
            MeasuredWindow window = MeasuredWindow.measure(warmup, seconds);
            webSockets.forEach(socket -> socket.close(1000, "done"));
            producers.forEach(KafkaProducer::flush);
            AppendedRecords appended = AppendedRecords.read(connect.kafka().bootstrapServers(), List.of(topic), "ts",
                    window.start(), window.end());
            return new RunResult(rate, appended.inWindow(), seconds, appended.sortedLatencies(), window.cpuNanos(),
                    window.threads());
        } finally {
            producers.forEach(KafkaProducer::close);
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** One socket: subscribed to every {@code sockets}-th subscription from {@code index}, frames to {@code producer}. */
    private static WebSocket socket(OkHttpClient http, BitMaxSimulator simulator, String topic,
            KafkaProducer<byte[], byte[]> producer, int index, int sockets) throws InterruptedException {
        CountDownLatch open = new CountDownLatch(1);
        WebSocket socket = http.newWebSocket(new Request.Builder().url(simulator.wsUrl() + "/api/pro/v2/stream").build(),
                new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket webSocket, Response response) {
                        open.countDown();
                    }

                    @Override
                    public void onMessage(WebSocket webSocket, String text) {
                        if (text.startsWith("{\"m\":\"trades\"") || text.startsWith("{\"m\":\"depth\"")) {
                            producer.send(new ProducerRecord<>(topic, text.getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                });
        open.await(10, TimeUnit.SECONDS);
        for (int i = index; i < SUBSCRIPTIONS.size(); i += sockets) {
            socket.send("{\"op\":\"sub\",\"id\":\"" + (i + 1) + "\",\"ch\":\"" + SUBSCRIPTIONS.get(i) + "\"}");
        }
        return socket;
    }
}
