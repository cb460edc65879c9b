package dev.bitmaxconnect.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the Confluent Hub component archive and the plugin.path directory that {@code mvn package} builds. */
class PluginArchiveIT {

    private static final String VERSION = System.getProperty("project.version");
    private static final String TOP = "bitmaxconnect-kafka-connect-bitmax-" + VERSION + "/";

    private static List<String> entries;

    @BeforeAll
    static void readArchive() throws IOException {
        try (ZipFile zip = new ZipFile(PluginLocations.archive().toFile())) {
            entries = zip.stream().map(ZipEntry::getName).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyEntryIsUnderOneTopLevelDirectoryNamedAfterOwnerNameAndVersion() {
        assertThat(VERSION).isNotBlank();
        assertThat(entries).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith(TOP));
    }

    @Test
    void manifestHasTheBuildVersionFilledIn() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(read(TOP + "manifest.json"));

        assertThat(manifest.path("name").asText()).isEqualTo("kafka-connect-bitmax");
        assertThat(manifest.path("version").asText()).isEqualTo(VERSION);
        assertThat(manifest.path("owner").path("username").asText()).isEqualTo("bitmaxconnect");
        assertThat(manifest.path("component_types")).extracting(JsonNode::asText).containsExactly("source", "sink");
        assertThat(manifest.path("license").get(0).path("name").asText()).contains("Apache");
        assertThat(new String(read(TOP + "manifest.json"), StandardCharsets.UTF_8)).doesNotContain("${");
    }

    @Test
    void manifestPointsAtTheRepositoryAndClaimsNothingUntested() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(read(TOP + "manifest.json"));
        String repository = "https://github.com/bitmaxconnect/kafka-connect-bitmax";

