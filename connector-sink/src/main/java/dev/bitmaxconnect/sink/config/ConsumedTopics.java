package dev.bitmaxconnect.sink.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * The topics the sink reads commands from ({@code topics} or {@code topics.regex}). A topic the connector also
 * writes to would come back to it as a command: each record refused, its refusal written and read again, forever.
 */
public final class ConsumedTopics {
    private final List<String> topics;
    private final String regex;
    private final Pattern pattern;

    private ConsumedTopics(List<String> topics, String regex, Pattern pattern) {
        this.topics = topics;
        this.regex = regex;
        this.pattern = pattern;
    }

    /** From the connector's settings; a missing or malformed {@code topics.regex} matches nothing (Connect reports it). */
    public static ConsumedTopics of(Map<?, ?> props) {
        Object list = props.get(SinkConnector.TOPICS_CONFIG);
        List<String> topics = list == null ? List.of() : Arrays.stream(list.toString().split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).toList();
        Object regexValue = props.get(SinkTask.TOPICS_REGEX_CONFIG);
        String regex = regexValue == null ? "" : regexValue.toString().trim();
        Pattern pattern = null;
        if (!regex.isEmpty()) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                pattern = null;
            }
        }
        return new ConsumedTopics(topics, regex, pattern);
    }

    /**
     * Why {@code topic}, written by the connector as {@code key}, would be read back as commands; empty when it
     * would not (or is empty: nothing written).
     */
    public Optional<String> readBack(String key, String topic) {
        String t = topic == null ? "" : topic.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String consumedAs;
        if (topics.contains(t)) {
            consumedAs = SinkConnector.TOPICS_CONFIG + "=" + String.join(",", topics);
        } else if (pattern != null && pattern.matcher(t).matches()) {
            consumedAs = SinkTask.TOPICS_REGEX_CONFIG + "=" + regex + " matches it";
        } else {
            return Optional.empty();
        }
        return Optional.of(key + "=" + t + " is also a command topic (" + consumedAs + "): every record written "
                + "there would be read back as a command and refused, without end. Choose a topic the connector does "
                + "not consume");
    }
}
