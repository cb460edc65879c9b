package dev.bitmaxconnect.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A JDK a worker can run on: its home and its feature release, as its {@code release} file states. */
record Jdk(Path home, int feature) {

    /** Where JDK packages (Debian, Temurin) and unpacked archives install on Linux; -Dmatrix.jdk.dirs to change. */
    private static final List<Path> INSTALL_DIRECTORIES = Arrays.stream(
                    System.getProperty("matrix.jdk.dirs", "/usr/lib/jvm,/opt,/opt/java").split(","))
            .map(String::trim).filter(d -> !d.isEmpty()).map(Paths::get).toList();
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+)", Pattern.MULTILINE);

    /** The JDK that runs this test, Java 17 on the project's machines. */
    static Jdk current() {
        return of(Paths.get(System.getProperty("java.home"))).orElseThrow();
    }

    /** The newest JDK installed in the usual places, if one is newer than {@link #current()}. */
    static Optional<Jdk> newestInstalled() {
        int current = current().feature();
        return INSTALL_DIRECTORIES.stream()
                .filter(Files::isDirectory)
                .flatMap(Jdk::children)
                .map(Jdk::of)
                .flatMap(Optional::stream)
                .filter(jdk -> jdk.feature() > current)
                .max(Comparator.comparingInt(Jdk::feature));
    }

    static String searchedDirectories() {
        return INSTALL_DIRECTORIES.toString();
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    String label() {
        return "Java " + feature;
    }

    private static Optional<Jdk> of(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(new Jdk(home.toRealPath(), Integer.parseInt(version.group(1))))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Stream<Path> children(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
