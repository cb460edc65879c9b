package dev.bitmaxconnect.source.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** An empty list, or one whose items all come from a fixed set; every unknown item is named, in one message. */
final class ChoiceListValidator implements ConfigDef.Validator {
    private final List<String> choices;

    ChoiceListValidator(List<String> choices) {
        this.choices = List.copyOf(choices);
    }

    @Override
    public void ensureValid(String name, Object value) {
        List<?> items = value instanceof List<?> list ? list : List.of();
        List<String> unknown = items.stream().map(String::valueOf).filter(item -> !choices.contains(item)).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException(name, value, (unknown.size() == 1 ? "unknown item " : "unknown items ")
                    + String.join(", ", unknown) + "; each must be one of " + String.join(", ", choices));
        }
    }

    @Override
    public String toString() {
        return "any of " + String.join(", ", choices);
    }
}
