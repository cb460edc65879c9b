package dev.bitmaxconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.KeyEncoding;
import dev.bitmaxconnect.common.config.ExchangeConfig.Need;

class ExchangeConfigTest {

    /** As the source defines them: a WebSocket URL always, credentials only for some channels. */
    private static final ConfigDef STREAMING = ExchangeConfig.define(new ConfigDef(), Need.required(),
            Need.optional("Needed only for the private channels."));
    /** As the sink defines them: credentials always, a WebSocket URL only for one transport. */
    private static final ConfigDef TRADING = ExchangeConfig.define(new ConfigDef(),
            Need.optional("Required with the WebSocket transport."), Need.required("The key needs trade permission."));

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(ExchangeConfig.REST_URL, " http://127.0.0.1:8090// ");
        props.put(ExchangeConfig.WS_URL, "ws://127.0.0.1:8090/");
        return props;
    }

    @Test
    void theKeysAreDefinedInTheirOrderInTheExchangeGroup() {
        assertThat(STREAMING.names()).containsExactlyInAnyOrderElementsOf(ExchangeConfig.KEYS);
        for (String key : ExchangeConfig.KEYS) {
            ConfigKey definition = STREAMING.configKeys().get(key);
            assertThat(definition.group).as(key).isEqualTo(ExchangeConfig.GROUP);
            assertThat(definition.orderInGroup).as(key).isEqualTo(ExchangeConfig.KEYS.indexOf(key) + 1);
        }
    }

    @Test
    void whatAConnectorNeedsDecidesDefaultsAndDocs() {
        Map<String, ConfigKey> streaming = STREAMING.configKeys();
        assertThat(streaming.get(ExchangeConfig.WS_URL).hasDefault()).isFalse();
        assertThat(streaming.get(ExchangeConfig.API_KEY).defaultValue).isNull();
        assertThat(streaming.get(ExchangeConfig.API_SECRET).defaultValue).isNull();
        assertThat(streaming.get(ExchangeConfig.API_KEY).documentation).endsWith("Needed only for the private channels.");

        Map<String, ConfigKey> trading = TRADING.configKeys();
        assertThat(trading.get(ExchangeConfig.WS_URL).defaultValue).isEqualTo("");
        assertThat(trading.get(ExchangeConfig.WS_URL).documentation).endsWith("Required with the WebSocket transport.");
        assertThat(trading.get(ExchangeConfig.API_KEY).hasDefault()).isFalse();
        assertThat(trading.get(ExchangeConfig.API_SECRET).hasDefault()).isFalse();
        assertThat(trading.get(ExchangeConfig.REST_URL).hasDefault()).isFalse();
        assertThat(STREAMING.configKeys().get(ExchangeConfig.REST_URL).hasDefault()).isFalse();
    }

    @Test
    void theRequiredUrlsAndCredentialsAreRefusedWhenMissing() {
        Map<String, String> props = minimal();
        props.remove(ExchangeConfig.WS_URL);
        assertThatThrownBy(() -> new ExchangeConfig(STREAMING, props, false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ExchangeConfig.WS_URL);
        assertThat(new ExchangeConfig(TRADING, withCredentials(props), false).wsUrl()).isEmpty();
        assertThatThrownBy(() -> new ExchangeConfig(TRADING, props, false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ExchangeConfig.API_KEY);
    }

    @Test
    void choicesAndRangesAreCheckedByKey() {
        Map<String, String> props = minimal();
        props.put(ExchangeConfig.WS_SIGNED_PATH, "api/pro/v2/stream");
        assertThatThrownBy(() -> new ExchangeConfig(STREAMING, props, false))
                .hasMessageContaining(ExchangeConfig.WS_SIGNED_PATH).hasMessageContaining("v2/stream, stream");
        props.remove(ExchangeConfig.WS_SIGNED_PATH);
        props.put(ExchangeConfig.REST_KEY_ENCODING, "hex");
        assertThatThrownBy(() -> new ExchangeConfig(STREAMING, props, false))
                .hasMessageContaining(ExchangeConfig.REST_KEY_ENCODING).hasMessageContaining("raw, base64");
        props.remove(ExchangeConfig.REST_KEY_ENCODING);
        props.put(ExchangeConfig.REQUEST_TIMEOUT_MS, "120001");
        assertThatThrownBy(() -> new ExchangeConfig(STREAMING, props, false))
                .hasMessageContaining(ExchangeConfig.REQUEST_TIMEOUT_MS).hasMessageContaining("120000");
        props.put(ExchangeConfig.REQUEST_TIMEOUT_MS, "120000");
        props.put(ExchangeConfig.CONNECT_TIMEOUT_MS, "120001");
        assertThatThrownBy(() -> new ExchangeConfig(STREAMING, props, false))
                .hasMessageContaining(ExchangeConfig.CONNECT_TIMEOUT_MS);
    }

    @Test
    void recommendersOfferTheChoices() {
        ConfigKey path = STREAMING.configKeys().get(ExchangeConfig.WS_SIGNED_PATH);
        assertThat(path.recommender.validValues(path.name, Map.of())).containsExactly("v2/stream", "stream");
        ConfigKey encoding = STREAMING.configKeys().get(ExchangeConfig.WS_KEY_ENCODING);
        assertThat(encoding.recommender.validValues(encoding.name, Map.of())).containsExactly("raw", "base64");
    }

    @Test
    void theSettingsReachTheClient() {
        Map<String, String> props = withCredentials(minimal());
        props.put(ExchangeConfig.WS_SIGNED_PATH, "stream");
        props.put(ExchangeConfig.REST_KEY_ENCODING, "base64");
        props.put(ExchangeConfig.CONNECT_TIMEOUT_MS, "700");
        props.put(ExchangeConfig.REQUEST_TIMEOUT_MS, "1500");
        props.put(ExchangeConfig.RECONNECT_BACKOFF_MS, "200");
        props.put(ExchangeConfig.RECONNECT_BACKOFF_MAX_MS, "900");

        BitMaxClientConfig client = new ExchangeConfig(TRADING, props, false).clientConfig().build();

        assertThat(client.restUrl()).isEqualTo("http://127.0.0.1:8090");
        assertThat(client.wsUrl()).isEqualTo("ws://127.0.0.1:8090");
        assertThat(client.wsSignedPath()).isEqualTo("stream");
        assertThat(client.restKeyEncoding()).isEqualTo(KeyEncoding.BASE64);
        assertThat(client.wsKeyEncoding()).isEqualTo(KeyEncoding.RAW);
        assertThat(client.connectTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(List.of(client.readTimeout(), client.callTimeout(), client.wsRequestTimeout()))
                .containsOnly(Duration.ofMillis(1500));
        assertThat(client.reconnectBackoffMin()).isEqualTo(Duration.ofMillis(200));
        assertThat(client.reconnectBackoffMax()).isEqualTo(Duration.ofMillis(900));
        assertThat(client.credentials()).hasValueSatisfying(c -> assertThat(c.apiKey()).isEqualTo("key"));
        assertThat(client.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void theDefaultsAreTheClientsOwn() {
        BitMaxClientConfig defaults = BitMaxClientConfig.builder().restUrl("http://h").build();
        BitMaxClientConfig client = new ExchangeConfig(STREAMING, minimal(), false).clientConfig().build();
        assertThat(client.connectTimeout()).isEqualTo(defaults.connectTimeout());
        assertThat(client.readTimeout()).isEqualTo(defaults.readTimeout());
        assertThat(client.wsRequestTimeout()).isEqualTo(defaults.wsRequestTimeout());
        assertThat(client.reconnectBackoffMin()).isEqualTo(defaults.reconnectBackoffMin());
        assertThat(client.reconnectBackoffMax()).isEqualTo(defaults.reconnectBackoffMax());
        assertThat(client.wsSignedPath()).isEqualTo(defaults.wsSignedPath());
    }

    @Test
    void theClientSignsOnlyWithBothKeyAndSecret() {
        Map<String, String> props = minimal();
        props.put(ExchangeConfig.API_KEY, "key");
        ExchangeConfig keyOnly = new ExchangeConfig(STREAMING, props, false);
        assertThat(keyOnly.hasCredentials()).isFalse();
        assertThat(keyOnly.clientConfig().build().credentials()).isEmpty();
        props.put(ExchangeConfig.API_SECRET, " ");
        assertThat(new ExchangeConfig(STREAMING, props, false).hasCredentials()).isFalse();
    }

    @Test
    void aMaximumBackoffBelowTheFirstMeansNeverLonger() {
        Map<String, String> props = minimal();
        props.put(ExchangeConfig.RECONNECT_BACKOFF_MS, "200");
        props.put(ExchangeConfig.RECONNECT_BACKOFF_MAX_MS, "100");
        BitMaxClientConfig client = new ExchangeConfig(STREAMING, props, false).clientConfig().build();
        assertThat(client.reconnectBackoffMax()).isEqualTo(Duration.ofMillis(200));
    }

    private static Map<String, String> withCredentials(Map<String, String> props) {
        Map<String, String> copy = new HashMap<>(props);
        copy.put(ExchangeConfig.API_KEY, "key");
        copy.put(ExchangeConfig.API_SECRET, "s3cr3t-value");
        return copy;
    }
}
