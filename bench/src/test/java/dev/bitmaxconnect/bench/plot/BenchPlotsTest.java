package dev.bitmaxconnect.bench.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPlotsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void aSinkResultsFileWrittenByTheBenchmarksWriterBecomesTwoPngPlots() throws IOException {
        Path csv = dir.resolve("sink.csv");
        BenchCsv out = BenchCsv.open(csv.toString(), "SinkThroughputBenchmark", "--rates 1000,3000,0 --commands 5000");
        out.row("bare batch loops (limit)", 0, 1, 15256, new long[] {1, 1, 8}, Double.NaN);
        out.row("connector", 1000, 1, 998, new long[] {23, 200, 10}, Double.NaN);
        out.row("connector", 3000, 1, 2980, new long[] {16, 63}, Double.NaN);
        out.row("connector", 0, 1, 12225, new long[] {178, 278}, Double.NaN);

        List<Path> pngs = BenchPlots.render(csv, dir.resolve("img"));

        assertThat(pngs).extracting(p -> p.getFileName().toString())
                .containsExactly("sink-throughput.png", "sink-latency.png");
        for (Path png : pngs) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
            assertThat(image.getHeight()).isEqualTo(520);
            assertThat(distinctColours(image)).as("a drawn chart, not a blank image").isGreaterThan(10);
        }
    }

    @Test
    void theWriterRecordsWhatWasRunAndTheReaderGivesTheRowsBack() throws IOException {
        Path csv = dir.resolve("source.csv");
        BenchCsv out = BenchCsv.open(csv.toString(), "SourceThroughputBenchmark", "--rates 10000 --repeat 3");
        out.row("connector, tuned", 10000, 1, 6911.4, new long[] {3, 3, 8, 2}, 9.04);
        out.row("relay", 10000, 1, 6920, null, -1);

        BenchData data = BenchData.read(csv);

        assertThat(data.meta("benchmark")).isEqualTo("SourceThroughputBenchmark");
        assertThat(data.meta("command")).isEqualTo("--rates 10000 --repeat 3");
        assertThat(data.meta("date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ");
        assertThat(data.meta("machine")).contains("cores, load average");
        assertThat(data.rows()).containsExactly(
                new BenchData.Row("connector, tuned", 10000, "1", 6911.4, 3, 8, 9.04),
                new BenchData.Row("relay", 10000, "1", 6920, Double.NaN, Double.NaN, Double.NaN));
        assertThat(BenchPlots.render(csv, dir)).singleElement()
                .satisfies(png -> assertThat(Files.size(png)).isGreaterThan(1000));
    }

    @Test
    void severalRunsAtOneRateAreDrawnAsTheirMedianAndAGivenMedianWins() throws IOException {
        Path csv = write("runs.csv", "# benchmark: SourceThroughputBenchmark",
                BenchCsv.HEADER,
                "connector,300000,1,103904,,,",
                "connector,300000,2,234343,,,",
                "connector,300000,3,219480,,,",
                "relay,500000,1,1,,,",
                "relay,500000,median,413249,,,");

        var medians = BenchPlots.medians(BenchData.read(csv));

        assertThat(medians.get("connector")).singleElement().extracting(BenchData.Row::perSecond).isEqualTo(219480.0);
        assertThat(medians.get("relay")).singleElement().extracting(BenchData.Row::perSecond).isEqualTo(413249.0);
    }

    @Test
    void aFileOfAnotherShapeIsRefusedNamingTheLine() throws IOException {
        Path noHeader = write("bad.csv", "# benchmark: SinkThroughputBenchmark", "run,orders");
        Path unknown = write("other.csv", "# benchmark: Something", BenchCsv.HEADER, "a,0,1,1,,,");

        assertThatThrownBy(() -> BenchPlots.render(noHeader, dir)).hasMessageContaining("bad.csv:2")
                .hasMessageContaining("run,orders");
        assertThatThrownBy(() -> BenchPlots.render(unknown, dir)).hasMessageContaining("'Something'");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static int distinctColours(BufferedImage image) {
        return (int) IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().count();
    }
}
