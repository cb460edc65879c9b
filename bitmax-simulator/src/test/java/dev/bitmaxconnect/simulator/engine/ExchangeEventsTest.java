package dev.bitmaxconnect.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.AccountSpec;
import dev.bitmaxconnect.simulator.Fill;
import dev.bitmaxconnect.simulator.GroundTruth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine without any network: what one crossing order publishes and records. */
class ExchangeEventsTest {

    /** Every event, as text, in the order published. */
    final List<String> events = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<AcceptedOrder> accepted = new ArrayList<>();
    /** The last depth seqnum of each symbol: trades and depth share one increasing sequence per symbol. */
    final Map<String, Long> lastSeqnum = new HashMap<>();

    final ExchangeEvents listener = new ExchangeEvents() {
        @Override
        public void orderChanged(Order order, long sn, long now) {
            events.add("order " + order.view(order.seqNum()).status() + " sn=" + sn);
        }

        @Override
        public void accountChanged(AccountUpdate update) {
            events.add("account sn=" + update.sn() + " positions=" + update.positions().size());
        }

        @Override
        public void trades(Contract contract, List<Trade> trades) {
            for (Trade trade : trades) {
                assertThat(trade.seqnum()).isGreaterThan(lastSeqnum.get(contract.symbol()));
                lastSeqnum.put(contract.symbol(), trade.seqnum());
                events.add("trade " + contract.priceText(trade.priceTicks()) + " " + contract.qtyText(trade.lots())
                        + " buyerIsMaker=" + trade.buyerIsMaker());
            }
        }

        @Override
        public void depthChanged(Depth depth) {
            assertThat(depth.seqnum()).isGreaterThan(lastSeqnum.getOrDefault(depth.contract().symbol(), 0L));
            lastSeqnum.put(depth.contract().symbol(), depth.seqnum());
        }
    };

    final GroundTruth.Recorder recorder = new GroundTruth.Recorder() {
        @Override
        public void accepted(AcceptedOrder order) {
            accepted.add(order);
        }

        @Override
        public void filled(Fill fill) {
            fills.add(fill);
        }

        @Override
        public void canceled() {
        }

        @Override
        public void rejected() {
        }

        @Override
        public void restRequest() {
        }

        @Override
        public void wsRequest() {
        }
    };

    @Test
    void aCrossingOrderIsReportedAndRecordedInOrder() throws Exception {
        long now = System.currentTimeMillis();
        Exchange exchange = new Exchange(7, listener, recorder, now);
        Account account = exchange.addAccount(AccountSpec.defaults());
        BigDecimal[] bestBidAsk = exchange.engine("BTC-PERP").bestBidAsk();
        events.clear();
        RequestFields buy = fields(Map.of("time", Long.toString(now), "symbol", "BTC-PERP", "side", "Buy",
                "orderType", "Limit", "price", bestBidAsk[1].toPlainString(), "orderQty", "0.001", "id", "abc"));
        OrderRequest request = exchange.parseOrder(buy, account, 'a', null, now);
        exchange.checkPlaceable(account, request);
        exchange.place(account, request, "REST", now);

        assertThat(accepted).extracting(AcceptedOrder::orderId).containsExactly(request.orderId());
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualByComparingTo(bestBidAsk[1]);
            assertThat(fill.maker()).isFalse();
        });
        assertThat(events).containsExactly(
                "order New sn=1",
                "order Filled sn=2",
                "account sn=3 positions=1",
                "trade " + DecimalText.plain(bestBidAsk[1]) + " 0.001 buyerIsMaker=false");
    }

    private static RequestFields fields(Map<String, String> values) {
        return new RequestFields() {
            @Override
            public String text(String name) {
                return values.get(name);
            }

            @Override
            public Long integer(String name) {
                return null;
            }
        };
    }
}
