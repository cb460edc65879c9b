package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

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
