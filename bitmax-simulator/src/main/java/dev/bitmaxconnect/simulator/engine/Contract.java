package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A perpetual contract: its filters and margin tiers. Prices are held as whole ticks and quantities as whole lots,
 * so the matching engine works on longs and every value on the wire is exact.
 */
public final class Contract {

    private final String symbol;
    private final String displayName;
    private final String underlying;
    private final String baseAsset;
    private final String settlementAsset = "USDT";
    private final long tradingStartTime;
    private final BigDecimal tickSize;
    private final BigDecimal minPrice;
    private final BigDecimal maxPrice;
    private final BigDecimal lotSize;
    private final BigDecimal minQty;
    private final BigDecimal maxQty;
    private final List<MarginTier> tiers;
    private final BigDecimal initialPrice;
    /** The market makers' distance between levels, in ticks. */
    private final long quoteStepTicks;

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
    public static List<Contract> standard() {
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

    public String symbol() {
        return symbol;
    }

    public String displayName() {
        return displayName;
    }

    public String underlying() {
        return underlying;
    }

    public String settlementAsset() {
        return settlementAsset;
    }

    public long tradingStartTime() {
        return tradingStartTime;
    }

    public BigDecimal tickSize() {
        return tickSize;
    }

    public BigDecimal minPrice() {
        return minPrice;
    }

    public BigDecimal maxPrice() {
        return maxPrice;
    }

    public BigDecimal lotSize() {
        return lotSize;
    }

    public BigDecimal minQty() {
        return minQty;
    }

    public BigDecimal maxQty() {
        return maxQty;
    }

    public List<MarginTier> tiers() {
        return tiers;
    }

    public BigDecimal initialPrice() {
        return initialPrice;
    }

    long quoteStepTicks() {
        return quoteStepTicks;
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
    public long nearestTicks(BigDecimal price) {
        return price.divide(tickSize, 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The price of {@code ticks} ticks. */
    public BigDecimal price(long ticks) {
        return BigDecimal.valueOf(ticks * tickUnscaled, tickScale);
    }

    /** The quantity of {@code lots} lots. */
    public BigDecimal qty(long lots) {
        return BigDecimal.valueOf(lots * lotUnscaled, lotScale);
    }

    public String priceText(long ticks) {
        return DecimalText.format(ticks * tickUnscaled, tickScale);
    }

    public String qtyText(long lots) {
        return DecimalText.format(lots * lotUnscaled, lotScale);
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
