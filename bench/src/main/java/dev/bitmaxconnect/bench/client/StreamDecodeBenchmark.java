package dev.bitmaxconnect.bench.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding the busy WebSocket messages (depth, trades, futures-order) into typed records, against the
 * floor: a bare Jackson streaming walk over the same text that visits every token and reads nothing. Both
 * start from a {@code String}, as production does: OkHttp hands the stream each text frame as one.
 * Target: {@code decode} throughput at least half of {@code jacksonWalkFloor}.
 *
 * <p>Run: {@code java -cp <classpath> org.openjdk.jmh.Main StreamDecodeBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamDecodeBenchmark {
    /** A depth update with 10 levels a side, as the exchange sends them under load. */
    static final String DEPTH = depth(10);
    /** The reference's trade message, with three trades. */
    static final String TRADES = "{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":["
        + "{\"p\":\"0.068600\",\"q\":\"100.000\",\"ts\":1573069903254,\"bm\":false,\"seqnum\":144115188077966308},"
        + "{\"p\":\"0.068650\",\"q\":\"12.500\",\"ts\":1573069903255,\"bm\":true,\"seqnum\":144115188077966309},"
        + "{\"p\":\"0.068700\",\"q\":\"3.000\",\"ts\":1573069903257,\"bm\":false,\"seqnum\":144115188077966315}]}";
    /** The reference's futures-order message. */
    static final String ORDER = "{\"m\":\"futures-order\",\"sn\":127,\"e\":\"ExecutionReport\",\"a\":\"sample-futures-account-id\","
        + "\"ac\":\"FUTURES\",\"t\":1606335352348,\"ct\":1606335351541,\"orderId\":\"a176010c4957U68469127074abcd1234\","
        + "\"sd\":\"Buy\",\"ot\":\"Limit\",\"q\":\"0.1\",\"p\":\"18000\",\"sp\":\"0\",\"spb\":\"\",\"s\":\"BTC-PERP\",\"st\":\"New\","
        + "\"lp\":\"0\",\"lq\":\"0\",\"ap\":\"0\",\"cfq\":\"0\",\"f\":\"0\",\"cf\":\"0\",\"fa\":\"USDT\",\"ei\":\"NULL_VAL\",\"err\":\"\"}";

    @Param({"depth", "trades", "futures-order"})
    public String message;

    private String text;
    private StreamMessageDecoder decoder;
    private JsonFactory factory;

    @Setup(Level.Trial)
    public void setUp() {
        String json = switch (message) {
            case "depth" -> DEPTH;
            case "trades" -> TRADES;
            case "futures-order" -> ORDER;
            default -> throw new IllegalArgumentException("unknown message " + message);
        };
        text = json;
        decoder = new StreamMessageDecoder();
        factory = new JsonFactory();
        StreamMessage decoded = decoder.decode(text);
        if (decoded instanceof StreamMessage.Unknown) {
            throw new IllegalStateException("benchmark message does not decode: " + json);
        }
    }

    /** The client's decoder on the path the stream takes: a text frame to a typed record with BigDecimal prices. */
    @Benchmark
    public StreamMessage decode() {
        return decoder.decode(text);
    }

    /** The floor: every token of the same text, nothing read or built. */
    @Benchmark
    public void jacksonWalkFloor(Blackhole bh) throws IOException {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                bh.consume(t);
            }
        }
    }

    static String depth(int levels) {
        StringBuilder sb = new StringBuilder("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1573069021376,"
            + "\"seqnum\":2097965,\"asks\":[");
        for (int i = 0; i < levels; i++) {
            sb.append(i == 0 ? "" : ",").append("[\"").append(34000 + i).append(".25\",\"").append(i + 1).append(".0150\"]");
        }
        sb.append("],\"bids\":[");
        for (int i = 0; i < levels; i++) {
            sb.append(i == 0 ? "" : ",").append("[\"").append(33999 - i).append(".75\",\"").append(i * 7 + 2).append(".3\"]");
        }
        return sb.append("]}}").toString();
    }
}
