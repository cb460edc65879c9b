package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.CommandResult;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.result.ResultStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch command's result: its status from its orders' outcomes, and the code and reason of the first that decides it. */
class CommandResultsTest {

    private static final String CONNECTOR = "results-test";
    private final SinkMetrics metrics = new SinkMetrics(CONNECTOR, "0");
    private final CommandResults results = new CommandResults(new CommandProcessor.Settings(CONNECTOR, false, true, true),
            new ClientIds(CONNECTOR), new CommandProcessor.Reporting(null, null, metrics, Clock.systemUTC()));

    @AfterEach
    void stop() {
        metrics.close();
    }

    private static PendingCommand batch() throws Exception {
        String value = "{\"action\":\"place-batch\",\"id\":\"b1\",\"orders\":["
                + "{\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"100\",\"orderQty\":\"1\"},"
                + "{\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"101\",\"orderQty\":\"1\"},"
                + "{\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"102\",\"orderQty\":\"1\"}]}";
        SinkRecord record = new SinkRecord("cmds", 0, null, null, null, value, 7);
        return new PendingCommand(record, new OrderCommandParser().parse(value), null, System.nanoTime());
    }

    private static ItemOutcome item(int i, ResultStatus status) {
        return new ItemOutcome("c" + i, "o" + i, status, status == ResultStatus.ACCEPTED ? null : 100 + i,
                status.name() + "_" + i, "item " + i);
    }

    private CommandResult result(ResultStatus... statuses) throws Exception {
        List<ItemOutcome> items = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            items.add(item(i, statuses[i]));
        }
        return results.fromItems(batch(), items, new OrderExecutor.Sent(items, 1L, 1));
    }

    @Test
    void aFailedOrderFailsTheCommandWhateverTheOthers() throws Exception {
        CommandResult r = result(ResultStatus.REJECTED, ResultStatus.ACCEPTED, ResultStatus.FAILED);
        assertThat(r.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(r.reason()).isEqualTo("FAILED_2");
        assertThat(r.code()).isEqualTo(102);
    }

    @Test
    void aRejectedOrderRejectsAnOtherwiseAcceptedCommand() throws Exception {
        CommandResult r = result(ResultStatus.ACCEPTED, ResultStatus.REJECTED, ResultStatus.DUPLICATE);
        assertThat(r.status()).isEqualTo(ResultStatus.REJECTED);
        assertThat(r.reason()).isEqualTo("REJECTED_1");
    }

    @Test
    void oneAcceptedOrderAmongDuplicatesMakesItAccepted() throws Exception {
        CommandResult r = result(ResultStatus.DUPLICATE, ResultStatus.ACCEPTED, ResultStatus.DUPLICATE);
        assertThat(r.status()).isEqualTo(ResultStatus.ACCEPTED);
        assertThat(r.code()).isNull();
    }

    @Test
    void onlyDuplicatesMakeADuplicateAndTheFirstOneSpeaks() throws Exception {
        CommandResult r = result(ResultStatus.DUPLICATE, ResultStatus.DUPLICATE);
        assertThat(r.status()).isEqualTo(ResultStatus.DUPLICATE);
        assertThat(r.reason()).isEqualTo("DUPLICATE_0");
        assertThat(r.orders()).hasSize(2);
    }
}
