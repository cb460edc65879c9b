package dev.bitmaxconnect.source.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.common.config.TopicNameValidator;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The source's topic settings follow Kafka's own rules for names; empty keeps the default topic. */
class SourceTopicNamesTest {

    @Test
    void aChannelTopicWithIllegalCharactersIsRefusedByKafkasRule() {
        Map<String, String> props = BitMaxSourceConfigTest.minimal();
        props.put("topic.trades", "bad topic!");
        assertThatThrownBy(() -> new BitMaxSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.trades").hasMessageContaining("bad topic!")
                .hasMessageContaining("contains one or more characters other than ASCII alphanumerics");
    }

    @Test
    void everyTopicKeyIsChecked() {
        for (String key : BitMaxSourceConfig.CONFIG_DEF.names()) {
            if (!key.startsWith("topic.")) {
                continue;
            }
            Map<String, String> props = BitMaxSourceConfigTest.minimal();
            props.put(key, "..");
            assertThatThrownBy(() -> new BitMaxSourceConfig(props)).as(key).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(key);
        }
    }

    @Test
    void emptyMeansTheDefaultTopicAndLegalNamesPass() {
        Map<String, String> props = BitMaxSourceConfigTest.minimal();
        props.put("topic.trades", "");
        props.put("topic.ref.contracts", "my_contracts-v1.0");
        BitMaxSourceConfig config = new BitMaxSourceConfig(props);
        assertThat(config.topicFor(Channel.TRADES)).isEqualTo("bitmax.trades");
        assertThat(config.contractsTopic()).isEqualTo("my_contracts-v1.0");
    }

    @Test
    void aPrefixMustLeaveRoomForTheLongestTopicBuiltOnIt() {
        TopicNameValidator prefix = TopicNameValidator.prefixOf(".ref.collateral-pricing");
        prefix.ensureValid("topic.prefix", "a".repeat(226));
        assertThatThrownBy(() -> prefix.ensureValid("topic.prefix", "a".repeat(227)))
                .hasMessageContaining("topic.prefix").hasMessageContaining("249");
        assertThatThrownBy(() -> prefix.ensureValid("topic.prefix", "")).hasMessageContaining("topic.prefix");
        assertThatThrownBy(() -> TopicNameValidator.orEmpty().ensureValid("topic.bbo", "a".repeat(250)))
                .hasMessageContaining("249");
    }
}
