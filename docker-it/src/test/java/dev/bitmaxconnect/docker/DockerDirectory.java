package dev.bitmaxconnect.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The repository's {@code docker/} directory as docker-compose.yml uses it: its services, the Dockerfile's stages,
 * the worker's properties and the connector configs the {@code connectors-init} service posts. The test reads
 * everything from here, so it runs what {@code docker compose up} runs.
 */
final class DockerDirectory {

    /** {@code COPY <source> <destination>} from the build context (not {@code COPY --from=<stage>}). */
    private static final Pattern CONTEXT_COPY = Pattern.compile("(?m)^COPY (?!--)(\\S+) \\S+$");

    final Path root;
    final Path docker;
    private final JsonNode compose;
    private final String dockerfile;

    private DockerDirectory(Path root) throws IOException {
        this.root = root;
        this.docker = root.resolve("docker");
        this.compose = new YAMLMapper().readTree(docker.resolve("docker-compose.yml").toFile());
        this.dockerfile = Files.readString(docker.resolve("Dockerfile"));
    }

    /** The repository root, as the failsafe configuration passes it in. */
    static DockerDirectory ofRepository() {
        try {
            return new DockerDirectory(Paths.get(System.getProperty("repository.root", "..")).toAbsolutePath()
                    .normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code image} of a compose service, e.g. {@code apache/kafka:4.3.1} for {@code kafka}. */
    String image(String service) {
        return required(service, "image");
    }

    /**
     * The image of a compose service that docker-compose builds ({@code build.target} of {@code docker/Dockerfile}),
     * built from a context holding only the files the Dockerfile copies, as {@code mvn package} left them.
     */
    ImageFromDockerfile build(String service) {
        String dockerfilePath = required(service, "build", "dockerfile");
        String version = System.getProperty("project.version");
        ImageFromDockerfile image = new ImageFromDockerfile()
                .withFileFromPath("Dockerfile", root.resolve(dockerfilePath))
                .withTarget(required(service, "build", "target"))
                .withBuildArg("PLUGIN_VERSION", version);
        for (String source : contextFiles(version)) {
            Path file = root.resolve(source);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(dockerfilePath + " copies " + source + ", which is missing: build it with"
                        + " `mvn -B -DskipTests package` first (`mvn -B verify` does)");
            }
            image.withFileFromPath(source, file);
        }
        return image;
    }

    /** The files the Dockerfile copies from its build context, with {@code ${PLUGIN_VERSION}} resolved. */
    List<String> contextFiles(String pluginVersion) {
        List<String> files = new ArrayList<>();
        Matcher copy = CONTEXT_COPY.matcher(dockerfile);
        while (copy.find()) {
            files.add(copy.group(1).replace("${PLUGIN_VERSION}", pluginVersion));
        }
        return files;
    }

    /** A service's bind mounts ({@code ../config:/opt/bitmax/config:ro}): host directory to container path. */
    Map<Path, String> mounts(String service) {
        Map<Path, String> mounts = new LinkedHashMap<>();
        for (JsonNode volume : compose.path("services").path(service).path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].startsWith(".")) {
                mounts.put(docker.resolve(parts[0]).normalize(), parts[1]);
            }
        }
        return mounts;
    }

    /** {@code docker/connect-distributed.properties}, the worker's configuration inside its image. */
    Properties workerProperties() {
        Properties worker = new Properties();
        try (Reader in = Files.newBufferedReader(docker.resolve("connect-distributed.properties"))) {
            worker.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return worker;
    }

    /** A connector's {@code {"name": ..., "config": {...}}} from {@code docker/connectors/}, as posted to Connect. */
    JsonNode connector(String file) {
        try {
            return new ObjectMapper().readTree(docker.resolve("connectors").resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String required(String service, String... path) {
        JsonNode node = compose.path("services").path(service);
        for (String field : path) {
            node = node.path(field);
        }
        if (!node.isTextual()) {
            throw new IllegalStateException("docker-compose.yml has no services." + service + "."
                    + String.join(".", path));
        }
        return node.asText();
    }
}
