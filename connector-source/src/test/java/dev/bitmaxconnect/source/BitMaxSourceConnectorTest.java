package dev.bitmaxconnect.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.source.config.BitMaxSourceConfig;

class BitMaxSourceConnectorTest {

    private static Map<String, String> props(String channels) {
        Map<String, String> props = new HashMap<>();
        props.put(BitMaxSourceConfig.REST_URL, "http://127.0.0.1:1");
        props.put(BitMaxSourceConfig.WS_URL, "ws://127.0.0.1:1");
        props.put(BitMaxSourceConfig.SYMBOLS, "BTC-PERP");
        props.put(BitMaxSourceConfig.CHANNELS, channels);
        props.put(BitMaxSourceConfig.API_KEY, "k");
        props.put(BitMaxSourceConfig.API_SECRET, "s");
        return props;
    }

    @Test
    void exactlyOnceOnlyForSequencedChannels() {
        BitMaxSourceConnector connector = new BitMaxSourceConnector();
        assertThat(connector.exactlyOnceSupport(props("trades,depth,order,account"))).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.exactlyOnceSupport(props("trades,bbo"))).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
        assertThat(connector.exactlyOnceSupport(props("depth,book"))).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.exactlyOnceSupport(props("book"))).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        Map<String, String> withReference = props("order");
        withReference.put(BitMaxSourceConfig.REFERENCE_DATA, "contracts");
        assertThat(connector.exactlyOnceSupport(withReference)).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(props("order")))
                .isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
    }

    @Test
    void validateNamesTheMissingSecretForPrivateChannels() {
        Map<String, String> props = props("order");
        props.remove(BitMaxSourceConfig.API_SECRET);
        Config result = new BitMaxSourceConnector().validate(props);
        ConfigValue secret = result.configValues().stream()
                .filter(v -> v.name().equals(BitMaxSourceConfig.API_SECRET)).findFirst().orElseThrow();
        assertThat(secret.errorMessages()).anySatisfy(m -> assertThat(m).contains("API secret"));
    }

    @Test
    void validatePutsAFormatThatCannotWriteAChannelOnTheFormat() {
        Map<String, String> props = props("trades,account");
        props.put(BitMaxSourceConfig.VALUE_FORMAT, "exchange-json");
        Config result = new BitMaxSourceConnector().validate(props);
        ConfigValue format = result.configValues().stream()
                .filter(v -> v.name().equals(BitMaxSourceConfig.VALUE_FORMAT)).findFirst().orElseThrow();
        assertThat(format.errorMessages()).singleElement().satisfies(m -> assertThat(m).contains("channel account"));
        props.put(BitMaxSourceConfig.CHANNELS, "trades,depth");
        assertThat(new BitMaxSourceConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(BitMaxSourceConfig.VALUE_FORMAT)).findFirst().orElseThrow()
                .errorMessages()).isEmpty();
    }

    @Test
    void validateRefusesTheBookChannelWithoutDepthSnapshots() {
        Map<String, String> props = props("trades,book");
        props.put(BitMaxSourceConfig.DEPTH_SNAPSHOT_ENABLED, "false");
        ConfigValue snapshots = new BitMaxSourceConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(BitMaxSourceConfig.DEPTH_SNAPSHOT_ENABLED)).findFirst().orElseThrow();
        assertThat(snapshots.errorMessages()).singleElement().asString()
                .contains("book channel").contains("depth.snapshot.enabled=true");
        props.put(BitMaxSourceConfig.DEPTH_SNAPSHOT_ENABLED, "true");
        assertThat(new BitMaxSourceConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(BitMaxSourceConfig.DEPTH_SNAPSHOT_ENABLED)).findFirst().orElseThrow()
                .errorMessages()).isEmpty();
    }

    @Test
    void allSymbolsFollowTheContractListAndAskForReconfigurationWhenItChanges() {
        List<List<String>> lists = new ArrayList<>(List.of(List.of("BTC-PERP"), List.of("BTC-PERP"), List.of("BTC-PERP", "ETH-PERP")));
        BitMaxSourceConnector connector = new BitMaxSourceConnector(config -> lists.remove(0));
        AtomicInteger reconfigurations = new AtomicInteger();
        connector.initialize(new ConnectorContext() {
            @Override
            public void requestTaskReconfiguration() {
                reconfigurations.incrementAndGet();
            }

            @Override
            public void raiseError(Exception e) {
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        });
        Map<String, String> props = props("trades");
        props.put(BitMaxSourceConfig.SYMBOLS, "*");
        props.put(BitMaxSourceConfig.SYMBOLS_REFRESH_INTERVAL_MS, "3600000");
        connector.start(props);
        assertThat(connector.taskConfigs(5)).hasSize(1);

        connector.refreshSymbols();
        assertThat(reconfigurations).hasValue(0);
        connector.refreshSymbols();
        assertThat(reconfigurations).hasValue(1);
        assertThat(connector.symbols()).containsExactly("BTC-PERP", "ETH-PERP");
        assertThat(connector.taskConfigs(5)).hasSize(2);
        connector.stop();
    }

    @Test
    void fixedSymbolsNeedNoExchangeAndSpreadOverTasks() {
        BitMaxSourceConnector connector = new BitMaxSourceConnector();
        connector.start(props("trades,depth"));
        assertThat(connector.taskConfigs(4)).hasSize(2);
        assertThat(connector.taskClass()).isEqualTo(BitMaxSourceTask.class);
        connector.stop();
    }
}
