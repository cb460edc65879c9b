package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The REST envelope: {@code code} (0 = success), {@code data}, and on errors {@code message}/{@code reason}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(
    Integer code,
    String accountId,
    AccountCategory ac,
    T data,
    String message,
    String reason) {
}
