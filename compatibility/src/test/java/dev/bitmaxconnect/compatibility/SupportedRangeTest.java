package dev.bitmaxconnect.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What users read about the supported range is what the matrix runs: every worker version of
 * {@code compatibility/workers} is named in the README's Compatibility section and in {@code manifest.json}'s
 * requirements, and the build runs every one of them with {@code -Dmatrix=full}.
 */
class SupportedRangeTest {

    private static final Path MODULE = Paths.get(System.getProperty("project.basedir", ".")).toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();

    @Test
    void readmeAndManifestNameEveryTestedWorkerVersion() throws IOException {
        List<String> versions = workerVersions();
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Compatibility\n");
        assertThat(start).as("the README's Compatibility section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        String requirements = Files.readString(ROOT.resolve("manifest.json")).lines()
                .filter(l -> l.contains("\"requirements\"")).findFirst().orElseThrow();

        assertThat(versions).hasSizeGreaterThanOrEqualTo(2).allSatisfy(v -> {
            assertThat(section).as("README Compatibility section").contains("| " + v + " ");
            assertThat(requirements).as("manifest.json requirements").contains(v);
        });
    }

    @Test
    void theFullMatrixRunsEveryWorkerVersionFromOldestToNewest() throws IOException {
        List<String> versions = workerVersions();
        String full = System.getProperty("matrix.versions.full", "");
        assertThat(List.of(full.split(","))).as("matrix.versions of the full-matrix profile")
                .containsExactlyElementsOf(versions);
        assertThat(System.getProperty("matrix.versions.ci", "")).as("the versions every build runs")
                .isEqualTo(versions.get(0) + "," + versions.get(versions.size() - 1));
    }

    /** The versions of {@code compatibility/workers/<version>/}, oldest first. */
    private static List<String> workerVersions() throws IOException {
        try (Stream<Path> dirs = Files.list(MODULE.resolve("workers"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString())
                    .sorted(SupportedRangeTest::compareVersions)
                    .toList();
        }
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
