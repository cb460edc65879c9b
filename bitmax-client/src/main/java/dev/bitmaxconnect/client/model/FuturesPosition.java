package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A full snapshot of the futures account (GET futures/position). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FuturesPosition(
    AccountCategory ac,
    String accountId,
    List<PositionCollateral> collaterals,
    List<ContractPosition> contracts) {
}
