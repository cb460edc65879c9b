package dev.bitmaxconnect.sink.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/** A topic name by Kafka's own rules (the broker's), or empty where the key allows it: empty then means off. */
final class TopicNameValidator implements ConfigDef.Validator {
    private final boolean emptyAllowed;

    private TopicNameValidator(boolean emptyAllowed) {
        this.emptyAllowed = emptyAllowed;
    }

    static TopicNameValidator orEmpty() {
        return new TopicNameValidator(true);
    }

    @Override
    public void ensureValid(String name, Object value) {
        String topic = value == null ? "" : value.toString().trim();
        if (topic.isEmpty() && emptyAllowed) {
            return;
        }
        try {
            Topic.validate(topic);
        } catch (InvalidTopicException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return emptyAllowed ? "empty, or a Kafka topic name" : "a Kafka topic name";
    }
}
