package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Free margin of the crossed margin group. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrossedMargin(
    BigDecimal freeMargin) {
}
