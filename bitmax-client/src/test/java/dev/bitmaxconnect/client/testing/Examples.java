package dev.bitmaxconnect.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The reference's JSON examples ({@code api-examples/} at the repository root) and ways to compare JSON. */
public final class Examples {
    public static final Path DIR = Path.of("..", "api-examples");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Examples() {
    }

    public static List<String> names() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        return parse(text(name));
    }

    public static JsonNode parse(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers equal by value (14 as int or long), everything else exactly. */
    public static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** Like {@link #SAME_VALUE}, and strings equal ignoring case (enum spellings such as limit/Limit). */
    public static final Comparator<JsonNode> SAME_VALUE_ANY_CASE = (a, b) -> {
        if (a.isTextual() && b.isTextual()) {
            return a.asText().equalsIgnoreCase(b.asText()) ? 0 : 1;
        }
        return SAME_VALUE.compare(a, b);
    };

    public static void assertSameJson(JsonNode actual, JsonNode expected, Comparator<JsonNode> comparator) {
        assertThat(actual.equals(comparator, expected))
            .as("expected%n  %s%nbut was%n  %s", expected, actual)
            .isTrue();
    }
}
