package dev.bitmaxconnect.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository with nothing beside it must build, test and read whole: no file of it may lead to
 * a path above the repository's root (a folder beside the clone that a reader or a build would not have).
 */
class RepositoryStandsAloneTest {

    private static final Path ROOT = PluginLocations.moduleDirectory().getParent();
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".idea");

    /** "../" twice or more from a module, or "../" to a sibling of the repository's root by a known name. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./\\.\\./[A-Za-z]|\"\\.\\.\", \"\\.\\.\", \"[A-Za-z]|\\.\\./" + "shared/|\\b" + "NOTES\\.md");

    @Test
    void noFileNamesAPathOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).filter(this::tracked)::iterator) {
                String text = readText(file);
                if (text != null && OUTSIDE.matcher(text).find()) {
                    offenders.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).as("files naming a path outside the repository").isEmpty();
    }

    @Test
    void theReferenceExamplesTheTestsReadAreInTheRepository() throws IOException {
        try (Stream<Path> examples = Files.list(ROOT.resolve("api-examples"))) {
            assertThat(examples.filter(p -> p.toString().endsWith(".json")).count()).isGreaterThanOrEqualTo(50);
        }
    }

    private boolean tracked(Path file) {
        for (Path part : ROOT.relativize(file)) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return false;
            }
        }
        return !file.equals(ROOT.resolve("distribution/src/test/java/dev/bitmaxconnect/distribution/"
                + "RepositoryStandsAloneTest.java"));
    }

    private static String readText(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return null;
        }
    }
}
