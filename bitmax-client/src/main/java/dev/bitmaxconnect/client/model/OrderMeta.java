package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an order response answers: action, echoed client id, response instruction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderMeta(
    String action,
    String id,
    RespInst respInst) {
}
