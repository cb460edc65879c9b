package dev.bitmaxconnect.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The reference's JSON examples, read from {@code api-examples/} at the repository root. */
public final class ApiExamples {

    /** Tests run in their module's directory, one level below the repository root. */
    public static final Path DIRECTORY = Path.of("..", "api-examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiExamples() {
    }

    public static Path path(String name) {
        Path path = DIRECTORY.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no example " + name + " in " + DIRECTORY.toAbsolutePath().normalize());
        }
        return path;
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        try {
            return JSON.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException("example " + name + " is not JSON", e);
        }
    }

    /** An example read by the code under test, e.g. a stream message decoder. */
    public static <T> T decoded(String name, Function<String, ?> decoder, Class<T> type) {
        return type.cast(decoder.apply(text(name)));
    }

    /**
     * The {@code data} of a REST response, as a list of the given type read by {@code mapper} (the code under
     * test's own); a single object becomes a list of one.
     */
    public static <T> List<T> restData(String name, Class<T> type, ObjectMapper mapper) {
        try {
            JsonNode data = mapper.readTree(text(name)).get("data");
            List<T> items = new ArrayList<>();
            if (data.isArray()) {
                for (JsonNode item : data) {
                    items.add(mapper.treeToValue(item, type));
                }
            } else {
                items.add(mapper.treeToValue(data, type));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
