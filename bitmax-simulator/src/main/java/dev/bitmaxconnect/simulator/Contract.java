package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A perpetual contract: its filters and margin tiers. Prices are held as whole ticks and quantities as whole lots,
 * so the matching engine works on longs and every value on the wire is exact.
 */
final class Contract {

    final String symbol;
    final String displayName;
    final String underlying;
    final String baseAsset;
    final String settlementAsset = "USDT";
    final long tradingStartTime;
    final BigDecimal tickSize;
    final BigDecimal minPrice;
    final BigDecimal maxPrice;
    final BigDecimal lotSize;
    final BigDecimal minQty;
    final BigDecimal maxQty;
    final List<MarginTier> tiers;
    final BigDecimal initialPrice;
    /** The market makers' distance between levels, in ticks. */
    final long quoteStepTicks;

    private final long tickUnscaled;
    private final int tickScale;
    private final long lotUnscaled;
    private final int lotScale;

    Contract(String symbol, String baseAsset, String tickSize, String minPrice, String maxPrice, String lotSize,
             String minQty, String maxQty, String initialPrice, long quoteStepTicks, List<MarginTier> tiers) {
        this.symbol = symbol;
        this.baseAsset = baseAsset;
        this.displayName = baseAsset + "USDT";
        this.underlying = baseAsset + "/USDT";
        this.tradingStartTime = 1579701600000L;
        this.tickSize = new BigDecimal(tickSize);
        this.minPrice = new BigDecimal(minPrice);
        this.maxPrice = new BigDecimal(maxPrice);
        this.lotSize = new BigDecimal(lotSize);
        this.minQty = new BigDecimal(minQty);
        this.maxQty = new BigDecimal(maxQty);
        this.initialPrice = new BigDecimal(initialPrice);
        this.quoteStepTicks = quoteStepTicks;
        this.tiers = List.copyOf(tiers);
        this.tickUnscaled = this.tickSize.unscaledValue().longValueExact();
        this.tickScale = this.tickSize.scale();
        this.lotUnscaled = this.lotSize.unscaledValue().longValueExact();
        this.lotScale = this.lotSize.scale();
    }

    /** The reference's two contracts with its filters and margin tiers. */
    static List<Contract> standard() {
        List<MarginTier> btcTiers = List.of(
                tier("0", "50000", "0.01", "0.006"),
                tier("50000", "200000", "0.02", "0.012"),
                tier("200000", "1000000", "0.05", "0.03"),
                tier("1000000", "100000000", "0.1", "0.06"));
        List<MarginTier> ethTiers = List.of(
                tier("0", "20000", "0.01", "0.006"),
                tier("20000", "100000", "0.02", "0.012"),
                tier("100000", "500000", "0.05", "0.03"),
                tier("500000", "100000000", "0.1", "0.06"));
        return List.of(
                new Contract("BTC-PERP", "BTC", "0.25", "0.25", "1000000", "0.0001", "0.0001", "1000000000",
                        "30000", 20, btcTiers),
                new Contract("ETH-PERP", "ETH", "0.01", "0.01", "100000", "0.001", "0.001", "1000000000",
                        "1000", 5, ethTiers));
    }

    private static MarginTier tier(String lower, String upper, String imr, String mmr) {
        return new MarginTier(new BigDecimal(lower), new BigDecimal(upper), new BigDecimal(imr), new BigDecimal(mmr));
    }

    /** Whole ticks in {@code price}, or -1 when the price is not a multiple of the tick size. */
    long ticksOf(BigDecimal price) {
        BigDecimal[] qr = price.divideAndRemainder(tickSize);
        if (qr[1].signum() != 0) {
            return -1;
        }
        return qr[0].longValueExact();
    }

    /** Whole lots in {@code qty}, or -1 when the quantity is not a multiple of the lot size. */
    long lotsOf(BigDecimal qty) {
        BigDecimal[] qr = qty.divideAndRemainder(lotSize);
        if (qr[1].signum() != 0) {
            return -1;
        }
        return qr[0].longValueExact();
    }

    /** The nearest whole number of ticks to {@code price}. */
    long nearestTicks(BigDecimal price) {
        return price.divide(tickSize, 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    BigDecimal price(long ticks) {
        return BigDecimal.valueOf(ticks * tickUnscaled, tickScale);
    }

    BigDecimal qty(long lots) {
        return BigDecimal.valueOf(lots * lotUnscaled, lotScale);
    }

    String priceText(long ticks) {
        return DecimalText.format(ticks * tickUnscaled, tickScale);
    }

    String qtyText(long lots) {
        return DecimalText.format(lots * lotUnscaled, lotScale);
    }

    void appendPrice(StringBuilder sb, long ticks) {
        DecimalText.append(sb, ticks * tickUnscaled, tickScale);
    }

    void appendQty(StringBuilder sb, long lots) {
        DecimalText.append(sb, lots * lotUnscaled, lotScale);
    }

    /** The tier whose band holds {@code notional} (the last one above every band). */
    MarginTier tierFor(BigDecimal notional) {
        for (MarginTier tier : tiers) {
            if (notional.compareTo(tier.upperBound()) < 0) {
                return tier;
            }
        }
        return tiers.get(tiers.size() - 1);
    }
}
