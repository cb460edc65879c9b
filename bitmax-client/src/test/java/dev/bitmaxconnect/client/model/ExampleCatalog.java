package dev.bitmaxconnect.client.model;

import java.util.Set;

/** Which reference examples are stream messages and which are requests (the rest are REST responses). */
public final class ExampleCatalog {
    public static final Set<String> STREAM_MESSAGES = Set.of(
        "authentication-response--auth-error-message.json",
        "authentication-response--auth-success-message.json",
        "channel-account-update.json",
        "channel-bar-data--bar-data-message.json",
        "channel-futures-pricing-data--sample-futures-pricing-data-message.json",
        "channel-level-1-order-book-data-bbo--bbo-message.json",
        "channel-level-2-order-book-updates--the-depth-message.json",
        "channel-market-trades--trade-message.json",
        "channel-order.json",
        "ws-account-snapshot--futures-account-snapshot-response.json",
        "ws-cancel-all-orders--error-response-message.json",
        "ws-cancel-all-orders--successful-ack-message.json",
        "ws-cancel-order--error-response-message.json",
        "ws-cancel-order--successful-ack-message.json",
        "ws-place-order--error-response-message.json",
        "ws-place-order--successful-ack-message.json");

    /** Requests: REST bodies and queries are checked in the REST client test, WebSocket ones in the stream tests. */
    public static final Set<String> REQUESTS = Set.of(
        "cancel-batch-orders--cancel-batch-orders-request-body.json",
        "list-current-history-orders--current-history-orders-request-body.json",
        "place-batch-orders--place-batch-orders-request-body.json",
        "query-order-by-id--query-order-with-multiple-order-ids-request-body.json",
        "query-order-by-id--query-order-with-single-order-id-request-body.json",
        "channel-bar-data--subscribe-to-btc-perp-1-minute-bar-stream.json",
        "channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream.json",
        "channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-2.json",
        "channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-3.json",
        "channel-bar-data--unsubscribe-to-btc-perp-1-minute-bar-stream-4.json",
        "channel-level-1-order-book-data-bbo--subscribe-to-btc-perp-quote-stream.json",
        "channel-level-1-order-book-data-bbo--unsubscribe-to-btc-perp-quote-stream.json",
        "channel-level-2-order-book-updates--subscribe-to-btc-perp-depth-updates-stream.json",
        "channel-level-2-order-book-updates--unsubscribe-to-btc-perp-depth-updates-stream.json",
        "channel-market-trades--subscribe-to-btc-perp-market-trades-stream.json",
        "channel-market-trades--unsubscribe-to-btc-perp-market-trades-stream.json",
        "ws-account-snapshot--requesting-futures-account-snapshot.json",
        "ws-cancel-all-orders--request-to-cancel-all-existing-open-orders.json",
        "ws-cancel-all-orders--request-to-cancel-existing-open-order-related-to-symbol-btc-perp.json",
        "ws-cancel-order--request-to-cancel-existing-open-order.json",
        "ws-place-order--request-to-place-new-order.json");

    private ExampleCatalog() {
    }
}
