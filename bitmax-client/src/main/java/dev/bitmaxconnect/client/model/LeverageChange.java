package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The leverage now in force for a contract (POST futures/leverage). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeverageChange(
    Integer leverage,
    String symbol) {
}
