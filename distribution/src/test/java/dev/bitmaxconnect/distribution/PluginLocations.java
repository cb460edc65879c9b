package dev.bitmaxconnect.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Where the build put the plugin, as the failsafe configuration passes it in. */
public final class PluginLocations {

    private PluginLocations() {
    }

    /** The Confluent Hub component zip. */
    public static Path archive() {
        return Paths.get(required("plugin.archive"));
    }

    /** The unpacked plugin as the build lays it out: {@code target/plugins/<component>/}. */
    public static Path pluginPathDirectory() {
        Path plugins = Paths.get(required("plugin.path.dir"));
        return plugins.resolve("bitmaxconnect-kafka-connect-bitmax-" + required("project.version"));
    }

    /** The module's own directory, to reach {@code ../docker}, {@code ../config} and friends. */
    public static Path moduleDirectory() {
        return Paths.get(System.getProperty("project.basedir", ".")).toAbsolutePath().normalize();
    }

    /**
     * Unpacks the component zip into {@code directory}, as an operator would into a worker's plugin.path,
     * and returns {@code directory}, ready to be the worker's {@code plugin.path}. What an earlier run unpacked
     * there is removed first, so no jar of an older build lingers beside the new ones.
     */
    public static Path unpackArchiveInto(Path directory) {
        deleteRecursively(directory);
        try (ZipFile zip = new ZipFile(archive().toFile())) {
            Files.createDirectories(directory);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("Archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run through mvn verify");
        }
        return value;
    }
}
