package dev.bitmaxconnect.common.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TopicNameValidatorTest {

    @Test
    void emptyPassesWhereAllowedAndAnIllegalNameIsRefusedNamingKeyAndValue() {
        TopicNameValidator topic = TopicNameValidator.orEmpty();

        assertThatCode(() -> topic.ensureValid("topic.results", "")).doesNotThrowAnyException();
        assertThatCode(() -> topic.ensureValid("topic.results", "my_results-v1.0")).doesNotThrowAnyException();
        assertThatThrownBy(() -> topic.ensureValid("topic.results", "bad topic!")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.results").hasMessageContaining("bad topic!");
    }

    @Test
    void aPrefixLeavesRoomForTheLongestSuffix() {
        TopicNameValidator prefix = TopicNameValidator.prefixOf(".ref.collateral-pricing");

        assertThatCode(() -> prefix.ensureValid("topic.prefix", "a".repeat(226))).doesNotThrowAnyException();
        assertThatThrownBy(() -> prefix.ensureValid("topic.prefix", "a".repeat(227)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.prefix");
        assertThatThrownBy(() -> prefix.ensureValid("topic.prefix", "")).isInstanceOf(ConfigException.class);
    }
}
