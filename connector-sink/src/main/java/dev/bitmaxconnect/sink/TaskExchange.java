package dev.bitmaxconnect.sink;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.model.AccountInfo;
import dev.bitmaxconnect.client.model.ContractPricing;
import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.model.FuturesPricing;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.client.stream.BitMaxStream;
import dev.bitmaxconnect.sink.config.BitMaxSinkConfig;
import dev.bitmaxconnect.sink.send.AccessDeniedException;
import dev.bitmaxconnect.sink.validate.ContractFilter;
import dev.bitmaxconnect.sink.validate.ContractFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the task reads from and opens at the exchange besides its orders: the account (and whether the key may
 * trade), the contracts' filters, the WebSocket session.
 */
final class TaskExchange {

    // the lines keep the logger name they have always had
    private static final Logger log = LoggerFactory.getLogger(BitMaxSinkTask.class);

    private final BitMaxSinkConfig config;
    private final BitMaxRestClient rest;

    TaskExchange(BitMaxSinkConfig config, BitMaxRestClient rest) {
        this.config = config;
        this.rest = rest;
    }

    /** The authenticated WebSocket session of the websocket transport; it reconnects on its own. */
    BitMaxStream connectStream() {
        BitMaxStream s = BitMaxStream.builder(rest.config())
                .privateEndpoint(rest.accountGroup())
                .listener(message -> { })
                .build();
        try {
            s.connect().get(config.requestTimeoutMs() + 5_000L, TimeUnit.MILLISECONDS);
            return s;
        } catch (ExecutionException e) {
            s.close();
            if (e.getCause() instanceof BitMaxApiException api && AccessDeniedException.isAccessDenied(api)) {
                throw AccessDeniedException.of(api);
            }
            throw new ConnectException("Cannot open the BitMax WebSocket session at " + config.wsUrl() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            s.close();
            throw new ConnectException("The BitMax WebSocket session at " + config.wsUrl() + " did not open in time");
        } catch (InterruptedException e) {
            s.close();
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while opening the WebSocket session", e);
        }
    }

    /** Fails the task with what to fix when the key is refused or cannot trade. */
    AccountInfo checkAccount() {
        AccountInfo info;
        try {
            info = rest.accountInfo();
        } catch (BitMaxApiException e) {
            if (AccessDeniedException.isAccessDenied(e)) {
                throw AccessDeniedException.of(e);
            }
            throw new ConnectException("BitMax account info failed: " + e.getMessage(), e);
        } catch (BitMaxException e) {
            throw new ConnectException("BitMax is unreachable at " + config.restUrl() + ": " + e.getMessage(), e);
        }
        if (!Boolean.TRUE.equals(info.tradePermission())) {
            throw new AccessDeniedException("The API key has no trade permission: enable Trade permission on the "
                    + "key (" + BitMaxSinkConfig.API_KEY + ") or use another key");
        }
        if (config.transfersEnabled() && !Boolean.TRUE.equals(info.transferPermission())) {
            throw new AccessDeniedException(BitMaxSinkConfig.TRANSFERS_ENABLED + " is true but the API key has no "
                    + "transfer permission: enable it on the key, or set " + BitMaxSinkConfig.TRANSFERS_ENABLED
                    + "=false");
        }
        if (info.userUID() == null) {
            throw new ConnectException("BitMax account info carries no userUID; orderIds cannot be predicted");
        }
        return info;
    }

    /** Reads the contracts' filters and mark prices into {@code filters}; without mark prices, the previous ones stay. */
    void refreshContracts(ContractFilters filters) {
        List<ContractFilter> list = new ArrayList<>();
        for (FuturesContract c : rest.futuresContracts()) {
            list.add(new ContractFilter(c.symbol(), c.status(),
                    c.priceFilter() == null ? null : c.priceFilter().minPrice(),
                    c.priceFilter() == null ? null : c.priceFilter().maxPrice(),
                    c.priceFilter() == null ? null : c.priceFilter().tickSize(),
                    c.lotSizeFilter() == null ? null : c.lotSizeFilter().minQty(),
                    c.lotSizeFilter() == null ? null : c.lotSizeFilter().maxQty(),
                    c.lotSizeFilter() == null ? null : c.lotSizeFilter().lotSize()));
        }
        filters.replace(list);
        try {
            FuturesPricing pricing = rest.pricingData();
            if (pricing != null && pricing.contracts() != null) {
                for (ContractPricing p : pricing.contracts()) {
                    if (p.symbol() != null && p.markPrice() != null && p.markPrice().signum() > 0) {
                        filters.markPrice(p.symbol(), p.markPrice());
                    }
                }
            }
        } catch (BitMaxException e) {
            log.warn("Could not read mark prices: {}", e.getMessage());
        }
    }
}
