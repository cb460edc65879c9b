package dev.bitmaxconnect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/**
 * A topic name by Kafka's own rules (the broker's: legal characters, length, not . or ..). Empty passes where the
 * key allows it (the default topic is used); a prefix is checked with the longest name the connector builds on it.
 */
public final class TopicNameValidator implements ConfigDef.Validator {
    private final boolean emptyAllowed;
    private final String longestSuffix;

    private TopicNameValidator(boolean emptyAllowed, String longestSuffix) {
        this.emptyAllowed = emptyAllowed;
        this.longestSuffix = longestSuffix;
    }

    /** A topic name, or empty for the connector's default. */
    public static TopicNameValidator orEmpty() {
        return new TopicNameValidator(true, "");
    }

    /** A prefix of topic names, which the connector completes with suffixes at most as long as {@code longestSuffix}. */
    public static TopicNameValidator prefixOf(String longestSuffix) {
        return new TopicNameValidator(false, longestSuffix);
    }

    @Override
    public void ensureValid(String name, Object value) {
        String topic = value == null ? "" : value.toString().trim();
        if (topic.isEmpty() && emptyAllowed) {
            return;
        }
        try {
            Topic.validate(topic);
            if (!longestSuffix.isEmpty()) {
                Topic.validate(topic + longestSuffix);
            }
        } catch (InvalidTopicException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        if (!longestSuffix.isEmpty()) {
            return "a Kafka topic name of at most " + (249 - longestSuffix.length()) + " characters";
        }
        return emptyAllowed ? "empty, or a Kafka topic name" : "a Kafka topic name";
    }
}
