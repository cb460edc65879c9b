package dev.bitmaxconnect.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine does no I/O: no server, JSON, socket or stream type, and nothing of the layers around it. */
class EngineIsolationTest {

    private static final Path ENGINE = Path.of("src/main/java/dev/bitmaxconnect/simulator/engine");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final List<String> FORBIDDEN = List.of("org.eclipse.jetty.", "com.fasterxml.jackson.", "java.io.",
            "java.net.", "java.nio.", "org.slf4j.", "dev.bitmaxconnect.simulator.rest.",
            "dev.bitmaxconnect.simulator.stream.", "dev.bitmaxconnect.simulator.auth.",
            "dev.bitmaxconnect.simulator.market.", "dev.bitmaxconnect.simulator.json.");

    @Test
    void engineImportsNothingOfTheNetwork() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(ENGINE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String imported = imports.group(1);
                    if (FORBIDDEN.stream().anyMatch(imported::startsWith)) {
                        found.add(file.getFileName() + ": " + imported);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
        assertThat(ENGINE.resolve("SymbolEngine.java")).exists();
    }
}
