package dev.bitmaxconnect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.common.config.ConfigReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * The sink configuration reference (docs/configuration-sink.md) against the ConfigDef, and the sink's own checks. Regenerate the
 * reference with {@code mvn -pl connector-sink test -Dtest=SinkConfigReferenceTest -Dreadme.regenerate=true}.
 */
class SinkConfigReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "configuration-sink.md");
    private static final ConfigReference REFERENCE = new ConfigReference("sink", BitMaxSinkConfig.CONFIG_DEF);

    @Test
    void pageReferenceMatchesTheConfigDef() throws IOException {
        if (Boolean.getBoolean("readme.regenerate")) {
            REFERENCE.writeTo(PAGE);
        }
        assertThat(REFERENCE.currentBlock(Files.readString(PAGE, StandardCharsets.UTF_8)))
                .as("docs/configuration-sink.md is stale; regenerate with -Dreadme.regenerate=true")
                .isEqualTo(REFERENCE.markdown());
    }

    @Test
    void everyKeyIsDocumentedWithAGroup() {
        BitMaxSinkConfig.CONFIG_DEF.configKeys().values().forEach(k -> {
            assertThat(k.documentation).as(k.name).isNotBlank();
            assertThat(k.group).as(k.name).isNotBlank();
        });
        assertThat(REFERENCE.markdown()).contains("`bitmax.api.secret` | password | required");
    }

    private static Map<String, String> minimal() {
        Map<String, String> p = new HashMap<>();
        p.put("bitmax.rest.url", "http://127.0.0.1:8090");
        p.put("bitmax.api.key", "key");
        p.put("bitmax.api.secret", "secret");
        p.put("results.producer.bootstrap.servers", "localhost:9092");
        return p;
    }

    @Test
    void defaultsAreSafe() {
        BitMaxSinkConfig c = new BitMaxSinkConfig(minimal());
        assertThat(c.getBoolean(BitMaxSinkConfig.TRANSFERS_ENABLED)).isFalse();
        assertThat(c.getBoolean(BitMaxSinkConfig.DRY_RUN)).isFalse();
        assertThat(c.websocketTransport()).isFalse();
        assertThat(c.toleratesErrors()).isFalse();
        assertThat(c.resultsProducerProps()).containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(c.apiSecret().toString()).doesNotContain("secret");
    }

    @Test
    void badValuesNameTheKey() {
        Map<String, String> p = minimal();
        p.put("bitmax.transport", "carrier-pigeon");
        assertThatThrownBy(() -> new BitMaxSinkConfig(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bitmax.transport").hasMessageContaining("rest, websocket");
        Map<String, String> q = minimal();
        q.put("risk.max.order.qty", "-3");
        assertThatThrownBy(() -> new BitMaxSinkConfig(q)).hasMessageContaining("risk.max.order.qty");
        Map<String, String> r = minimal();
        r.remove("results.producer.bootstrap.servers");
        assertThatThrownBy(() -> new BitMaxSinkConfig(r)).hasMessageContaining("results.producer.bootstrap.servers");
        Map<String, String> u = minimal();
        u.put("bitmax.rest.url", "ftp://x");
        assertThatThrownBy(() -> new BitMaxSinkConfig(u)).hasMessageContaining("bitmax.rest.url");
    }

    @Test
    void noExchangeIsChosenByDefault() {
        Map<String, String> p = minimal();
        p.remove("bitmax.rest.url");
        assertThatThrownBy(() -> new BitMaxSinkConfig(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bitmax.rest.url").hasMessageContaining("no default value");
        assertThat(BitMaxSinkConfig.CONFIG_DEF.configKeys().get("bitmax.rest.url").hasDefault()).isFalse();
        assertThat(BitMaxSinkConfig.CONFIG_DEF.configKeys().get("bitmax.ws.url").defaultValue).isEqualTo("");

        Map<String, String> ws = minimal();
        ws.put("bitmax.transport", "websocket");
        assertThatThrownBy(() -> new BitMaxSinkConfig(ws)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bitmax.ws.url is required when bitmax.transport is websocket");
        ws.put("bitmax.ws.url", "ws://127.0.0.1:8090");
        assertThat(new BitMaxSinkConfig(ws).wsUrl()).isEqualTo("ws://127.0.0.1:8090");
    }

    @Test
    void aResultsTopicTheConnectorConsumesIsRefusedAtStart() {
        Map<String, String> p = minimal();
        p.put("topics", "orders.commands");
        p.put("topic.results", "orders.commands");
        assertThatThrownBy(() -> new BitMaxSinkConfig(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.results=orders.commands is also a command topic (topics=orders.commands)");

        Map<String, String> regex = minimal();
        regex.put("topics.regex", "orders\\..*");
        regex.put("topic.results", "orders.results");
        assertThatThrownBy(() -> new BitMaxSinkConfig(regex)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("topics.regex=orders\\..* matches it");
    }

    @Test
    void theResultsTopicFollowsKafkasTopicRules() {
        Map<String, String> p = minimal();
        p.put("topic.results", "bad topic!");
        assertThatThrownBy(() -> new BitMaxSinkConfig(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.results").hasMessageContaining("contains one or more characters other than ASCII");
        p.put("topic.results", "r".repeat(250));
        assertThatThrownBy(() -> new BitMaxSinkConfig(p)).hasMessageContaining("249");
        p.put("topic.results", "");
        assertThat(new BitMaxSinkConfig(p).resultsTopic()).isEmpty();
    }
}
