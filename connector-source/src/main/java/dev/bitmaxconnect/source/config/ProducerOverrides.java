package dev.bitmaxconnect.source.config;

import java.util.Map;
import java.util.Optional;

/**
 * Checks the producer settings a connector configuration overrides ({@code producer.override.*}). Connect gives a
 * source task's producer one request in flight and no idempotence; more requests in flight without idempotence let
 * a retried request land after a later one, and a symbol's records out of order.
 */
public final class ProducerOverrides {
    static final String MAX_IN_FLIGHT = "producer.override.max.in.flight.requests.per.connection";
    static final String IDEMPOTENCE = "producer.override.enable.idempotence";

    private ProducerOverrides() {
    }

    /** A warning when the configuration allows more than one request in flight without an idempotent producer. */
    public static Optional<String> reorderingRisk(Map<String, String> connectorConfig) {
        String inFlight = connectorConfig.get(MAX_IN_FLIGHT);
        if (inFlight == null || inFlight.trim().equals("1")) {
            return Optional.empty();
        }
        String idempotence = connectorConfig.get(IDEMPOTENCE);
        if (idempotence != null && idempotence.trim().equalsIgnoreCase("true")) {
            return Optional.empty();
        }
        return Optional.of(MAX_IN_FLIGHT + "=" + inFlight.trim() + " without " + IDEMPOTENCE + "=true: a retried "
                + "request can land after a later one and put a symbol's records out of order; set " + IDEMPOTENCE
                + "=true (an idempotent producer keeps the order with up to 5 requests in flight)");
    }
}
