package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.CommandAction;
import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.CommandResult;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.result.ResultStatus;
import dev.bitmaxconnect.sink.result.ResultsWriter;
import dev.bitmaxconnect.sink.send.OrderExecutor.Sent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one result each command gets, and where it goes: the results topic, the metrics, the log, and
 * Connect's error handling for a command that failed or was refused.
 */
final class CommandResults {

    // the lines a command's outcome logs keep the logger name they have always had
    private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);
    private static final int COMMAND_INDEX = 15;

    private final CommandProcessor.Settings settings;
    private final ClientIds ids;
    private final ResultsWriter results;
    private final ErrantRecordReporter reporter;
    private final SinkMetrics metrics;
    private final Clock clock;

    CommandResults(CommandProcessor.Settings settings, ClientIds ids, CommandProcessor.Reporting reporting) {
        this.settings = settings;
        this.ids = ids;
        this.results = reporting.results();
        this.reporter = reporting.reporter();
        this.metrics = reporting.metrics();
        this.clock = reporting.clock();
    }

    /** The command's key: the same for a refused command as it would have been had the command been valid. */
    String commandId(PendingCommand p) {
        boolean batch = p.action() == CommandAction.PLACE_BATCH || p.action() == CommandAction.CANCEL_BATCH;
        String given = p.givenId();
        if (p.command() instanceof OrderCommand.Cancel c && c.cancel().id() != null) {
            given = c.cancel().id();
        }
        return ids.clientId(given, p.record().topic(), p.record().kafkaPartition(), p.offset(),
                batch ? COMMAND_INDEX : 0);
    }

    CommandResult duplicate(PendingCommand p, String clientId, String orderId) {
        ItemOutcome item = new ItemOutcome(clientId, orderId, ResultStatus.DUPLICATE, null, "ALREADY_AT_EXCHANGE",
                "placed before a restart; not sent again");
        return result(p, ResultStatus.DUPLICATE, orderId, null, item.reason(), item.message(), null, 0, List.of(item));
    }

    CommandResult fromItems(PendingCommand p, List<ItemOutcome> items, Sent sent) {
        ResultStatus status = overall(items);
        ItemOutcome first = firstOf(items, status);
        String orderId = items.size() == 1 ? items.get(0).orderId() : null;
        return result(p, status, orderId, first.code(), first.reason(), first.message(), sent.requestTime(),
                sent.attempts(), items);
    }

    /**
     * A command failed if any of its orders did; else it is rejected if any was; accepted if any was accepted; else
     * duplicate. (Written as one loop: it runs for every command a lane sends.)
     */
    private static ResultStatus overall(List<ItemOutcome> items) {
        boolean rejected = false;
        boolean accepted = false;
        for (ItemOutcome item : items) {
            switch (item.status()) {
                case FAILED -> {
                    return ResultStatus.FAILED;
                }
                case REJECTED -> rejected = true;
                case ACCEPTED -> accepted = true;
                default -> { }
            }
        }
        return rejected ? ResultStatus.REJECTED : accepted ? ResultStatus.ACCEPTED : ResultStatus.DUPLICATE;
    }

    /** The first item of {@code status}, or the first item. */
    private static ItemOutcome firstOf(List<ItemOutcome> items, ResultStatus status) {
        for (ItemOutcome item : items) {
            if (item.status() == status) {
                return item;
            }
        }
        return items.get(0);
    }

    CommandResult result(PendingCommand p, ResultStatus status, String orderId, Integer code, String reason,
                                 String message, Long requestTime, int attempts, List<ItemOutcome> items) {
        SinkRecord r = p.record();
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - p.receivedNanos());
        return new CommandResult(commandId(p), p.givenId(), p.action() == null ? null : p.action().wireName(),
                status, orderId, code, reason, message,
                requestTime, latencyMs, attempts, items, r.topic(), r.kafkaPartition(), r.kafkaOffset(),
                settings.connector(), clock.millis());
    }

    void finish(PendingCommand p, CommandResult result) {
        if (results != null) {
            results.write(result);
        }
        metrics.outcome(result.status().wireName(), result.code(), result.status().isError(), result.latencyMs());
        if (!result.status().isError()) {
            log.debug("{} {}/{}@{}: {} {}", result.action(), result.topic(), result.partition(), result.offset(),
                    result.status().wireName(), result.orderId());
            return;
        }
        String what = "Command at " + result.topic() + "/" + result.partition() + "@" + result.offset() + " ("
                + (result.action() == null ? "action unknown" : result.action()) + ", id " + result.commandId() + ") "
                + result.status().wireName() + ": " + result.reason()
                + (p.formatError() == null ? "" : " (" + p.formatError().label() + ")")
                + (result.message() == null ? "" : " - " + abbreviate(result.message()));
        log.warn(what);
        if (!settings.toleratesErrors()) {
            throw new ConnectException(what + ". The task stops because errors.tolerance is none; fix or remove "
                    + "the command, or set errors.tolerance=all (with errors.deadletterqueue.topic.name) to carry on");
        }
        if (reporter != null) {
            reporter.report(p.record(), new ConnectException(what));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
