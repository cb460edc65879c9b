package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** A full snapshot of the futures account (GET futures/position). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FuturesPosition(
    AccountCategory ac,
    String accountId,
    List<PositionCollateral> collaterals,
    List<ContractPosition> contracts) {
}
