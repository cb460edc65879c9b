package dev.bitmaxconnect.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    @Test
    void formatsFixedPointWithoutTrailingZeros() {
        assertThat(DecimalText.format(3000000, 2)).isEqualTo("30000");
        assertThat(DecimalText.format(3000025, 2)).isEqualTo("30000.25");
        assertThat(DecimalText.format(3000050, 2)).isEqualTo("30000.5");
        assertThat(DecimalText.format(7, 4)).isEqualTo("0.0007");
        assertThat(DecimalText.format(-105, 2)).isEqualTo("-1.05");
        assertThat(DecimalText.format(0, 3)).isEqualTo("0");
    }

    @Test
    void agreesWithBigDecimal() {
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            long unscaled = random.nextLong() % 10_000_000_000L;
            int scale = random.nextInt(9);
            assertThat(DecimalText.format(unscaled, scale))
                    .isEqualTo(DecimalText.plain(BigDecimal.valueOf(unscaled, scale)));
        }
    }

    @Test
    void contractConvertsTicksAndLots() {
        Contract btc = Contract.standard().get(0);
        assertThat(btc.ticksOf(new BigDecimal("30000.25"))).isEqualTo(120001);
        assertThat(btc.ticksOf(new BigDecimal("30000.1"))).isEqualTo(-1);
        assertThat(btc.lotsOf(new BigDecimal("0.01"))).isEqualTo(100);
        assertThat(btc.priceText(120001)).isEqualTo("30000.25");
        assertThat(btc.qtyText(100)).isEqualTo("0.01");
        assertThat(btc.tierFor(new BigDecimal("60000")).initialMarginRate()).isEqualByComparingTo("0.02");
    }
}
