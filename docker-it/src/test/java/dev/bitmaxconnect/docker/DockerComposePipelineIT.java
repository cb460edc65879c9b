package dev.bitmaxconnect.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.distribution.Commands;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The stack of {@code docker/docker-compose.yml} on a real Docker engine: the broker of the {@code kafka} service's
 * image, the worker and simulator images built from {@code docker/Dockerfile} (the plugin archive and the
 * simulator's jar from this build), both connectors created from {@code docker/connectors/*.json} through the REST
 * API as {@code connectors-init} creates them; then market records arrive and a command gets its result.
 * The schema registry is left out: no connector of the stack uses it.
 *
 * <p>Skipped, saying so in the failsafe report, where no Docker engine is found (as in CI); {@code mvn -B verify}
 * runs it wherever one is.
 */
@EnabledIf(value = "aDockerEngineIsFound", disabledReason = "No Docker engine was found (Testcontainers looked for"
        + " DOCKER_HOST, ~/.testcontainers.properties and /var/run/docker.sock): the images of docker/ are built and run"
        + " only where one is")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerComposePipelineIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int CONNECT_PORT = 8083;
    private static final int SIMULATOR_PORT = 8090;

    private static final DockerDirectory DOCKER = DockerDirectory.ofRepository();
    private static final JsonNode SOURCE = DOCKER.connector("bitmax-source.json");
    private static final JsonNode SINK = DOCKER.connector("bitmax-sink.json");

    private static Network network;
    private static KafkaContainer kafka;
    private static GenericContainer<?> simulator;
    private static GenericContainer<?> connect;
    private static ConnectRest rest;

    @BeforeAll
    static void startTheStack() {
        network = Network.newNetwork();
        // The compose file's broker: its image, reached by the worker at the address its properties name.
        kafka = new KafkaContainer(DockerImageName.parse(DOCKER.image("kafka")))
                .withNetwork(network)
                .withListener(DOCKER.workerProperties().getProperty("bootstrap.servers"));
        simulator = new GenericContainer<>(DOCKER.build("simulator"))
                .withNetwork(network)
                .withNetworkAliases("simulator")
                .withExposedPorts(SIMULATOR_PORT)
                .waitingFor(Wait.forHttp(SimulatorDefaults.ADMIN_PREFIX + "/health").forPort(SIMULATOR_PORT).withStartupTimeout(WAIT));
        connect = new GenericContainer<>(DOCKER.build("connect"))
                .withNetwork(network)
                .withNetworkAliases("connect")
                .withExposedPorts(CONNECT_PORT)
                .dependsOn(kafka, simulator)
                .waitingFor(Wait.forHttp("/connectors").forPort(CONNECT_PORT).forStatusCode(200)
                        .withStartupTimeout(WAIT));
        // The compose file's bind mounts (the connector configs' secrets), copied so a remote engine works too.
        DOCKER.mounts("connect").forEach((host, path) -> connect.withCopyFileToContainer(
                MountableFile.forHostPath(host), path));

        Startables.deepStart(kafka, simulator).join();
        createTopics(text(SINK, "topics"), text(SINK, "topic.results"));
        connect.start();
        rest = new ConnectRest("http://" + connect.getHost() + ":" + connect.getMappedPort(CONNECT_PORT));
    }

    static boolean aDockerEngineIsFound() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @AfterAll
    static void stopTheStack() throws IOException {
        if (network == null) {
            return;
        }
        // Each container's output, for the failure at hand: target/docker-<service>.log.
        Path target = DOCKER.root.resolve("docker-it").resolve("target");
        Files.createDirectories(target);
        for (Map.Entry<String, GenericContainer<?>> service : Map.of("connect", connect, "simulator", simulator,
                "kafka", kafka).entrySet()) {
            if (service.getValue().isRunning()) {
                Files.writeString(target.resolve("docker-" + service.getKey() + ".log"), service.getValue().getLogs());
            }
            service.getValue().stop();
        }
        network.close();
    }

    @Test
    @Order(1)
    void bothConnectorsOfTheComposeFileRun() {
        rest.create(SOURCE);
        rest.create(SINK);
        String source = SOURCE.path("name").asText();
        String sink = SINK.path("name").asText();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(rest.status(source)).isEqualTo(running(Integer.parseInt(text(SOURCE, "tasks.max"))));
            assertThat(rest.status(sink)).isEqualTo(running(Integer.parseInt(text(SINK, "tasks.max"))));
        });
    }

    @Test
    @Order(2)
    void marketRecordsArrive() {
        String trades = text(SOURCE, "topic.prefix") + ".trades";
        try (TopicReader reader = new TopicReader(kafka.getBootstrapServers(), trades)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(reader.values().stream()
                    .map(v -> v.path("symbol").asText()).collect(Collectors.toSet()))
                    .as(trades).containsAll(Set.of(text(SOURCE, "symbols").split(","))));
        }
    }

    @Test
    @Order(3)
    void aCommandGetsItsResult() throws Exception {
        JsonNode command = Commands.limit("docker-it-limit-1", "BTC-PERP", "Buy", "0.01", "1000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(text(SINK, "topics"), command.path("id").asText(), command.toString()))
                    .get();
        }
        try (TopicReader results = new TopicReader(kafka.getBootstrapServers(), text(SINK, "topic.results"))) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(results.values())
                    .filteredOn(r -> r.path("commandId").asText().equals(command.path("id").asText()))
                    .isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.path("status").asText()).isEqualToIgnoringCase("accepted");
                        assertThat(r.path("orderId").asText()).isNotBlank();
                    }));
        }
    }

    /** The sink's topics, made before it starts, as the README asks of an operator. */
    private static void createTopics(String... topics) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(topics).stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + List.of(topics), e);
        }
    }

    private static String text(JsonNode connector, String key) {
        JsonNode value = connector.path("config").path(key);
        assertThat(value.isTextual()).as("%s of connector %s", key, connector.path("name").asText()).isTrue();
        return value.asText();
    }

    private static String running(int tasks) {
        StringBuilder line = new StringBuilder("RUNNING [");
        for (int i = 0; i < tasks; i++) {
            line.append(i).append(":RUNNING").append(i < tasks - 1 ? " " : "");
        }
        return line.append("]").toString();
    }
}
