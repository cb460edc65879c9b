package dev.bitmaxconnect.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders the benchmarks' results files ({@link BenchCsv}) as PNG plots, by the benchmark that wrote them:
 * <ul>
 * <li>source: records per second against the offered rate, connector and baselines;</li>
 * <li>sink: orders per second, and p50 / p99 latency, against the offered rate;</li>
 * <li>simulator: capacity, each measurement next to its baseline.</li>
 * </ul>
 * Several runs of one series at one rate are drawn as their median (by throughput); unpaced runs, which have no
 * offered rate, as horizontal lines.
 *
 * <p>Arguments: {@code [data directory=docs/data] [image directory=docs/img]}; every {@code *.csv} of the first
 * becomes {@code <name>.png} (sink: {@code <name>-throughput.png} and {@code <name>-latency.png}) in the second.
 */
public final class BenchPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    /** Colours that stay apart on a light background (Tableau 10). */
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x76B7B2), new Color(0x59A14F), new Color(0xB07AA1), new Color(0x9C755F), new Color(0xEDC948),
        new Color(0xFF9DA7), new Color(0xBAB0AC)};

    private BenchPlots() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path data = Path.of(args.length > 0 ? args[0] : "docs/data");
        Path images = Path.of(args.length > 1 ? args[1] : "docs/img");
        List<Path> files;
        try (Stream<Path> listing = Files.list(data)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .csv file in " + data.toAbsolutePath());
        }
        for (Path file : files) {
            for (Path png : render(file, images)) {
                System.out.println(file + " -> " + png);
            }
        }
    }

    /** Renders one results file into {@code images}; returns the files written. */
    public static List<Path> render(Path csv, Path images) throws IOException {
        BenchData data = BenchData.read(csv);
        String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        String benchmark = data.meta("benchmark");
        Files.createDirectories(images);
        List<Path> written = new ArrayList<>();
        if (benchmark.startsWith("Source")) {
            written.add(save(throughput(data, "Source connector: records appended to Kafka per second",
                    "simulator feed, messages/s", "records/s (relay: frames/s)"), images.resolve(name + ".png")));
        } else if (benchmark.startsWith("Sink")) {
            written.add(save(throughput(data, "Sink connector: orders accepted per second",
                    "commands produced per second", "orders/s"), images.resolve(name + "-throughput.png")));
            written.add(save(latency(data, "Sink connector: produce to exchange acceptance",
                    "commands produced per second", "latency, ms"), images.resolve(name + "-latency.png")));
        } else if (benchmark.startsWith("Simulator")) {
            written.add(save(capacity(data, "Simulator capacity, each next to its baseline"), images.resolve(name + ".png")));
        } else {
            throw new IOException(csv + ": '# benchmark:' must name SourceThroughputBenchmark, SinkThroughputBenchmark "
                    + "or SimulatorThroughputBench, was '" + benchmark + "'");
        }
        return written;
    }

    private static JFreeChart throughput(BenchData data, String title, String x, String y) {
        XYSeriesCollection lines = new XYSeriesCollection();
        List<ValueMarker> ceilings = new ArrayList<>();
        for (Map.Entry<String, List<BenchData.Row>> series : medians(data).entrySet()) {
            XYSeries line = new XYSeries(series.getKey());
            for (BenchData.Row row : series.getValue()) {
                if (row.unpaced()) {
                    ceilings.add(marker(row.perSecond(), String.format(Locale.ROOT, "%s, unpaced: %,.0f/s",
                            series.getKey(), row.perSecond())));
                } else {
                    line.add(row.offeredPerSecond(), row.perSecond());
                }
            }
            if (!line.isEmpty()) {
                lines.addSeries(line);
            }
        }
        JFreeChart chart = xyChart(title, x, y, lines, data);
        XYPlot plot = chart.getXYPlot();
        ceilings.forEach(plot::addRangeMarker);
        // a marker above the data is drawn only if the axis reaches it
        double top = ceilings.stream().mapToDouble(ValueMarker::getValue).max().orElse(0);
        if (top > plot.getRangeAxis().getUpperBound()) {
            plot.getRangeAxis().setUpperBound(top * 1.08);
        }
        return chart;
    }

    private static JFreeChart latency(BenchData data, String title, String x, String y) {
        XYSeriesCollection lines = new XYSeriesCollection();
        List<String> unpaced = new ArrayList<>();
        for (Map.Entry<String, List<BenchData.Row>> series : medians(data).entrySet()) {
            XYSeries p50 = new XYSeries(series.getKey() + ", p50");
            XYSeries p99 = new XYSeries(series.getKey() + ", p99");
            for (BenchData.Row row : series.getValue()) {
                if (Double.isNaN(row.p50Ms())) {
                    continue;
                }
                if (row.unpaced()) {
                    // not a point on the rate axis: listed under the plot
                    unpaced.add(String.format(Locale.ROOT, "%s p50 %.0f / p99 %.0f ms", series.getKey(), row.p50Ms(),
                            row.p99Ms()));
                } else {
                    p50.add(row.offeredPerSecond(), row.p50Ms());
                    p99.add(row.offeredPerSecond(), row.p99Ms());
                }
            }
            if (!p50.isEmpty()) {
                lines.addSeries(p50);
                lines.addSeries(p99);
            }
        }
        JFreeChart chart = xyChart(title, x, y, lines, data);
        if (!unpaced.isEmpty()) {
            TextTitle note = new TextTitle("unpaced: " + String.join("; ", unpaced), new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            note.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(note);
        }
        return chart;
    }

    private static JFreeChart capacity(BenchData data, String title) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        for (Map.Entry<String, List<BenchData.Row>> series : medians(data).entrySet()) {
            String[] measurementAndSide = series.getKey().split(":", 2);
            String side = measurementAndSide.length == 2 ? measurementAndSide[1].strip() : series.getKey();
            for (BenchData.Row row : series.getValue()) {
                bars.addValue(row.perSecond(), side, measurementAndSide[0].strip() + " per second");
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, "per second", bars, PlotOrientation.VERTICAL,
                true, false, false);
        for (int i = 0; i < bars.getRowCount(); i++) {
            chart.getCategoryPlot().getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        return finish(chart, data);
    }

    private static JFreeChart xyChart(String title, String x, String y, XYSeriesCollection lines, BenchData data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, lines, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true); // rates to scale, from 0
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        plot.setRenderer(renderer);
        return finish(chart, data);
    }

    /** A subtitle with the date and the machine of the figures, a white background. */
    private static JFreeChart finish(JFreeChart chart, BenchData data) {
        String when = data.meta("date") + (data.meta("machine").isEmpty() ? "" : ", " + data.meta("machine"));
        chart.addSubtitle(new TextTitle(when, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF4, 0xF4, 0xF4));
        return chart;
    }

    private static ValueMarker marker(double value, String label) {
        ValueMarker marker = new ValueMarker(value, Color.DARK_GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    /**
     * Per series (in file order), one row per offered rate: the row marked {@code median} if there is one, else
     * the run with the median throughput (its latencies with it, as the benchmarks report them).
     */
    static Map<String, List<BenchData.Row>> medians(BenchData data) {
        Map<String, Map<Long, List<BenchData.Row>>> grouped = new LinkedHashMap<>();
        for (BenchData.Row row : data.rows()) {
            grouped.computeIfAbsent(row.series(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(row.offeredPerSecond(), r -> new ArrayList<>()).add(row);
        }
        Map<String, List<BenchData.Row>> medians = new LinkedHashMap<>();
        grouped.forEach((series, byRate) -> {
            List<BenchData.Row> rows = new ArrayList<>();
            byRate.forEach((rate, runs) -> rows.add(median(runs)));
            rows.sort(Comparator.comparingLong(BenchData.Row::offeredPerSecond));
            medians.put(series, rows);
        });
        return medians;
    }

    private static BenchData.Row median(List<BenchData.Row> runs) {
        for (BenchData.Row run : runs) {
            if ("median".equals(run.run())) {
                return run;
            }
        }
        List<BenchData.Row> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(BenchData.Row::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static Path save(JFreeChart chart, Path png) throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        return png;
    }
}
