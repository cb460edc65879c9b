package dev.bitmaxconnect.source.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;

/** The reference's JSON examples, read from {@code api-examples/} at the repository root. */
public final class Fixtures {
    public static final Path EXAMPLES = Paths.get("..", "api-examples");
    private static final StreamMessageDecoder DECODER = new StreamMessageDecoder();

    private Fixtures() {
    }

    public static String text(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends StreamMessage> T message(String name, Class<T> type) {
        return type.cast(DECODER.decode(text(name)));
    }

    /** The {@code data} of a REST response, as a list of the given type (a single object becomes a list of one). */
    public static <T> List<T> restData(String name, Class<T> type) {
        try {
            JsonNode data = BitMaxJson.mapper().readTree(text(name)).get("data");
            List<T> items = new ArrayList<>();
            if (data.isArray()) {
                for (JsonNode item : data) {
                    items.add(BitMaxJson.mapper().treeToValue(item, type));
                }
            } else {
                items.add(BitMaxJson.mapper().treeToValue(data, type));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
