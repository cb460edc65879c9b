package dev.bitmaxconnect.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads which connectors the jars under a plugin.path declare for Java's service loader. */
final class PluginManifests {

    private static final List<String> SERVICES = List.of(
            "META-INF/services/org.apache.kafka.connect.source.SourceConnector",
            "META-INF/services/org.apache.kafka.connect.sink.SinkConnector");

    private PluginManifests() {
    }

    /** Whether the jars declare every one of these connector classes. */
    static boolean declareBothConnectors(Path pluginPath, String... connectorClasses) {
        return declaredConnectors(pluginPath).containsAll(List.of(connectorClasses));
    }

    static Set<String> declaredConnectors(Path pluginPath) {
        Set<String> declared = new HashSet<>();
        try (Stream<Path> files = Files.walk(pluginPath)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (String service : SERVICES) {
                        ZipEntry entry = zip.getEntry(service);
                        if (entry != null) {
                            String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                            text.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
                                    .forEach(declared::add);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return declared;
    }
}
