package dev.bitmaxconnect.client.json;

import java.math.BigDecimal;

/**
 * Parses the exchange's decimal strings ({@code "34000.25"}, {@code "-0.005"}) straight from a char buffer.
 * Plain numbers of up to 18 digits become {@code BigDecimal.valueOf(unscaled, scale)}, which is several
 * times faster than the general constructor and gives the same value and scale; anything else (exponents,
 * more digits) goes to {@link BigDecimal#BigDecimal(char[], int, int)}. Text longer than {@link #MAX_LENGTH}
 * characters, and values whose scale is beyond {@link #MAX_SCALE} either way, are refused: no price or quantity
 * looks like that, and such a value ({@code "1e999999999"}) would cost a gigabyte to write out in plain notation.
 */
public final class DecimalParser {
    /** The longest decimal text accepted. */
    public static final int MAX_LENGTH = 100;
    /** The largest scale accepted, either way ({@code 1e-100} and {@code 1e100} are the extremes). */
    public static final int MAX_SCALE = 100;
    private static final int MAX_FAST_DIGITS = 18;

    private DecimalParser() {
    }

    /** The decimal in {@code buf[offset, offset + length)}; throws {@link NumberFormatException} when it is not one. */
    public static BigDecimal parse(char[] buf, int offset, int length) {
        if (length > MAX_LENGTH) {
            throw new NumberFormatException("decimal of " + length + " characters, more than " + MAX_LENGTH);
        }
        int i = offset;
        int end = offset + length;
        if (length == 1 && buf[i] == '0') {
            return BigDecimal.ZERO;
        }
        boolean negative = false;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            negative = buf[i] == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        for (; i < end; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                if (digits > 0 || c != '0') {
                    digits++;
                }
                if (digits > MAX_FAST_DIGITS) {
                    return requireBounded(new BigDecimal(buf, offset, length));
                }
                unscaled = unscaled * 10 + (c - '0');
                if (dot) {
                    scale++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return requireBounded(new BigDecimal(buf, offset, length)); // exponent or garbage: the constructor decides
            }
        }
        if (i == offset || (length - (negative || buf[offset] == '+' ? 1 : 0) - (dot ? 1 : 0)) == 0) {
            return new BigDecimal(buf, offset, length); // no digits at all: let it throw
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /** The value itself when its scale is within {@link #MAX_SCALE} either way; else a {@link NumberFormatException}. */
    public static BigDecimal requireBounded(BigDecimal value) {
        if (value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE) {
            throw new NumberFormatException("decimal with scale " + value.scale() + ", beyond +/-" + MAX_SCALE);
        }
        return value;
    }

    public static BigDecimal parse(String s) {
        return parse(s.toCharArray(), 0, s.length());
    }
}
