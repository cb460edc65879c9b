package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Filters of the current history orders query; every field optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryOrdersQuery(
    String symbol,
    Integer n,
    Boolean executedOnly) {

    /** No filter. */
    public static HistoryOrdersQuery all() {
        return new HistoryOrdersQuery(null, null, null);
    }
}
