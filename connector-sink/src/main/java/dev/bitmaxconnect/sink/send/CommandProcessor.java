package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.model.MarginType;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.sink.command.CancelItem;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderItem;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.CommandResult;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.result.ResultStatus;
import dev.bitmaxconnect.sink.result.ResultsWriter;
import dev.bitmaxconnect.sink.send.OrderExecutor.CancelTarget;
import dev.bitmaxconnect.sink.send.OrderExecutor.PlaceItem;
import dev.bitmaxconnect.sink.send.OrderExecutor.Sent;
import dev.bitmaxconnect.sink.validate.CommandValidator;
import dev.bitmaxconnect.sink.validate.Rejection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;

/**
 * Turns a unit of commands into exchange requests and result records: validate, apply the trading switch
 * and dry run, skip what a previous task already sent, send, write one result per command, and hand
 * errors to Connect's error handling (dead letter queue under {@code errors.tolerance=all}, task failure
 * under {@code none}).
 */
public final class CommandProcessor implements PartitionLane.UnitProcessor {


    /** The switches that decide what is sent. */
    public record Settings(String connector, boolean dryRun, boolean tradingEnabled, boolean toleratesErrors) {
    }

    /**
     * Where commands are sent: orders and cancels through the executor, account settings and transfers over
     * REST; and what earlier tasks already sent.
     */
    public record Sending(OrderExecutor executor, BitMaxRestClient rest, RecoveryIndex recovery) {
    }

    /**
     * Where outcomes go.
     *
     * @param results the results topic's writer, or null when no results are written
     * @param reporter Connect's errant record reporter, or null when the worker has none
     */
    public record Reporting(ResultsWriter results, ErrantRecordReporter reporter, SinkMetrics metrics, Clock clock) {
    }

    private final Settings settings;
    private final ClientIds ids;
    private final CommandValidator validator;
    private final OrderExecutor executor;
    private final BitMaxRestClient rest;
    private final RecoveryIndex recovery;
    private final CommandResults results;
    private final SinkMetrics metrics;

    public CommandProcessor(Settings settings, CommandValidator validator, Sending sending, Reporting reporting) {
        this.settings = settings;
        this.ids = new ClientIds(settings.connector());
        this.validator = validator;
        this.executor = sending.executor();
        this.rest = sending.rest();
        this.recovery = sending.recovery();
        this.results = new CommandResults(settings, ids, reporting);
        this.metrics = reporting.metrics();
    }

    @Override
    public void process(TopicPartition partition, List<PendingCommand> unit) {
        // Decide each command on its own first; what is left to send may go in one request.
        List<PendingCommand> toSend = new ArrayList<>();
        for (PendingCommand p : unit) {
            if (p.ignored()) {
                metrics.outcome(SinkMetrics.IGNORED, null, false, 0);
                continue;
            }
            Optional<CommandResult> early = decideBeforeSending(p);
            if (early.isPresent()) {
                results.finish(p, early.get());
            } else {
                toSend.add(p);
            }
        }
        if (toSend.isEmpty()) {
            return;
        }
        if (toSend.size() > 1 || toSend.get(0).coalescable()) {
            sendCoalesced(toSend);
        } else {
            sendOne(toSend.get(0));
        }
    }

