package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The leverage now in force for a contract (POST futures/leverage). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeverageChange(
    Integer leverage,
    String symbol) {
}
