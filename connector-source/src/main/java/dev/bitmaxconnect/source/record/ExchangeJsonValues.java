package dev.bitmaxconnect.source.record;

import java.util.List;

import dev.bitmaxconnect.client.stream.StreamMessage;

/**
 * What a record of {@code value.format=exchange-json} needs besides its value, the frame's text: the symbol,
 * sequence number and exchange time of its message, read from the decoded message (no Struct is built) and checked
 * as the typed mapping checks them, so that a message without them is skipped in both formats alike. One record per
 * message: a trades message carrying several trades is one record, at its last trade.
 */
final class ExchangeJsonValues {

    /** Where a sequenced message (trades, depth, depth snapshot) stands in its stream. */
    record Sequenced(String symbol, long seqnum, long time) {
    }

    private ExchangeJsonValues() {
    }

    /**
     * A trades message at its last (highest) trade: the sequence number its offset commits and a restart resumes
     * after, and that trade's time.
     */
    static Sequenced trades(StreamMessage.Trades trades) {
        String symbol = MarketDataMapper.require("trades", "symbol", trades.symbol());
        List<StreamMessage.Trade> data = MarketDataMapper.require("trades", "data", trades.data());
        StreamMessage.Trade last = null;
        for (StreamMessage.Trade trade : data) {
            MarketDataMapper.require("trades", "data", trade);
            MarketDataMapper.require("trades", "seqnum", trade.seqnum());
            MarketDataMapper.time("trades", "ts", trade.ts());
            if (last == null || trade.seqnum() > last.seqnum()) {
                last = trade;
            }
        }
        MarketDataMapper.require("trades", "data", last);
        return new Sequenced(symbol, last.seqnum(), last.ts());
    }

    /** A depth update or snapshot ({@code type}). */
    static Sequenced depth(String type, String symbol, StreamMessage.DepthData data) {
        StreamMessage.DepthData checked = MarketDataMapper.require(type, "data", data);
        return new Sequenced(MarketDataMapper.require(type, "symbol", symbol),
                MarketDataMapper.require(type, "seqnum", checked.seqnum()),
                MarketDataMapper.time(type, "ts", checked.ts()).getTime());
    }

    static long bboTime(StreamMessage.Bbo bbo) {
        MarketDataMapper.require("bbo", "symbol", bbo.symbol());
        return MarketDataMapper.time("bbo", "ts", MarketDataMapper.require("bbo", "data", bbo.data()).ts()).getTime();
    }

    static long barTime(StreamMessage.Bar bar) {
        MarketDataMapper.require("bar", "s", bar.symbol());
        StreamMessage.BarData data = MarketDataMapper.require("bar", "data", bar.data());
        MarketDataMapper.require("bar", "i", data.interval());
        return MarketDataMapper.time("bar", "ts", data.ts()).getTime();
    }

    /** As the typed value's time: the latest of its contracts' times. */
    static long pricingTime(StreamMessage.PricingData pricing) {
        long time = Long.MIN_VALUE;
        if (pricing.contracts() != null) {
            for (StreamMessage.ContractPrice contract : pricing.contracts()) {
                MarketDataMapper.require("futures-pricing-data", "con", contract);
                time = Math.max(time, MarketDataMapper.time("futures-pricing-data", "con.t", contract.time()).getTime());
            }
        }
        if (time == Long.MIN_VALUE) {
            throw new MessageMappingException("futures-pricing-data", "con", null);
        }
        return time;
    }
}
