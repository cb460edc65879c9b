package dev.bitmaxconnect.sink.command;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An enum of the reference (side, order type, ...) with its table spellings. Input is accepted in any
 * case and with or without underscores; what is sent is the table spelling.
 */
public enum ExchangeEnum {
    SIDE("side", List.of("Buy", "Sell")),
    ORDER_TYPE("orderType", List.of("Limit", "Market", "StopLimit", "StopMarket")),
    TIME_IN_FORCE("timeInForce", List.of("GTC", "IOC", "FOK")),
    RESP_INST("respInst", List.of("ACK", "ACCEPT", "DONE")),
    MARGIN_TYPE("marginType", List.of("crossed", "isolated")),
    EXEC_INST("execInst", List.of("Post", "Liquidation", "InternalPost", "StopOnMarket", "StopOnMark",
            "StopOnRef", "ReduceOnly", "PostReduceOnly", "PostStopMarket", "PostStopMark", "PostStopRef",
            "ReduceOnlyMarket", "ReduceOnlyMark", "ReduceOnlyRef", "PostReduceMarket", "PostReduceMark",
            "PostReduceRef", "OpenStopMkt", "OpenStopMark", "OpenStopRef", "OpenPostStopMkt",
            "OpenPostStopMark", "OpenPostStopRef", "PosStopMkt", "PosStopMark", "PosStopRef"));

    private final String field;
    private final List<String> spellings;
    /** Each table spelling by itself and by its key (lower case, no underscores): looked up for every command. */
    private final Map<String, String> bySpelling = new HashMap<>();
    private final Map<String, String> byKey = new HashMap<>();

    ExchangeEnum(String field, List<String> spellings) {
        this.field = field;
        this.spellings = spellings;
        for (String spelling : spellings) {
            bySpelling.put(spelling, spelling);
            byKey.putIfAbsent(key(spelling), spelling);
        }
    }

    public String field() {
        return field;
    }

    public List<String> spellings() {
        return spellings;
    }

    /** The table spelling of {@code value}, if it is one of this enum's values. */
    public Optional<String> canonical(String value) {
        String spelling = bySpelling.get(value);
        return Optional.ofNullable(spelling != null ? spelling : byKey.get(key(value)));
    }

    private static String key(String s) {
        return s.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
