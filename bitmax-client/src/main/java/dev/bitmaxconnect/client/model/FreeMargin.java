package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Free margin per margin group and transferable amounts (GET futures/free-margin). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FreeMargin(
    List<TransferableCollateral> collaterals,
    CrossedMargin crossed,
    List<IsolatedMargin> isolated) {
}
