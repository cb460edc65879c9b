package dev.bitmaxconnect.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.common.config.ConfigDef;

/** Recommends a fixed set of values, and shows its key only while a condition on the other settings holds. */
public final class ChoiceRecommender implements ConfigDef.Recommender {
    private final List<Object> values;
    private final Predicate<Map<String, Object>> visible;

    public ChoiceRecommender(List<String> values) {
        this(values, settings -> true);
    }

    public ChoiceRecommender(List<String> values, Predicate<Map<String, Object>> visible) {
        this.values = new ArrayList<>(values);
        this.visible = visible;
    }

    /** No values to recommend (the key is free-form), only when the key matters. */
    public static ChoiceRecommender visibleWhen(Predicate<Map<String, Object>> visible) {
        return new ChoiceRecommender(List.of(), visible);
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return values;
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        return visible.test(parsedConfig);
    }
}
