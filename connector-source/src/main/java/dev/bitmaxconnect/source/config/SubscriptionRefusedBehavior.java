package dev.bitmaxconnect.source.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a task does when the exchange refuses one of its market-data subscriptions (an unknown symbol, say). */
public enum SubscriptionRefusedBehavior {
    /** Fail the task with the exchange's reason: a channel that never delivers is a mistake to fix. */
    FAIL,
    /** Log the refusal, count it, and keep streaming the subscriptions that were accepted. */
    WARN;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionRefusedBehavior fromConfigName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(SubscriptionRefusedBehavior::configName).collect(Collectors.toList());
    }
}
