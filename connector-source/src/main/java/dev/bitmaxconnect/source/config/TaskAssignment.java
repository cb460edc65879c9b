package dev.bitmaxconnect.source.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads the connector's work over up to {@code tasks.max} tasks: each public subscription (channel and symbol)
 * goes to one task, round robin; the private channels and the reference data go together to task 0. The book channel
 * subscribes to depth (once, when depth is listed too): the task that holds a symbol's depth keeps its book.
 */
public final class TaskAssignment {

    private TaskAssignment() {
    }

    /** The exchange channel names of every public subscription the settings ask for. */
    public static List<String> publicSubscriptions(BitMaxSourceConfig config, List<String> symbols) {
        List<String> subscriptions = new ArrayList<>();
        for (Channel channel : config.channels()) {
            if (channel.isPrivate()) {
                continue;
            }
            if (!channel.isPerSymbol()) {
                subscriptions.add(channel.exchangeName());
                continue;
            }
            if (channel == Channel.BOOK && config.channels().contains(Channel.DEPTH)) {
                continue; // the book is kept from the depth subscription
            }
            for (String symbol : symbols) {
                if (channel == Channel.BOOK) {
                    subscriptions.add(Channel.DEPTH.exchangeName() + ":" + symbol);
                } else if (channel == Channel.BAR) {
                    for (String interval : config.barIntervals()) {
                        subscriptions.add("bar:" + interval + ":" + symbol);
                    }
                } else {
                    subscriptions.add(channel.exchangeName() + ":" + symbol);
                }
            }
        }
        return subscriptions;
    }

    public static List<Map<String, String>> taskConfigs(BitMaxSourceConfig config, List<String> symbols, int maxTasks) {
        List<String> subscriptions = publicSubscriptions(config, symbols);
        boolean control = config.hasPrivateChannels() || !config.referenceData().isEmpty();
        int units = subscriptions.size() + (control ? 1 : 0);
        int tasks = Math.max(1, Math.min(maxTasks, units));

        List<List<String>> perTask = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            perTask.add(new ArrayList<>());
        }
        // The control unit (private channels, reference data) takes slot 0, so task 0 gets one public unit less.
        int slot = control ? 1 : 0;
        for (String subscription : subscriptions) {
            perTask.get(slot % tasks).add(subscription);
            slot++;
        }

        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Map<String, String> taskConfig = new HashMap<>(config.originalsStrings());
            taskConfig.put(BitMaxSourceTaskConfig.TASK_SUBSCRIPTIONS, String.join(",", perTask.get(i)));
            taskConfig.put(BitMaxSourceTaskConfig.TASK_INDEX, String.valueOf(i));
            taskConfig.put(BitMaxSourceTaskConfig.TASK_PRIVATE, String.valueOf(i == 0 && config.hasPrivateChannels()));
            taskConfig.put(BitMaxSourceTaskConfig.TASK_REFERENCE,
                    String.valueOf(i == 0 && !config.referenceData().isEmpty()));
            configs.add(taskConfig);
        }
        return configs;
    }
}
