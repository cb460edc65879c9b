package dev.bitmaxconnect.bench.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * A benchmark's per-run results as CSV, for {@link BenchPlots}: comment lines saying what was run, when and where
 * ({@code # benchmark:}, {@code # date:}, {@code # machine:}, {@code # command:}), then one row per measured run.
 * Each row is appended as soon as it is written, so a run that fails later keeps what it measured. Without an
 * output file ({@code --out} not given) it writes nothing.
 */
public final class BenchCsv {

    /** The column names, in order. */
    public static final String HEADER = "series,offered_per_s,run,per_s,p50_ms,p99_ms,cpu_us_per_record";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final Path file;

    private BenchCsv(Path file) {
        this.file = file;
    }

    /**
     * Starts the file {@code path} (replacing it) with what was run; {@code path} null gives a writer that
     * writes nothing.
     */
    public static BenchCsv open(String path, String benchmark, String command) {
        if (path == null || path.isBlank()) {
            return new BenchCsv(null);
        }
        Path file = Path.of(path);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String head = "# benchmark: " + benchmark + "\n"
                + "# date: " + MINUTE.format(Instant.now()) + "\n"
                + String.format(Locale.ROOT, "# machine: %d cores, load average %.1f at the start%n",
                        Runtime.getRuntime().availableProcessors(), load)
                + "# command: " + command + "\n"
                + HEADER + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, head, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results file " + file, e);
        }
        return new BenchCsv(file);
    }

    /** The value of {@code --out} among a benchmark's arguments, or null. */
    public static String outOption(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--out".equals(args[i])) {
                return args[i + 1];
            }
        }
        return null;
    }

    /**
     * One run: its throughput, and the 50th and 99th percentiles of its latencies (none: empty cells);
     * {@code offeredPerSecond} 0 for an unpaced run, {@code cpuMicrosPerRecord} NaN or negative when not measured.
     */
    public void row(String series, long offeredPerSecond, int run, double perSecond, long[] latenciesMs,
            double cpuMicrosPerRecord) {
        if (file == null) {
            return;
        }
        long[] sorted = latenciesMs == null ? new long[0] : latenciesMs.clone();
        Arrays.sort(sorted);
        String line = String.join(",", quoted(series), Long.toString(offeredPerSecond), Integer.toString(run),
                String.format(Locale.ROOT, "%.1f", perSecond), percentile(sorted, 0.50), percentile(sorted, 0.99),
                Double.isNaN(cpuMicrosPerRecord) || cpuMicrosPerRecord < 0 ? ""
                        : String.format(Locale.ROOT, "%.2f", cpuMicrosPerRecord)) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results file " + file, e);
        }
    }

    /** The nearest-rank percentile, as the benchmarks print it. */
    private static String percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "";
        }
        return Long.toString(sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)]);
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
