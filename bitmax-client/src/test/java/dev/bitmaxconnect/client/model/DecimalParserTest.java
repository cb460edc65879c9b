package dev.bitmaxconnect.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.client.json.DecimalParser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast decimal path gives exactly what {@code new BigDecimal(String)} gives: same value, same scale. */
class DecimalParserTest {
    @Test
    void sameAsTheConstructor() {
        for (String s : List.of("0", "-0", "0.0", "1", "-1", "10760", "0.06844", "28097.526022138", "-0.005", "+3.5",
            "1000000000", "0.000000001", "123456789012345678", "1234567890123456789", "99999999999999999999.5",
            "1E+3", "1e-7", ".5", "5.", "00012.3400", "-385.840455", "144115188077966308")) {
            assertThat(DecimalParser.parse(s)).as(s).isEqualTo(new BigDecimal(s));
        }
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            String s = (random.nextBoolean() ? "-" : "") + Math.abs(random.nextLong() % 100_000_000L) + "."
                + String.format("%0" + (1 + random.nextInt(9)) + "d", random.nextInt(1_000_000_000) % 1000);
            assertThat(DecimalParser.parse(s)).as(s).isEqualTo(new BigDecimal(s));
        }
    }

    @Test
    void notANumberThrows() {
        for (String s : List.of("", "-", ".", "abc", "1.2.3", "1-2", "-.")) {
            assertThatThrownBy(() -> DecimalParser.parse(s)).as(s).isInstanceOf(NumberFormatException.class);
        }
    }
}
