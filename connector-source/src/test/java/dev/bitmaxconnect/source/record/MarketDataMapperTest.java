package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.bitmaxconnect.testsupport.ApiExamples.decoded;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.source.config.DecimalHandlingMode;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;

class MarketDataMapperTest {
    private static final Function<String, StreamMessage> DECODE = new StreamMessageDecoder()::decode;

    private final DecimalFormat decimals = new DecimalFormat(DecimalHandlingMode.STRING, 0);
    private final RecordSchemas schemas = new RecordSchemas(decimals);
    private final MarketDataMapper mapper = new MarketDataMapper(schemas, decimals);

    @Test
    void tradeKeepsSeqnumAndExactDecimals() {
        StreamMessage.Trades trades = decoded("channel-market-trades--trade-message.json", DECODE, StreamMessage.Trades.class);
        Struct trade = mapper.trade(trades.symbol(), trades.data().get(0), false);
        trade.validate();
        assertThat(trade.schema()).isEqualTo(schemas.trade());
        assertThat(trade.getString("symbol")).isEqualTo("BTC-PERP");
        assertThat(trade.getInt64("seqnum")).isEqualTo(144115188077966308L);
        assertThat(trade.getString("price")).isEqualTo("0.068600");
        assertThat(trade.getString("quantity")).isEqualTo("100.000");
        assertThat(trade.get("time")).isEqualTo(new Date(1573069903254L));
        assertThat(trade.getBoolean("buyerIsMaker")).isFalse();
        assertThat(trade.getBoolean("gapBefore")).isFalse();
        assertThat(mapper.trade(trades.symbol(), trades.data().get(0), true).getBoolean("gapBefore")).isTrue();
    }

    @Test
    void depthHasBidsAndAsksAsPriceSizeLists() {
        StreamMessage.DepthUpdate depth = decoded("channel-level-2-order-book-updates--the-depth-message.json", DECODE,
                StreamMessage.DepthUpdate.class);
        Struct record = mapper.depth(depth, false);
        record.validate();
        assertThat(record.getInt64("seqnum")).isEqualTo(2097965L);
        assertThat(record.get("time")).isEqualTo(new Date(1573069021376L));
        List<Struct> asks = record.getArray("asks");
        List<Struct> bids = record.getArray("bids");
        assertThat(asks).extracting(s -> s.getString("price") + "@" + s.getString("size")).containsExactly("0.06844@10760");
        assertThat(bids).extracting(s -> s.getString("price") + "@" + s.getString("size"))
                .containsExactly("0.06777@562.4", "0.05@221760.6");
    }

    @Test
    void bboHasBothSides() {
        StreamMessage.Bbo bbo = decoded("channel-level-1-order-book-data-bbo--bbo-message.json", DECODE, StreamMessage.Bbo.class);
        Struct record = mapper.bbo(bbo);
        record.validate();
        assertThat(record.getString("symbol")).isEqualTo("BTC-PERP");
        assertThat(record.get("time")).isEqualTo(new Date(1573068442532L));
        assertThat(record.getString("bidPrice")).isEqualTo("9309.11");
        assertThat(record.getString("bidSize")).isEqualTo("0.0197172");
        assertThat(record.getString("askPrice")).isEqualTo("9309.12");
        assertThat(record.getString("askSize")).isEqualTo("0.8851266");
    }

    @Test
    void barIsOneRecordWithItsInterval() {
        StreamMessage.Bar bar = decoded("channel-bar-data--bar-data-message.json", DECODE, StreamMessage.Bar.class);
        Struct record = mapper.bar(bar);
        record.validate();
        assertThat(record.getString("symbol")).isEqualTo("BTC-PERP");
        assertThat(record.getString("interval")).isEqualTo("1");
        assertThat(record.get("time")).isEqualTo(new Date(1575398940000L));
        assertThat(record.getString("open")).isEqualTo("0.04993");
        assertThat(record.getString("close")).isEqualTo("0.04970");
        assertThat(record.getString("high")).isEqualTo("0.04993");
        assertThat(record.getString("low")).isEqualTo("0.04970");
        assertThat(record.getString("volume")).isEqualTo("8052");
    }

