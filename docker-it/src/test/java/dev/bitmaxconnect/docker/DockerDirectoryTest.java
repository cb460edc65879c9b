package dev.bitmaxconnect.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link DockerComposePipelineIT} reads from {@code docker/}, checked without a Docker engine: the build
 * context it assembles, the mounts it copies, the broker address it gives the worker.
 */
class DockerDirectoryTest {

    private static final DockerDirectory DOCKER = DockerDirectory.ofRepository();
    private static final String VERSION = System.getProperty("project.version");

    @Test
    void theBuildContextIsTheFilesTheDockerfileCopiesWithTheVersionResolved() {
        List<String> files = DOCKER.contextFiles(VERSION);
        assertThat(files).contains("distribution/target/bitmaxconnect-kafka-connect-bitmax-" + VERSION + ".zip",
                "bitmax-simulator/target/bitmax-simulator-" + VERSION + "-all.jar",
                "docker/connect-distributed.properties", "docker/avro-converter/pom.xml");
        assertThat(files).noneMatch(f -> f.contains("$") || f.startsWith("--"));
        // A file of the repository (not one the build makes) must exist in every checkout.
        files.stream().filter(f -> f.startsWith("docker/"))
                .forEach(f -> assertThat(DOCKER.root.resolve(f)).isRegularFile());
    }

    @Test
    void theWorkerGetsTheConfigDirectoryWithTheSecretsItsConnectorsRead() {
        assertThat(DOCKER.mounts("connect")).containsEntry(DOCKER.root.resolve("config"), "/opt/bitmax/config");
        for (String connector : List.of("bitmax-source.json", "bitmax-sink.json")) {
            String secret = DOCKER.connector(connector).path("config").path("bitmax.api.secret").asText();
            assertThat(secret).startsWith("${file:config/secrets/");
            Path file = DOCKER.root.resolve(secret.substring("${file:".length(), secret.lastIndexOf(':')));
            assertThat(file).as(connector).isRegularFile();
        }
    }

    @Test
    void theWorkersBrokerAddressIsTheKafkaServiceAtOneListener() {
        assertThat(DOCKER.workerProperties().getProperty("bootstrap.servers")).matches("kafka:\\d+");
        assertThat(DOCKER.image("kafka")).startsWith("apache/kafka:");
    }
}
