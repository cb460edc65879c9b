package dev.bitmaxconnect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/** Field-name paths of a JSON document ("data.order.seqNum", "data[].symbol"), and the reference's examples. */
public final class FieldNames {

    /** The reference's JSON examples, kept in the repository at {@code api-examples/}. */
    static final Path EXAMPLES = Path.of("").toAbsolutePath().resolve("../api-examples").normalize();

    private FieldNames() {
    }

    public static JsonNode example(String name) throws IOException {
        return RestTestClient.JSON.readTree(Files.readString(EXAMPLES.resolve(name + ".json")));
    }

    static TreeSet<String> of(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    static TreeSet<String> ofExample(String name) throws IOException {
        return of(example(name));
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", paths);
            }
        }
    }
}
