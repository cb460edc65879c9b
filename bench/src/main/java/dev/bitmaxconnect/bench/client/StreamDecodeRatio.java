package dev.bitmaxconnect.bench.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;
import java.io.IOException;
import java.util.Arrays;

/**
 * The decode/floor ratio of {@link StreamDecodeBenchmark}, measured in alternating short bursts so that
 * both sides see the same machine load: on a shared machine the JMH figures drift between benchmarks,
 * and the median of per-round ratios does not. Run with the same classpath:
 * {@code java -cp <classpath> dev.bitmaxconnect.bench.client.StreamDecodeRatio [rounds] [burstMillis]}.
 */
public final class StreamDecodeRatio {
    private static long sink;

    private StreamDecodeRatio() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long burstNanos = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
        StreamDecodeBenchmark holder = new StreamDecodeBenchmark();
        String[][] messages = {
            {"depth", StreamDecodeBenchmark.DEPTH},
            {"trades", StreamDecodeBenchmark.TRADES},
            {"futures-order", StreamDecodeBenchmark.ORDER}};
        StreamMessageDecoder decoder = new StreamMessageDecoder();
        JsonFactory factory = new JsonFactory();
        System.out.printf("%-14s %14s %14s %8s%n", "message", "decode ops/us", "floor ops/us", "ratio");
        for (String[] m : messages) {
            String text = m[1];
            for (int i = 0; i < 5; i++) { // warm-up
                burst(() -> decode(decoder, text), burstNanos * 4);
                burst(() -> walk(factory, text), burstNanos * 4);
            }
            double[] decode = new double[rounds];
            double[] floor = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                decode[r] = burst(() -> decode(decoder, text), burstNanos);
                floor[r] = burst(() -> walk(factory, text), burstNanos);
                ratio[r] = decode[r] / floor[r];
            }
            System.out.printf("%-14s %14.3f %14.3f %8.2f%n", m[0], median(decode), median(floor), median(ratio));
        }
        if (sink == 42) {
            System.out.println(holder);
        }
    }

    interface Op {
        void run() throws IOException;
    }

    /** Operations per microsecond during one burst. */
    private static double burst(Op op, long nanos) throws IOException {
        long start = System.nanoTime();
        long end = start + nanos;
        long ops = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                op.run();
            }
            ops += 64;
            now = System.nanoTime();
        } while (now < end);
        return ops / ((now - start) / 1000.0);
    }

    private static void decode(StreamMessageDecoder decoder, String text) {
        StreamMessage m = decoder.decode(text);
        sink += m.hashCode() == 0 ? 1 : 0;
    }

    private static void walk(JsonFactory factory, String text) throws IOException {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                sink += t.ordinal() == 99 ? 1 : 0;
            }
        }
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
