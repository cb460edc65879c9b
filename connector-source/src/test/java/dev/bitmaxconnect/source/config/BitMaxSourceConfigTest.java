package dev.bitmaxconnect.source.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class BitMaxSourceConfigTest {

    static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(BitMaxSourceConfig.REST_URL, "http://127.0.0.1:8080/");
        props.put(BitMaxSourceConfig.WS_URL, "ws://127.0.0.1:8080");
        props.put(BitMaxSourceConfig.SYMBOLS, "BTC-PERP,ETH-PERP");
        return props;
    }

    @Test
    void defaultsNameTopicsAfterThePrefix() {
        BitMaxSourceConfig config = new BitMaxSourceConfig(minimal());
        assertThat(config.restUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.channels()).containsExactly(Channel.BBO, Channel.DEPTH, Channel.TRADES);
        assertThat(config.topicFor(Channel.TRADES)).isEqualTo("bitmax.trades");
        assertThat(config.topicFor(Channel.ORDER)).isEqualTo("bitmax.order");
        assertThat(config.contractsTopic()).isEqualTo("bitmax.ref.contracts");
        assertThat(config.decimalHandlingMode()).isEqualTo(DecimalHandlingMode.STRING);
        assertThat(config.queueFullBehavior()).isEqualTo(QueueFullBehavior.BLOCK);
        assertThat(config.hasPrivateChannels()).isFalse();
    }

    @Test
    void topicOverrideAndPrefixApply() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.TOPIC_PREFIX, "x");
        props.put("topic.depth", "books");
        BitMaxSourceConfig config = new BitMaxSourceConfig(props);
        assertThat(config.topicFor(Channel.DEPTH)).isEqualTo("books");
        assertThat(config.topicFor(Channel.BBO)).isEqualTo("x.bbo");
        assertThat(config.collateralPricingTopic()).isEqualTo("x.ref.collateral-pricing");
    }

    @Test
    void unknownChannelIsRefusedByName() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "trades,ticker");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("channels").hasMessageContaining("ticker");
    }

    @Test
    void privateChannelsNeedCredentialsAndTheMessageHidesThem() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "order");
        props.put(BitMaxSourceConfig.API_KEY, "my-key");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bitmax.api.secret").hasMessageNotContaining("my-key");
        props.put(BitMaxSourceConfig.API_SECRET, "s3cret");
        BitMaxSourceConfig config = new BitMaxSourceConfig(props);
        assertThat(config.hasPrivateChannels()).isTrue();
        assertThat(config.apiSecret().toString()).doesNotContain("s3cret");
    }

    @Test
    void symbolsAreValidated() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.SYMBOLS, "*,BTC-PERP");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).hasMessageContaining("symbols");
        props.put(BitMaxSourceConfig.SYMBOLS, "BTC PERP");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).hasMessageContaining("BTC PERP");
        props.put(BitMaxSourceConfig.SYMBOLS, "*");
        assertThat(new BitMaxSourceConfig(props).allSymbols()).isTrue();
    }

    @Test
    void urlsAreValidatedWithTheirScheme() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.WS_URL, "http://127.0.0.1:1");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).hasMessageContaining("bitmax.ws.url")
                .hasMessageContaining("ws or wss");
    }

    @Test
    void barIntervalsAndDecimalModeAreChecked() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.BAR_INTERVALS, "1,7");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).hasMessageContaining("bar.intervals");
        props.put(BitMaxSourceConfig.BAR_INTERVALS, "1,1d");
        props.put(BitMaxSourceConfig.DECIMAL_HANDLING_MODE, "float");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).hasMessageContaining("decimal.handling.mode");
        props.put(BitMaxSourceConfig.DECIMAL_HANDLING_MODE, "precise");
        assertThat(new BitMaxSourceConfig(props).decimalHandlingMode()).isEqualTo(DecimalHandlingMode.PRECISE);
    }

    @Test
    void valueFormatIsTypedByDefaultAndCheckedByName() {
        Map<String, String> props = minimal();
        assertThat(new BitMaxSourceConfig(props).valueFormat()).isEqualTo(ValueFormat.TYPED);
        props.put(BitMaxSourceConfig.VALUE_FORMAT, "raw");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.format").hasMessageContaining("raw");
        props.put(BitMaxSourceConfig.VALUE_FORMAT, "exchange-json");
        props.put(BitMaxSourceConfig.CHANNELS, "pricing,bbo,depth,trades,bar");
        assertThat(new BitMaxSourceConfig(props).valueFormat()).isEqualTo(ValueFormat.EXCHANGE_JSON);
        assertThat(BitMaxSourceConfig.CONFIG_DEF.configKeys().get(BitMaxSourceConfig.VALUE_FORMAT).recommender
                .validValues(BitMaxSourceConfig.VALUE_FORMAT, Map.of())).containsExactly("typed", "exchange-json");
    }

    @Test
    void exchangeJsonRefusesWhatStaysTypedNamingIt() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.VALUE_FORMAT, "exchange-json");
        props.put(BitMaxSourceConfig.CHANNELS, "trades,order");
        props.put(BitMaxSourceConfig.API_KEY, "k");
        props.put(BitMaxSourceConfig.API_SECRET, "s");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.format").hasMessageContaining("exchange-json")
                .hasMessageContaining("channel order").hasMessageContaining("value.format=typed");
        props.put(BitMaxSourceConfig.CHANNELS, "trades");
        props.put(BitMaxSourceConfig.REFERENCE_DATA, "contracts");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).hasMessageContaining("reference data contracts");
        props.remove(BitMaxSourceConfig.REFERENCE_DATA);
        props.put(BitMaxSourceConfig.CHANNELS, "depth,book");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).hasMessageContaining("channel book");
        props.put(BitMaxSourceConfig.VALUE_FORMAT, "typed");
        props.put(BitMaxSourceConfig.CHANNELS, "trades,order");
        assertThat(new BitMaxSourceConfig(props).hasPrivateChannels()).isTrue();
    }

    @Test
    void recommendersOfferTheChoicesAndHideUnusedKeys() {
        Map<String, Object> parsed = new HashMap<>();
        parsed.put(BitMaxSourceConfig.CHANNELS, List.of("trades"));
        parsed.put(BitMaxSourceConfig.DECIMAL_HANDLING_MODE, "string");
        var keys = BitMaxSourceConfig.CONFIG_DEF.configKeys();
        assertThat(keys.get(BitMaxSourceConfig.CHANNELS).recommender.validValues(BitMaxSourceConfig.CHANNELS, parsed))
                .containsExactly("pricing", "bbo", "depth", "book", "trades", "bar", "order", "account");
        assertThat(keys.get(BitMaxSourceConfig.BAR_INTERVALS).recommender.visible(BitMaxSourceConfig.BAR_INTERVALS, parsed))
                .isFalse();
        assertThat(keys.get(BitMaxSourceConfig.DECIMAL_PRECISE_SCALE).recommender
                .visible(BitMaxSourceConfig.DECIMAL_PRECISE_SCALE, parsed)).isFalse();
        parsed.put(BitMaxSourceConfig.DECIMAL_HANDLING_MODE, "precise");
        assertThat(keys.get(BitMaxSourceConfig.DECIMAL_PRECISE_SCALE).recommender
                .visible(BitMaxSourceConfig.DECIMAL_PRECISE_SCALE, parsed)).isTrue();
    }

    @Test
    void bookSettingsHaveDefaultsAndAreChecked() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "trades,book");
        BitMaxSourceConfig config = new BitMaxSourceConfig(props);
        assertThat(config.channels()).containsExactly(Channel.BOOK, Channel.TRADES);
        assertThat(config.bookLevels()).isEqualTo(10);
        assertThat(config.bookIntervalMs()).isEqualTo(1_000);
        assertThat(config.topicFor(Channel.BOOK)).isEqualTo("bitmax.book");

        props.put(BitMaxSourceConfig.BOOK_LEVELS, "0");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("book.levels").hasMessageContaining("0");
        props.put(BitMaxSourceConfig.BOOK_LEVELS, "3");
        props.put(BitMaxSourceConfig.BOOK_INTERVAL_MS, "-1");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("book.interval.ms").hasMessageContaining("-1");
        props.put(BitMaxSourceConfig.BOOK_INTERVAL_MS, "0");
        props.put("topic.book", "books");
        config = new BitMaxSourceConfig(props);
        assertThat(config.bookLevels()).isEqualTo(3);
        assertThat(config.bookIntervalMs()).isZero();
        assertThat(config.topicFor(Channel.BOOK)).isEqualTo("books");
    }

    @Test
    void theBookChannelNeedsDepthSnapshots() {
        Map<String, String> props = minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "depth,book");
        props.put(BitMaxSourceConfig.DEPTH_SNAPSHOT_ENABLED, "false");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("depth.snapshot.enabled").hasMessageContaining("channels=depth,book");
        props.put(BitMaxSourceConfig.CHANNELS, "depth");
        assertThat(new BitMaxSourceConfig(props).depthSnapshotEnabled()).isFalse();
    }
}