        assertThat(manifest.path("source_url").asText()).isEqualTo(repository);
        assertThat(manifest.path("documentation_url").asText()).startsWith(repository);
        assertThat(manifest.path("owner").path("url").asText()).isEqualTo(repository);
        assertThat(manifest.path("support").path("url").asText()).startsWith(repository);
        assertThat(LocalDate.parse(manifest.path("release_date").asText())).isAfter(LocalDate.of(2026, 1, 1));
        assertThat(manifest.has("docker_image")).as("an image published nowhere").isFalse();
        assertThat(manifest.path("features").has("confluent_control_center_integration")).isFalse();
    }

    @Test
    void docHoldsEverySchemaThePagesLinkTo() throws IOException {
        String pages = new String(read(TOP + "doc/docs/sink.md"), StandardCharsets.UTF_8)
                + new String(read(TOP + "doc/docs/source.md"), StandardCharsets.UTF_8);
        Matcher link = Pattern.compile("\\]\\(([^)]+\\.(?:avsc|schema\\.json))\\)").matcher(pages);
        List<String> linked = new ArrayList<>();
        while (link.find()) {
            linked.add(link.group(1).substring(link.group(1).lastIndexOf('/') + 1));
        }

        assertThat(linked).contains("order-command.avsc", "command-result.schema.json");
        assertThat(linked).allSatisfy(schema -> assertThat(entries).contains(TOP + "doc/schemas/" + schema));
        assertThat(entries).anySatisfy(e -> assertThat(e).startsWith(TOP + "doc/schemas/command-examples/")
                .endsWith(".json"));
        assertThat(entries).contains(TOP + "doc/schemas/source/Order.avsc", TOP + "doc/schemas/source/Trade.avsc");
    }

    @Test
    void docHoldsTheReadmeAndEveryPageOfDocsWithItsPlotsAndTheirData() throws IOException {
        List<String> pages;
        Path docsFolder = PluginLocations.moduleDirectory().getParent().resolve("docs");
        try (Stream<Path> docs = Files.walk(docsFolder)) {
            pages = docs.map(p -> docsFolder.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".md") || name.endsWith(".png") || name.endsWith(".csv"))
                    .collect(Collectors.toList());
        }
        assertThat(pages).contains("source.md", "sink.md", "configuration-source.md", "configuration-sink.md",
                "operations.md", "performance.md", "reliability.md", "exchange-api.md", "examples/order-lifecycle.md");
        assertThat(pages).anySatisfy(page -> assertThat(page).startsWith("img/").endsWith(".png"))
                .anySatisfy(page -> assertThat(page).startsWith("data/").endsWith(".csv"));
        assertThat(entries).contains(TOP + "doc/README.md");
        assertThat(pages).allSatisfy(page -> assertThat(entries).contains(TOP + "doc/docs/" + page));
    }

    @Test
    void libHoldsBothConnectorsAndTheirRuntimeDependencies() {
        assertThat(libJars()).contains(
                "connector-source-" + VERSION + ".jar",
                "connector-sink-" + VERSION + ".jar",
                "connector-common-" + VERSION + ".jar",
                "bitmax-client-" + VERSION + ".jar",
                "depth-book-" + VERSION + ".jar");
        assertThat(libJars()).anySatisfy(jar -> assertThat(jar).startsWith("okhttp"));
        assertThat(libJars()).anySatisfy(jar -> assertThat(jar).startsWith("jackson-databind-"));
    }

    @Test
    void libHoldsNoJarTheWorkerProvides() {
        assertThat(libJars()).isNotEmpty().noneSatisfy(jar -> assertThat(jar).matches(
                "(kafka|connect-|slf4j|log4j|reload4j|logback|bitmax-simulator|jetty|junit).*"));
    }

    @Test
    void libHoldsNoTestFixture() {
        assertThat(libJars()).isNotEmpty().noneSatisfy(jar -> assertThat(jar).matches(
                "(test-support|bitmax-simulator|junit|assertj|awaitility).*"));
    }

    @Test
    void etcHoldsTheExampleConfigsAndDocHoldsReadmeAndLicense() throws IOException {
        assertThat(entries).contains(
                TOP + "etc/bitmax-source-simulator.json",
                TOP + "etc/bitmax-sink-simulator.json",
                TOP + "etc/bitmax-source.properties",
                TOP + "etc/bitmax-sink.properties",
                TOP + "doc/README.md",
                TOP + "doc/LICENSE");
        assertThat(new String(read(TOP + "doc/LICENSE"), StandardCharsets.UTF_8)).contains("Apache License");
    }

    @Test
    void connectorJarsDeclareTheirConnectorsForPluginScanning() throws IOException {
        assertThat(serviceFile("connector-source", "org.apache.kafka.connect.source.SourceConnector"))
                .contains("dev.bitmaxconnect.source.BitMaxSourceConnector");
        assertThat(serviceFile("connector-sink", "org.apache.kafka.connect.sink.SinkConnector"))
                .contains("dev.bitmaxconnect.sink.BitMaxSinkConnector");
    }

    @Test
    void pluginPathDirectoryHoldsTheSameFilesAsTheArchive() throws IOException {
        Path root = PluginLocations.pluginPathDirectory();
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
        List<String> archiveFiles = entries.stream()
                .filter(e -> !e.endsWith("/"))
                .map(e -> e.substring(TOP.length()))
                .collect(Collectors.toList());

        assertThat(files).isNotEmpty().containsExactlyInAnyOrderElementsOf(archiveFiles);
    }

    private static List<String> libJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : entries) {
            if (entry.startsWith(TOP + "lib/") && entry.endsWith(".jar")) {
                jars.add(entry.substring((TOP + "lib/").length()));
            }
        }
        return jars;
    }

    private static String serviceFile(String artifact, String service) throws IOException {
        byte[] jar = read(TOP + "lib/" + artifact + "-" + VERSION + ".jar");
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("META-INF/services/" + service)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return "(no META-INF/services/" + service + " in " + artifact + ")";
    }

    private static byte[] read(String entry) throws IOException {
        try (ZipFile zip = new ZipFile(PluginLocations.archive().toFile())) {
            ZipEntry e = zip.getEntry(entry);
            assertThat(e).as("archive entry %s", entry).isNotNull();
            try (InputStream in = zip.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }
}
