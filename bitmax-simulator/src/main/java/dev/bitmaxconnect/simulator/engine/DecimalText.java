package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;

/** Fast plain-text formatting of fixed-point numbers (count of units of 10^-scale), trailing zeros removed. */
public final class DecimalText {

    private DecimalText() {
    }

    static String format(long unscaled, int scale) {
        if (scale <= 0) {
            return BigDecimal.valueOf(unscaled, scale).toPlainString();
        }
        StringBuilder sb = new StringBuilder(24);
        append(sb, unscaled, scale);
        return sb.toString();
    }

    private static void append(StringBuilder sb, long unscaled, int scale) {
        if (scale <= 0) {
            sb.append(BigDecimal.valueOf(unscaled, scale).toPlainString());
            return;
        }
        if (unscaled < 0) {
            sb.append('-');
            unscaled = -unscaled;
        }
        long divisor = POWERS[scale];
        long whole = unscaled / divisor;
        long fraction = unscaled % divisor;
        sb.append(whole);
        if (fraction == 0) {
            return;
        }
        int digits = scale;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        sb.append('.');
        String text = Long.toString(fraction);
        for (int i = text.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(text);
    }

    /** Plain text without trailing zeros ("0" for zero). */
    public static String plain(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }
}
