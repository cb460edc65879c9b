package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Account info (GET account/info): account group, userUID and permissions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountInfo(
    Integer accountGroup,
    String email,
    Long expireTime,
    List<String> allowedIps,
    List<String> cashAccount,
    List<String> marginAccount,
    List<String> futuresAccount,
    @JsonProperty("userUID") String userUID,
    Boolean tradePermission,
    Boolean transferPermission,
    Boolean viewPermission,
    Integer limitQuota) {
}