    @Test
    void pricingDataCarriesContractsAndCollaterals() {
        StreamMessage.PricingData pricing = decoded(
                "channel-futures-pricing-data--sample-futures-pricing-data-message.json", DECODE, StreamMessage.PricingData.class);
        Struct record = mapper.pricing(pricing);
        record.validate();
        assertThat(record.get("time")).isEqualTo(new Date(1609371076960L));
        Struct contract = record.<Struct>getArray("contracts").get(0);
        assertThat(contract.getString("symbol")).isEqualTo("BTC-PERP");
        assertThat(contract.getString("markPrice")).isEqualTo("28142.586177036");
        assertThat(contract.getString("indexPrice")).isEqualTo("28838.695");
        assertThat(contract.getString("fundingRate")).isEqualTo("-0.005");
        assertThat(contract.get("nextFundingTime")).isEqualTo(new Date(1609329600000L));
        assertThat(record.<Struct>getArray("collaterals")).extracting(c -> c.getString("asset") + "=" + c.getString("referencePrice"))
                .containsExactly("USDTR=1", "USDC=0.9996", "ETH=749.82", "PAX=1.0002", "BTC=28834.165", "USDT=1");
    }

    @Test
    void preciseAndDoubleModesChangeSchemaAndValue() {
        StreamMessage.Trades trades = decoded("channel-market-trades--trade-message.json", DECODE, StreamMessage.Trades.class);
        DecimalFormat precise = new DecimalFormat(DecimalHandlingMode.PRECISE, 8);
        Struct exact = new MarketDataMapper(new RecordSchemas(precise), precise).trade("BTC-PERP", trades.data().get(0), false);
        exact.validate();
        assertThat(exact.get("price")).isEqualTo(new BigDecimal("0.06860000"));
        DecimalFormat doubles = new DecimalFormat(DecimalHandlingMode.DOUBLE, 0);
        Struct inexact = new MarketDataMapper(new RecordSchemas(doubles), doubles).trade("BTC-PERP", trades.data().get(0), false);
        inexact.validate();
        assertThat(inexact.getFloat64("quantity")).isEqualTo(100.0);
    }

    @Test
    void negativeExchangeTimeIsRefusedByName() {
        StreamMessage.Bbo bbo = new StreamMessage.Bbo("BTC-PERP", new StreamMessage.BboData(-1L, null, null));
        assertThatThrownBy(() -> mapper.bbo(bbo)).isInstanceOf(MessageMappingException.class)
                .hasMessageContaining("ts").hasMessageContaining("-1");
    }

    @Test
    void missingFieldIsNamed() {
        StreamMessage.Trades broken = new StreamMessage.Trades("BTC-PERP",
                List.of(new StreamMessage.Trade(new BigDecimal("1"), new BigDecimal("2"), 1L, false, null)));
        assertThatThrownBy(() -> mapper.trade(broken.symbol(), broken.data().get(0), false))
                .isInstanceOf(MessageMappingException.class).hasMessageContaining("seqnum");
    }

    @Test
    void nullListEntriesAreRefusedByName() {
        StreamMessage.DepthUpdate depth = new StreamMessage.DepthUpdate("BTC-PERP",
                new StreamMessage.DepthData(1L, 2L, List.of(), Collections.singletonList(null)));
        assertThatThrownBy(() -> mapper.depth(depth, false)).isInstanceOf(MessageMappingException.class)
                .hasMessageContaining("depth: field 'bids'");
        StreamMessage.PricingData pricing = new StreamMessage.PricingData(Collections.singletonList(null), null);
        assertThatThrownBy(() -> mapper.pricing(pricing)).isInstanceOf(MessageMappingException.class)
                .hasMessageContaining("field 'con'");
    }
}
