package dev.bitmaxconnect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A topic the sink writes to must not be one it reads commands from. */
class ConsumedTopicsTest {

    @Test
    void aTopicInTheListIsReadBack() {
        ConsumedTopics consumed = ConsumedTopics.of(Map.of("topics", "a.commands, b.commands"));

        assertThat(consumed.readBack("topic.results", "b.commands")).hasValueSatisfying(why -> assertThat(why)
                .startsWith("topic.results=b.commands is also a command topic (topics=a.commands,b.commands)")
                .contains("read back as a command"));
        assertThat(consumed.readBack("topic.results", "b.results")).isEmpty();
    }

    @Test
    void aTopicMatchedByTheRegexIsReadBack() {
        ConsumedTopics consumed = ConsumedTopics.of(Map.of("topics.regex", "orders\\..*"));

        assertThat(consumed.readBack("topic.results", "orders.results")).hasValueSatisfying(why -> assertThat(why)
                .startsWith("topic.results=orders.results is also a command topic (topics.regex=orders\\..* matches it)"));
        assertThat(consumed.readBack("topic.results", "results.orders")).isEmpty();
    }

    @Test
    void emptyTopicsAndUnreadableRegexesReadNothingBack() {
        assertThat(ConsumedTopics.of(Map.of("topics", "c")).readBack("topic.results", "")).isEmpty();
        assertThat(ConsumedTopics.of(Map.of("topics.regex", "(")).readBack("topic.results", "(")).isEmpty();
        assertThat(ConsumedTopics.of(Map.of()).readBack("topic.results", "c")).isEmpty();
    }
}
