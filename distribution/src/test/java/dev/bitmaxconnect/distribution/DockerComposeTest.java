package dev.bitmaxconnect.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the structure of {@code docker/docker-compose.yml} and {@code docker/Dockerfile}. No Docker engine runs
 * here: these checks catch broken references (services, stages, files, ports) that {@code docker compose up}
 * would otherwise find first.
 */
class DockerComposeTest {

    private static final Path ROOT = PluginLocations.moduleDirectory().getParent();
    private static final Path DOCKER = ROOT.resolve("docker");

    private static JsonNode compose;
    private static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        compose = new YAMLMapper().readTree(DOCKER.resolve("docker-compose.yml").toFile());
        dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    }

    @Test
    void runsKafkaConnectTheSimulatorAndASchemaRegistry() {
        assertThat(names(compose.path("services"))).contains("kafka", "connect", "simulator", "schema-registry");
    }

    @Test
    void kafkaIsTheOfficialApacheImageOfTheBuildsKafkaVersionInKRaftMode() {
        JsonNode kafka = service("kafka");
        assertThat(kafka.path("image").asText()).isEqualTo("apache/kafka:" + System.getProperty("kafka.version"));
        JsonNode env = kafka.path("environment");
        assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).contains("broker").contains("controller");
        assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText()).startsWith(
                env.path("KAFKA_NODE_ID").asText() + "@kafka:");
        assertThat(env.path("CLUSTER_ID").asText()).matches("[A-Za-z0-9_-]{22}");
        assertThat(names(compose.path("services"))).noneMatch(name -> name.contains("zookeeper"));
        assertThat(ports(kafka)).contains("9092:9092");
    }

    @Test
    void connectIsBuiltFromTheDockerfileWithThePluginAndWaitsForKafka() {
        JsonNode connect = service("connect");
        assertThat(connect.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
        assertThat(stages()).contains(connect.path("build").path("target").asText());
        assertThat(ROOT.resolve("docker").resolve(connect.path("build").path("context").asText()).normalize())
                .isEqualTo(ROOT);
        assertThat(ports(connect)).contains("8083:8083");
        assertThat(connect.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(names(connect.path("depends_on"))).contains("simulator", "schema-registry");
    }

    @Test
    void simulatorAndSchemaRegistryExposeTheirPorts() {
        assertThat(ports(service("simulator"))).contains("8090:8090");
        assertThat(stages()).contains(service("simulator").path("build").path("target").asText());
        assertThat(dockerfile).contains("COPY bitmax-simulator/target/bitmax-simulator-${PLUGIN_VERSION}-all.jar ")
                .contains("\"--host\", \"0.0.0.0\", \"--port\", \"8090\"");
        assertThat(service("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
        assertThat(ports(service("schema-registry"))).contains("8081:8081");
        assertThat(service("schema-registry").path("environment")
                .path("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS").asText()).contains("kafka:19092");
    }

    @Test
    void everyDependencyIsADefinedServiceAndEveryMountedDirectoryExists() {
        List<String> services = names(compose.path("services"));
        for (String name : services) {
            JsonNode service = service(name);
            assertThat(names(service.path("depends_on"))).as("depends_on of %s", name).isSubsetOf(services);
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(DOCKER.resolve(source)).as("volume of %s", name).exists();
                } else {
                    assertThat(names(compose.path("volumes"))).as("named volume of %s", name).contains(source);
                }
            }
        }
    }

    @Test
    void dockerfileCopiesThePluginArchiveTheBuildProduces() {
        Matcher copy = Pattern.compile("COPY (distribution/target/\\S+\\.zip) ").matcher(dockerfile);
        assertThat(copy.find()).as("a COPY of the plugin zip").isTrue();
        Matcher version = Pattern.compile("ARG PLUGIN_VERSION=(\\S+)").matcher(dockerfile);
        assertThat(version.find()).isTrue();
        String copied = copy.group(1).replace("${PLUGIN_VERSION}", version.group(1));

        Path archive = Paths.get(System.getProperty("plugin.archive"));
        assertThat(ROOT.relativize(archive.toAbsolutePath().normalize()).toString().replace('\\', '/'))
                .isEqualTo(copied);
        assertThat(dockerfile).contains("FROM apache/kafka:${KAFKA_VERSION} AS connect")
                .contains("ARG KAFKA_VERSION=" + System.getProperty("kafka.version"))
                .contains("COPY --from=plugin /plugins/ /opt/kafka/plugins/");
    }

    @Test
    void workerConfigReachesTheComposeKafkaAndThePluginDirectory() throws IOException {
        Properties worker = new Properties();
        try (Reader in = Files.newBufferedReader(DOCKER.resolve("connect-distributed.properties"))) {
            worker.load(in);
        }
        assertThat(service("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
                .contains(worker.getProperty("bootstrap.servers"));
        assertThat(worker.getProperty("plugin.path")).isEqualTo("/opt/kafka/plugins");
        assertThat(worker.getProperty("config.providers")).isEqualTo("file");
        assertThat(dockerfile).contains("COPY docker/connect-distributed.properties ");
    }

    @Test
    void composeConnectorsAreTheSimulatorExamplesPointedAtTheSimulatorService() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String kind : List.of("source", "sink")) {
            ObjectNode example = (ObjectNode) json.readTree(ROOT.resolve("config/bitmax-" + kind + "-simulator.json")
                    .toFile());
            ObjectNode composed = (ObjectNode) json.readTree(DOCKER.resolve("connectors/bitmax-" + kind + ".json")
                    .toFile());
            assertThat(composed.path("config").path("bitmax.rest.url").asText()).isEqualTo("http://simulator:8090");
            assertThat(composed.path("config").path("bitmax.ws.url").asText()).isEqualTo("ws://simulator:8090");
            if (kind.equals("sink")) {
                assertThat(composed.path("config").path("results.producer.bootstrap.servers").asText())
                        .isEqualTo("kafka:19092");
            }
            for (ObjectNode node : List.of(example, composed)) {
                ((ObjectNode) node.get("config")).remove(List.of("bitmax.rest.url", "bitmax.ws.url",
                        "results.producer.bootstrap.servers"));
            }
            assertThat(composed).as(kind).isEqualTo(example);
        }
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("service %s", name).isTrue();
        return service;
    }

    private static List<String> ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        service.path("ports").forEach(p -> ports.add(p.asText()));
        return ports;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asText()));
        } else {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                names.add(field.getKey());
            }
        }
        return names;
    }

    private static List<String> stages() {
        List<String> stages = new ArrayList<>();
        Matcher from = Pattern.compile("(?m)^FROM \\S+ AS (\\S+)$").matcher(dockerfile);
        while (from.find()) {
            stages.add(from.group(1));
        }
        return stages;
    }
}