    /** The result of a command that is not sent (bad, refused, skipped, already at the exchange), if so. */
    private Optional<CommandResult> decideBeforeSending(PendingCommand p) {
        if (p.formatError() != null) {
            return Optional.of(results.result(p, ResultStatus.REJECTED, null, null,
                    p.formatError().unreadable() ? "UNREADABLE_COMMAND" : "INVALID_COMMAND",
                    p.formatError().getMessage(), null, 0, List.of()));
        }
        OrderCommand c = p.command();
        Optional<Rejection> rejection = validator.validate(c);
        if (rejection.isPresent()) {
            return Optional.of(results.result(p, ResultStatus.REJECTED, null, null, rejection.get().reason(),
                    rejection.get().message(), null, 0, List.of()));
        }
        if (c.action().isTrading() && !settings.tradingEnabled()) {
            return Optional.of(results.result(p, ResultStatus.SKIPPED, null, null, "TRADING_DISABLED",
                    "risk.trading.enabled is false; the command was validated and not sent", null, 0, List.of()));
        }
        if (settings.dryRun()) {
            return Optional.of(results.result(p, ResultStatus.SKIPPED, null, null, "DRY_RUN",
                    "dry.run is true; the command is valid and was not sent", null, 0, List.of()));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------- coalesced

    private void sendCoalesced(List<PendingCommand> unit) {
        if (unit.get(0).command() instanceof OrderCommand.Place) {
            // Orders of one request need distinct client ids: a reused id starts the next request.
            List<PendingCommand> round = new ArrayList<>();
            Set<String> idsInRound = new HashSet<>();
            for (PendingCommand p : unit) {
                if (!idsInRound.add(orderClientId(p, placed(p), 0))) {
                    placeCoalesced(round);
                    round = new ArrayList<>();
                    idsInRound.clear();
                    idsInRound.add(orderClientId(p, placed(p), 0));
                }
                round.add(p);
            }
            placeCoalesced(round);
        } else {
            List<CancelTarget> targets = new ArrayList<>();
            List<PendingCommand> owners = new ArrayList<>();
            for (PendingCommand p : unit) {
                Optional<CancelTarget> t = targetOrFinish(p, ((OrderCommand.Cancel) p.command()).cancel(), 0);
                if (t.isEmpty()) {
                    continue;
                }
                targets.add(t.get());
                owners.add(p);
            }
            if (targets.isEmpty()) {
                return;
            }
            Sent sent = executor.cancel(targets, true);
            for (int i = 0; i < targets.size(); i++) {
                results.finish(owners.get(i), results.fromItems(owners.get(i), List.of(sent.items().get(i)), sent));
            }
        }
    }

    private void placeCoalesced(List<PendingCommand> unit) {
        List<PlaceItem> items = new ArrayList<>();
        Map<String, PendingCommand> byId = new HashMap<>();
        for (PendingCommand p : unit) {
            PlaceItem item = new PlaceItem(orderClientId(p, placed(p), 0), placed(p));
            Optional<String> before = recovery.find(item.clientId(), item.order(), p.record());
            if (before.isPresent()) {
                results.finish(p, results.duplicate(p, item.clientId(), before.get()));
                continue;
            }
            items.add(item);
            byId.put(item.clientId(), p);
        }
        if (items.isEmpty()) {
            return;
        }
        Sent sent = executor.place(items, true);
        for (int i = 0; i < items.size(); i++) {
            PendingCommand p = byId.get(items.get(i).clientId());
            results.finish(p, results.fromItems(p, List.of(sent.items().get(i)), sent));
        }
    }

    private static OrderItem placed(PendingCommand p) {
        return ((OrderCommand.Place) p.command()).order();
    }

    // ------------------------------------------------------------------------------------------ single

    private void sendOne(PendingCommand p) {
        OrderCommand command = p.command();
        String commandId = results.commandId(p);
        Sent sent;
        if (command instanceof OrderCommand.PlaceBatch c) {
            placeBatch(p, c);
            return;
        } else if (command instanceof OrderCommand.CancelBatch c) {
            cancelBatch(p, c);
            return;
        } else if (command instanceof OrderCommand.CancelAll c) {
            sent = executor.idempotent(commandId, () -> {
                executor.cancelAll(c.symbol());
                return null;
            });
        } else if (command instanceof OrderCommand.SetLeverage c) {
            sent = executor.idempotent(commandId, () -> rest.changeLeverage(c.symbol(), c.leverage()));
        } else if (command instanceof OrderCommand.SetMarginType c) {
            sent = executor.idempotent(commandId, () -> {
                rest.changeMarginType(c.symbol(), MarginType.of(c.marginType()));
                return null;
            });
        } else if (command instanceof OrderCommand.Deposit c) {
            sent = executor.transfer(commandId, () -> {
                rest.deposit(c.asset(), c.amount());
                return null;
            });
        } else if (command instanceof OrderCommand.Withdraw c) {
            sent = executor.transfer(commandId, () -> {
                rest.withdraw(c.asset(), c.amount());
                return null;
            });
        } else {
            throw new IllegalStateException("not a single command: " + command.action());
        }
        results.finish(p, results.fromItems(p, sent.items(), sent));
    }

    private void placeBatch(PendingCommand p, OrderCommand.PlaceBatch c) {
        List<PlaceItem> items = new ArrayList<>();
        List<ItemOutcome> known = new ArrayList<>();
        for (int i = 0; i < c.orders().size(); i++) {
            OrderItem o = c.orders().get(i);
            PlaceItem item = new PlaceItem(orderClientId(p, o, i), o);
            Optional<String> before = recovery.find(item.clientId(), o, p.record());
            if (before.isPresent()) {
                known.add(new ItemOutcome(item.clientId(), before.get(), ResultStatus.DUPLICATE,
                        null, "ALREADY_AT_EXCHANGE", "placed before a restart; not sent again"));
            } else {
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            results.finish(p, results.fromItems(p, known, new Sent(known, null, 0)));
            return;
        }
        Sent sent = executor.place(items, false);
        List<ItemOutcome> all = new ArrayList<>(known);
        all.addAll(sent.items());
        results.finish(p, results.fromItems(p, all, sent));
    }

    private void cancelBatch(PendingCommand p, OrderCommand.CancelBatch c) {
        List<CancelTarget> targets = new ArrayList<>();
        for (int i = 0; i < c.cancels().size(); i++) {
            Optional<CancelTarget> t = targetOrFinish(p, c.cancels().get(i), i);
            if (t.isEmpty()) {
                return;
            }
            targets.add(t.get());
        }
        Sent sent = executor.cancel(targets, false);
        results.finish(p, results.fromItems(p, sent.items(), sent));
    }

    /**
     * The cancel's target; or, when its order cannot be found or looked up, empty once the command has its
     * result saying so.
     */
    private Optional<CancelTarget> targetOrFinish(PendingCommand p, CancelItem cancel, int index) {
        try {
            Optional<CancelTarget> t = target(p, cancel, index);
            if (t.isEmpty()) {
                results.finish(p, notFound(p, cancel));
            }
            return t;
        } catch (LookUpFailedException e) {
            results.finish(p, lookUpFailed(p, cancel, e));
            return Optional.empty();
        }
    }

    private Optional<CancelTarget> target(PendingCommand p, CancelItem cancel, int index) {
        String given = p.command() instanceof OrderCommand.Cancel ? p.command().id() : cancel.id();
        String clientId = ids.clientId(given, p.record().topic(), p.record().kafkaPartition(), p.offset(), index);
        if (cancel.orderId() != null) {
            return Optional.of(new CancelTarget(clientId, cancel));
        }
        String id = clientId;
        return executor.resolve(cancel.origId(), recovery).map(o -> new CancelTarget(id,
                new CancelItem(cancel.id(), o.orderId(), cancel.origId(), cancel.symbol()), !o.placedHere()));
    }

    private CommandResult notFound(PendingCommand p, CancelItem cancel) {
        return results.result(p, ResultStatus.REJECTED, null, null, "ORDER_NOT_FOUND", "origId: no order placed with client id \""
                + cancel.origId() + "\" is known to this task, in the results read back, or open or in the current "
                + "history at the exchange", null, 0, List.of());
    }

    /** Nothing sent: the exchange refused the look-up (rejected, its reason) or kept failing it (failed). */
    private CommandResult lookUpFailed(PendingCommand p, CancelItem cancel, LookUpFailedException e) {
        String message = "origId: the exchange could not be asked for the order placed with client id \""
                + cancel.origId() + "\" (open orders, current history); nothing sent: " + e.failure().getMessage();
        if (e.refused() && e.failure() instanceof BitMaxApiException api) {
            return results.result(p, ResultStatus.REJECTED, null, api.code(),
                    api.reason() == null ? "HTTP_" + api.httpStatus() : api.reason(), message, null, 0, List.of());
        }
        return results.result(p, ResultStatus.FAILED, null, null, "RETRIES_EXHAUSTED", message, null, 0, List.of());
    }

    // ---------------------------------------------------------------------------------------- client ids

    private String orderClientId(PendingCommand p, OrderItem order, int index) {
        String given = p.command() instanceof OrderCommand.Place ? p.command().id() : order.id();
        return ids.clientId(given, p.record().topic(), p.record().kafkaPartition(), p.offset(), index);
    }
}
