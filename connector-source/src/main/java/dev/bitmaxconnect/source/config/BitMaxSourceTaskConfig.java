package dev.bitmaxconnect.source.config;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** A task's settings: the connector's, plus the share of the work {@code taskConfigs} gave it. */
public class BitMaxSourceTaskConfig extends BitMaxSourceConfig {

    /** Exchange channel names this task subscribes to, e.g. {@code trades:BTC-PERP}, {@code bar:1:BTC-PERP}. */
    public static final String TASK_SUBSCRIPTIONS = "task.subscriptions";
    /** Whether this task runs the private channels (order, account); exactly one task does. */
    public static final String TASK_PRIVATE = "task.private";
    /** The task's number, for its metrics. */
    public static final String TASK_INDEX = "task.index";
    /** Whether this task reads the reference data; exactly one task does. */
    public static final String TASK_REFERENCE = "task.reference";

    static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
            .define(TASK_SUBSCRIPTIONS, Type.LIST, "", Importance.HIGH, "Assigned subscriptions (set by the connector).")
            .define(TASK_PRIVATE, Type.BOOLEAN, false, Importance.HIGH, "Runs the private channels (set by the connector).")
            .define(TASK_INDEX, Type.INT, 0, Importance.LOW, "Task number (set by the connector).")
            .define(TASK_REFERENCE, Type.BOOLEAN, false, Importance.HIGH, "Reads reference data (set by the connector).");

    public BitMaxSourceTaskConfig(Map<?, ?> originals) {
        super(TASK_CONFIG_DEF, originals);
    }

    public List<String> subscriptions() {
        return getList(TASK_SUBSCRIPTIONS);
    }

    public boolean runsPrivateChannels() {
        return getBoolean(TASK_PRIVATE);
    }

    public boolean readsReferenceData() {
        return getBoolean(TASK_REFERENCE);
    }
}
