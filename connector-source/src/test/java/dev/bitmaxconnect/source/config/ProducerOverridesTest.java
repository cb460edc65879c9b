package dev.bitmaxconnect.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProducerOverridesTest {

    @Test
    void moreRequestsInFlightWithoutIdempotenceIsARisk() {
        assertThat(ProducerOverrides.reorderingRisk(Map.of(ProducerOverrides.MAX_IN_FLIGHT, "5")))
                .hasValueSatisfying(risk -> assertThat(risk)
                        .contains("producer.override.max.in.flight.requests.per.connection=5")
                        .contains("producer.override.enable.idempotence=true"));
        assertThat(ProducerOverrides.reorderingRisk(Map.of(ProducerOverrides.MAX_IN_FLIGHT, "5",
                ProducerOverrides.IDEMPOTENCE, "false"))).isPresent();
    }

    @Test
    void anIdempotentProducerOrOneRequestInFlightKeepsTheOrder() {
        assertThat(ProducerOverrides.reorderingRisk(Map.of(ProducerOverrides.MAX_IN_FLIGHT, "5",
                ProducerOverrides.IDEMPOTENCE, "true"))).isEmpty();
        assertThat(ProducerOverrides.reorderingRisk(Map.of(ProducerOverrides.MAX_IN_FLIGHT, "1"))).isEmpty();
        assertThat(ProducerOverrides.reorderingRisk(Map.of())).isEmpty();
    }
}
