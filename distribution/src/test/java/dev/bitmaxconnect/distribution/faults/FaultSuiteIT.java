package dev.bitmaxconnect.distribution.faults;

import static dev.bitmaxconnect.distribution.PluginSetup.createTopics;
import static dev.bitmaxconnect.distribution.PluginSetup.sinkConfig;
import static dev.bitmaxconnect.distribution.PluginSetup.sourceConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.Fill;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import dev.bitmaxconnect.distribution.PluginSetup;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults while both connectors carry traffic, on three Connect workers that load the plugin from its archive, against
 * one simulator: each scenario places old orders ({@link AgedOrders}) and pushes them out of both history windows,
 * writes order commands at a steady pace, injects its fault, ends the old orders while it is on, ends it, and then
 * checks the simulator's ground truth, the exchange's answers and the topics: one order per command (no duplicate,
 * none lost), a result for every command and none the exchange contradicts, the last record of every order on the
 * order topic equal to its state at the exchange, the latest positions on the account topic equal to the fills, and
 * the time to recover. One cluster and one simulator serve every scenario.
 *
 * <p>The fault window is {@code -Dfaults.window.seconds} (6 by default, what CI runs; 60 gives the long version, e.g.
 * the simulator off the network for a minute). The figures go to {@code target/reliability/fault-suite.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("faults.window.seconds", 6));
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("faults.settle.seconds", 120));
    private static final int COMMANDS_PER_SECOND = Integer.getInteger("faults.commands.per.second", 10);
    /** Size of the oversized REST bodies of the hostile-exchange scenario (see docs/reliability.md on larger ones). */
    private static final int HOSTILE_REST_BYTES = Integer.getInteger("faults.hostile.rest.bytes", 200_000);
    private static final String PREFIX = "faults";
    private static final String SOURCE = "faults-source";
    private static final String SINK = "faults-sink";
    private static final String COMMANDS = PREFIX + "-commands";
    private static final String RESULTS = PREFIX + "-results";
    private static final String ORDERS = PREFIX + ".order";
    private static final String ACCOUNT = PREFIX + ".account";
    private static final String RUN = "r" + Long.toString(System.currentTimeMillis(), 36);
    /** The sink's look into the exchange's order history at a restart: small, so that old orders are out of it. */
    private static final int SINK_HISTORY = 50;
    /**
     * The source's look into the order history after a gap. Orders placed and ended within one outage are recovered
     * from it alone (docs/reliability.md): twice the commands of a fault window covers them, the sink's backlog sent
     * in a burst when the exchange is back included; at most the 1,000 orders the simulator's history keeps.
     */
    private static final int SOURCE_HISTORY =
            (int) Math.min(1000, Math.max(100, 2 * COMMANDS_PER_SECOND * WINDOW.toSeconds()));
    /** Orders placed after each scenario's old orders, before its fault: more than either history window. */
    private static final int NEWER_ORDERS = Math.max(SOURCE_HISTORY, SINK_HISTORY) + 10;
    private static final List<ScenarioFigures> FIGURES = Collections.synchronizedList(new ArrayList<>());

    private static ConnectCluster cluster;
    private static TopicRecorder topics;
    private static ExchangeOrders exchange;

    /**
     * Injects a fault, ends the old orders while it is on ({@link AgedOrders#end()}, once), and ends the fault;
     * returns a short description of what it did.
     */
    @FunctionalInterface
    private interface Fault {
        String inject(CommandTraffic traffic, AgedOrders aged) throws Exception;
    }

    @BeforeAll
    static void start() throws InterruptedException {
        // Server pings every second, so that a session whose pongs are lost is dropped within the fault window.
        cluster = PluginSetup.start("faults", 3, BitMaxSimulator.builder().pingInterval(Duration.ofSeconds(1)));
        createTopics(cluster, PREFIX, 2);
        Map<String, String> source = sourceConfig(cluster, PREFIX);
        source.put("bitmax.request.timeout.ms", "2000");
        source.put("bitmax.reconnect.backoff.max.ms", "5000");
        source.put("private.recovery.history.size", Integer.toString(SOURCE_HISTORY));
        Map<String, String> sink = sinkConfig(cluster, PREFIX);
        sink.put("tasks.max", "2");
        sink.put("bitmax.request.timeout.ms", "2000");
        // Enough retries to ride out an exchange outage of a few minutes rather than fail the commands.
        sink.put("retry.max.attempts", "100");
        sink.put("retry.backoff.max.ms", "2000");
        sink.put("retry.max.time.ms", "300000");
        sink.put("recovery.history.size", Integer.toString(SINK_HISTORY));
        cluster.connect.configureConnector(SOURCE, source);
        cluster.connect.configureConnector(SINK, sink);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(SOURCE, 2, "source not running");
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(SINK, 2, "sink not running");
        topics = new TopicRecorder(cluster.connect.kafka().bootstrapServers(), List.of(RESULTS, ORDERS, ACCOUNT));
        exchange = new ExchangeOrders(cluster.simulator.restUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            String table = ScenarioFigures.table(FIGURES);
            Path report = Paths.get("target", "reliability", "fault-suite.md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, "Fault window " + WINDOW.toSeconds() + " s, " + COMMANDS_PER_SECOND
                    + " commands/s\n\n" + table, StandardCharsets.UTF_8);
            System.out.println("\nFault suite, window " + WINDOW.toSeconds() + " s:\n" + table);
            if (topics != null) {
                topics.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    void webSocketConnectionsDroppedEveryTwoSeconds() throws Exception {
        scenario("ws-drops", "wd", (traffic, aged) -> {
            int drops = 0;
            for (long end = deadline(WINDOW); System.currentTimeMillis() < end; drops++) {
                cluster.simulator.faults().dropAllConnections();
                if (drops == 0) {
                    aged.end();
                }
                Thread.sleep(2000);
            }
            return drops + " drops of every WebSocket, 2 s apart";
        });
    }

    @Test
    @Order(2)
    void pingsLeftUnansweredWhileTheMarketIsQuiet() throws Exception {
        scenario("ping-silence", "ps", (traffic, aged) -> {
            cluster.simulator.faults().stopAnsweringPings(true).pauseMarketData(true);
            aged.end();
            Thread.sleep(WINDOW.toMillis());
            cluster.simulator.faults().stopAnsweringPings(false).pauseMarketData(false);
            return "no pong, no server ping, no market data for " + WINDOW.toSeconds() + " s";
        });
    }

    @Test
    @Order(3)
    void pongsLostUntilTheServerDisconnects() throws Exception {
        scenario("pong-loss", "pl", (traffic, aged) -> {
            long before = cluster.simulator.sessionsDisconnectedForMissedPings();
            long end = deadline(WINDOW);
            cluster.simulator.faults().loseClientFrames(true);
            // The old orders end once the server has dropped the source's sessions (a public one per task and the
            // private one): the private stream is down by then, and every new session's subscriptions are lost.
            waitQuietly(WINDOW, () -> cluster.simulator.sessionsDisconnectedForMissedPings() - before >= 3);
            aged.end();
            Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
            cluster.simulator.faults().loseClientFrames(false);
            long dropped = cluster.simulator.sessionsDisconnectedForMissedPings() - before;
            assertThat(dropped).as("sessions the server dropped for unanswered pings").isPositive();
            return "every client frame (pongs, pings, auth, subscriptions) lost for " + WINDOW.toSeconds()
                    + " s; the server dropped " + dropped + " sessions after two unanswered pings";
        });
    }

    @Test
    @Order(4)
    void restBurstsOf5xxAnd429() throws Exception {
        scenario("rest-errors", "re", (traffic, aged) -> {
            int bursts = 0;
            for (long end = deadline(WINDOW); System.currentTimeMillis() < end; bursts++) {
                if (bursts % 2 == 0) {
                    cluster.simulator.faults().failNextRestRequests(3, 503, 510001);
                } else {
                    cluster.simulator.faults().failNextRestRequests(3, 429, 100101);
                }
                if (bursts == 0) {
                    aged.end();
                }
                Thread.sleep(1000);
            }
            return bursts + " bursts of 3 REST failures (503 and 429 in turn), 1 s apart";
        });
    }

    @Test
    @Order(5)
    void responsesSlowerThanTheClientTimeout() throws Exception {
        scenario("slow-responses", "sr", (traffic, aged) -> {
            cluster.simulator.faults().delayResponses(Duration.ofMillis(3000));
            aged.end();
            Thread.sleep(WINDOW.toMillis());
            cluster.simulator.faults().delayResponses(Duration.ZERO);
            return "every answer 3 s late (timeout 2 s) for " + WINDOW.toSeconds() + " s";
        });
    }

    @Test
    @Order(6)
    void ordersAppliedWhoseResponsesAreLost() throws Exception {
        scenario("lost-responses", "lr", (traffic, aged) -> {
            int rounds = 0;
            for (long end = deadline(WINDOW); System.currentTimeMillis() < end; rounds++) {
                cluster.simulator.faults().applyThenDropNextOrders(2);
                if (rounds == 0) {
                    aged.end();
                }
                Thread.sleep(1000);
            }
            return rounds + " rounds of 2 order requests applied, then their connection dropped";
        });
    }

    @Test
    @Order(7)
    void malformedAndOversizedFramesAndBodies() throws Exception {
        int[] garbledAnswers = {0};
        scenario("hostile-exchange", "hx", (traffic, aged) -> {
            int rounds = 0;
            for (long end = deadline(WINDOW); System.currentTimeMillis() < end; rounds++) {
                cluster.simulator.faults().sendMalformedFrames(8);
                cluster.simulator.faults().sendOversizedFrames(1, 1_000_000);
                cluster.simulator.faults().malformNextRestResponses(1);
                cluster.simulator.faults().oversizeNextRestResponses(1, HOSTILE_REST_BYTES);
                garbledAnswers[0] += 2;
                if (rounds == 0) {
                    aged.end();
                }
                Thread.sleep(2000);
            }
            return rounds + " rounds of 8 malformed + one 1 MB frame per WebSocket, a cut-off and a "
                    + HOSTILE_REST_BYTES / 1000 + " kB REST body";
        }, garbledAnswers);
    }

    @Test
    @Order(8)
    void aWorkerStoppedInTheMiddleOfABatchAndStartedAgain() throws Exception {
        scenario("worker-stop", "wk", (traffic, aged) -> {
            WorkerHandle victim = cluster.workerRunning(SINK);
            traffic.burst(30);
            aged.end();
            cluster.connect.removeWorker(victim);
            Thread.sleep(WINDOW.toMillis() / 3);
            cluster.connect.addWorker();
            cluster.connect.assertions().assertExactlyNumWorkersAreUp(3, "the worker did not come back");
            awaitTasksRunning();
            return "30 commands written, the worker of a sink task stopped at once, a new worker started "
                    + WINDOW.toSeconds() / 3 + " s later";
        });
    }

    @Test
    @Order(9)
    void bothConnectorsRestarted() throws Exception {
        scenario("connector-restart", "cr", (traffic, aged) -> {
            int restarts = 0;
            for (long end = deadline(WINDOW); System.currentTimeMillis() < end || restarts == 0; restarts++) {
                traffic.burst(10);
                if (restarts == 0) {
                    aged.end();
                }
                cluster.connect.restartConnectorAndTasks(SINK, false, true, false);
                cluster.connect.restartConnectorAndTasks(SOURCE, false, true, false);
                awaitTasksRunning();
                Thread.sleep(3000);
            }
            return restarts + " restarts of both connectors and their tasks, each after a burst of 10 commands";
        });
    }

    @Test
    @Order(10)
    void theExchangeOffTheNetworkAndBackWithItsState() throws Exception {
        scenario("exchange-outage", "eo", (traffic, aged) -> {
            cluster.simulator.stopNetwork();
            aged.end();
            Thread.sleep(WINDOW.toMillis());
            cluster.simulator.startNetwork();
            return "simulator off the network (port closed) for " + WINDOW.toSeconds() + " s, back with its state";
        });
    }

    private static void scenario(String name, String code, Fault fault) throws Exception {
        scenario(name, code, fault, new int[] {0});
    }

    /**
     * Runs one scenario. {@code garbledAnswers} (filled in by the fault) is how many exchange answers were made
     * unreadable on purpose: a command that gets one may be refused (its result says so) instead of executed, and
     * then counts as refused rather than lost; without such answers every command must be executed.
     */
    private static void scenario(String name, String code, Fault fault, int[] garbledAnswers) throws Exception {
        String idPrefix = RUN + code;
        long reconnectsBefore = TaskMetrics.sourceReconnects(SOURCE);
        long retriesBefore = TaskMetrics.sinkRetries(SINK);
        AgedOrders aged = new AgedOrders(cluster, COMMANDS, idPrefix);
        aged.place();
        awaitOnTheOrderTopicAsNew(aged.placeIds());
        CommandTraffic traffic = new CommandTraffic(cluster, COMMANDS, idPrefix, COMMANDS_PER_SECOND);
        String described;
        long recovery;
        try {
            // Newer orders push the old ones out of both history windows before the fault.
            traffic.burst(NEWER_ORDERS);
            awaitOutOfTheHistoryWindows(aged.placeIds(), traffic.ids());
            described = fault.inject(traffic, aged);
            assertThat(aged.ended()).as("%s: the old orders ended while the fault was on", name).isTrue();
            long faultEnd = System.currentTimeMillis();
            // Traffic goes on while the pipeline recovers; the first command after the fault times the recovery.
            String probe = traffic.send();
            recovery = awaitRecovery(probe, faultEnd);
        } finally {
            traffic.close();
            cluster.simulator.faults().reset();
        }
        SentCommands commands = new SentCommands(traffic.ids(), aged);
        waitQuietly(SETTLE, () -> measure(name, described, idPrefix, commands, recovery, 0, 0).settled());
        Measured measured = measure(name, described, idPrefix, commands, recovery,
                delta(reconnectsBefore, TaskMetrics.sourceReconnects(SOURCE)),
                delta(retriesBefore, TaskMetrics.sinkRetries(SINK)));
        ScenarioFigures f = measured.figures();
        FIGURES.add(f);
        System.out.println(ScenarioFigures.table(List.of(f)));

        assertThat(f.duplicates()).as("%s: orders beyond one per command, client ids %s", name,
                measured.duplicated()).isZero();
        assertThat(f.lostCommands()).as("%s: commands neither executed at the exchange nor refused", name)
                .isZero();
        assertThat(f.resultsWritten() - f.repeats()).as("%s: commands with a result", name)
                .isEqualTo(f.commandsSent());
        assertThat(measured.contradicting()).as("%s: results that contradict the exchange", name).isEmpty();
        assertThat(measured.refused()).as("%s: results neither accepted nor duplicate", name)
                .hasSizeLessThanOrEqualTo(garbledAnswers[0]);
        assertThat(measured.missingStates()).as("%s: orders whose last record on the order topic is not their state "
                + "at the exchange (topic, exchange)", name).isEmpty();
        assertThat(f.accountMismatches()).as("%s: positions on the account topic unlike the fills", name).isZero();
        assertThat(f.recoveryMillis()).as("%s: the command written after the fault went through", name)
                .isNotNegative();
        awaitTasksRunning();
    }

    /** The commands of a scenario: the steady traffic (market orders), the old orders and their cancels. */
    private record SentCommands(List<String> traffic, AgedOrders aged) {

        List<String> all() {
            List<String> all = new ArrayList<>(traffic);
            all.addAll(aged.commandIds());
            return all;
        }
    }

    private record Measured(ScenarioFigures figures, List<String> refused, List<String> duplicated,
            List<String> contradicting, List<String> missingStates, boolean settled) {
    }

    private static Measured measure(String name, String fault, String idPrefix, SentCommands commands, long recovery,
            long reconnects, long retries) {
        List<String> ids = commands.all();
        Map<String, String> cancels = commands.aged().cancels();
        List<AcceptedOrder> ours = cluster.simulator.groundTruth().acceptedOrders().stream()
                .filter(o -> o.clientId().startsWith(idPrefix)).toList();
        Map<String, String> orderIdByClientId = new HashMap<>();
        ours.forEach(o -> orderIdByClientId.putIfAbsent(o.clientId(), o.orderId()));
        int duplicates = ours.size() - orderIdByClientId.size();
        List<String> duplicated = ours.stream().collect(Collectors.groupingBy(AcceptedOrder::clientId,
                Collectors.counting())).entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        Map<String, ExchangeOrders.State> atExchange = exchange.states(ours.stream().map(AcceptedOrder::orderId)
                .toList());
        // What the exchange did for a command: the order a place created, the order a cancel canceled. Each old
        // order has one cancel command and the suite sends no other cancel, so a canceled one was canceled by it.
        Predicate<String> executed = id -> cancels.containsKey(id)
                ? canceled(atExchange.get(orderIdByClientId.get(cancels.get(id))))
                : orderIdByClientId.containsKey(id);

        // Every result record counts; one for a command already answered (the same topic, partition and offset)
        // is a repeat, which the results topic's at-least-once delivery allows (docs/sink.md, the results topic). Each
        // record, repeats too, must agree with the exchange.
        Map<String, String> statusById = new HashMap<>();
        Set<String> answered = new HashSet<>();
        List<String> contradicting = new ArrayList<>();
        int resultRecords = 0;
        int repeats = 0;
        for (TopicRecorder.Seen r : topics.records(RESULTS)) {
            String id = r.value() == null ? "" : r.value().path("commandId").asText();
            if (!id.startsWith(idPrefix)) {
                continue;
            }
            resultRecords++;
            if (!answered.add(r.value().path("topic").asText() + "/" + r.value().path("partition").asInt() + "@"
                    + r.value().path("offset").asLong())) {
                repeats++;
            }
            String status = r.value().path("status").asText().toUpperCase(Locale.ROOT);
            statusById.put(id, status);
            String contradiction = contradiction(r.value(), status, executed.test(id),
                    cancels.containsKey(id) ? orderIdByClientId.get(cancels.get(id)) : orderIdByClientId.get(id));
            if (contradiction != null) {
                contradicting.add(id + " " + status + "/" + r.value().path("reason").asText() + ": " + contradiction);
            }
        }
        List<String> refused = statusById.entrySet().stream()
                .filter(e -> !e.getValue().equals("ACCEPTED") && !e.getValue().equals("DUPLICATE"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
        // Lost: neither executed nor refused with a result saying so.
        int lost = (int) ids.stream().filter(id -> !executed.test(id)
                && !statusById.getOrDefault(id, "ACCEPTED").matches("REJECTED|FAILED|SKIPPED")).count();

        // The last record of every order on the order topic (one partition: topic order) is its state at the
        // exchange: status and cumulative filled quantity.
        Map<String, ExchangeOrders.State> lastOnTopic = new HashMap<>();
        for (TopicRecorder.Seen r : topics.records(ORDERS)) {
            if (r.value() != null) {
                lastOnTopic.put(r.value().path("orderId").asText(), ExchangeOrders.State.of(r.value()));
            }
        }
        List<String> missingStates = new ArrayList<>();
        for (AcceptedOrder order : ours) {
            ExchangeOrders.State exchangeState = atExchange.get(order.orderId());
            ExchangeOrders.State topicState = lastOnTopic.get(order.orderId());
            if (exchangeState == null || !exchangeState.equals(topicState)) {
                missingStates.add(order.clientId() + " (" + topicState + ", " + exchangeState + ")");
            }
        }

        Map<String, BigDecimal> positionBySymbol = new HashMap<>();
        for (Fill fill : cluster.simulator.groundTruth().fills()) {
            BigDecimal signed = fill.side().equalsIgnoreCase("Buy") ? fill.qty() : fill.qty().negate();
            positionBySymbol.merge(fill.symbol(), signed, BigDecimal::add);
        }
        Map<String, BigDecimal> latestPosition = new HashMap<>();
        for (TopicRecorder.Seen r : topics.records(ACCOUNT)) {
            if (r.value() != null) {
                for (JsonNode p : r.value().path("positions")) {
                    latestPosition.put(p.path("symbol").asText(), decimal(p.path("position")));
                }
            }
        }
        int accountMismatches = 0;
        for (Map.Entry<String, BigDecimal> e : positionBySymbol.entrySet()) {
            if (latestPosition.getOrDefault(e.getKey(), BigDecimal.ZERO).compareTo(e.getValue()) != 0) {
                accountMismatches++;
            }
        }
        ScenarioFigures figures = new ScenarioFigures(name, fault, ids.size(), ours.size(), resultRecords, repeats,
                refused.size(), duplicates, lost, contradicting.size(), missingStates.size(), accountMismatches,
                recovery, reconnects, retries);
        boolean settled = lost == 0 && answered.size() >= ids.size() && contradicting.isEmpty()
                && missingStates.isEmpty() && accountMismatches == 0;
        return new Measured(figures, refused, duplicated, contradicting, missingStates, settled);
    }

    /**
     * Why a result record contradicts the exchange, or null when it agrees: {@code accepted} or {@code duplicate}
     * for a command the exchange did not execute (or naming another order than the one it holds), a refusal
     * ({@code rejected}, {@code skipped}, {@code failed} other than {@code OUTCOME_UNKNOWN}, which says it does not
     * know) for one it executed.
     */
    private static String contradiction(JsonNode result, String status, boolean executed, String orderId) {
        String named = result.path("orderId").asText("");
        switch (status) {
            case "ACCEPTED", "DUPLICATE" -> {
                if (!executed) {
                    return "the exchange did not execute it";
                }
                if (!named.isEmpty() && !named.equals(orderId)) {
                    return "names " + named + ", the exchange holds " + orderId;
                }
                return null;
            }
            case "FAILED" -> {
                boolean unknown = result.path("reason").asText().equals("OUTCOME_UNKNOWN");
                return executed && !unknown ? "the exchange executed it" : null;
            }
            default -> {
                return executed ? "the exchange executed it" : null;
            }
        }
    }

    private static boolean canceled(ExchangeOrders.State state) {
        return state != null && state.status().equals("Canceled");
    }

    /** Waits until the source has written each of these orders as {@code New}: not final, as the topic last saw it. */
    private static void awaitOnTheOrderTopicAsNew(List<String> clientIds) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, String> lastStatus = new HashMap<>();
            for (TopicRecorder.Seen r : topics.records(ORDERS)) {
                if (r.value() != null) {
                    lastStatus.put(r.value().path("orderId").asText(), r.value().path("status").asText());
                }
            }
            for (String clientId : clientIds) {
                List<AcceptedOrder> orders = cluster.simulator.groundTruth().acceptedOrdersWithClientId(clientId);
                assertThat(orders).as("orders of %s at the exchange", clientId).hasSize(1);
                assertThat(lastStatus.get(orders.get(0).orderId())).as("%s on the order topic", clientId)
                        .isEqualTo("New");
            }
        });
    }

    /** Waits until the newer orders are at the exchange, and checks that they outnumber both history windows. */
    private static void awaitOutOfTheHistoryWindows(List<String> oldOrders, List<String> newerOrders) {
        Set<String> newer = new HashSet<>(newerOrders);
        Set<String> old = new HashSet<>(oldOrders);
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> cluster.simulator.groundTruth()
                .acceptedOrders().stream().filter(o -> newer.contains(o.clientId())).count() >= newer.size());
        List<AcceptedOrder> all = cluster.simulator.groundTruth().acceptedOrders();
        int lastOld = 0;
        for (int i = 0; i < all.size(); i++) {
            if (old.contains(all.get(i).clientId())) {
                lastOld = i;
            }
        }
        assertThat(all.size() - 1 - lastOld).as("orders the account placed after the old ones")
                .isGreaterThan(Math.max(SOURCE_HISTORY, SINK_HISTORY));
    }

    /** From the end of the fault until the probe command has its result and its order is on the order topic. */
    private static long awaitRecovery(String probe, long faultEnd) {
        long[] recoveredAt = {-1};
        waitQuietly(SETTLE, () -> {
            boolean result = topics.records(RESULTS).stream()
                    .anyMatch(r -> r.value() != null && probe.equals(r.value().path("commandId").asText()));
            List<AcceptedOrder> orders = cluster.simulator.groundTruth().acceptedOrdersWithClientId(probe);
            if (!result || orders.isEmpty()) {
                return false;
            }
            String orderId = orders.get(0).orderId();
            boolean event = topics.records(ORDERS).stream()
                    .anyMatch(r -> r.value() != null && orderId.equals(r.value().path("orderId").asText()));
            if (event) {
                recoveredAt[0] = System.currentTimeMillis();
            }
            return event;
        });
        return recoveredAt[0] < 0 ? -1 : recoveredAt[0] - faultEnd;
    }

    private static void awaitTasksRunning() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String connector : List.of(SOURCE, SINK)) {
                ConnectorStateInfo status = cluster.connect.connectorStatus(connector);
                assertThat(status.connector().state()).as(connector).isEqualTo("RUNNING");
                assertThat(status.tasks()).as(connector).hasSize(2)
                        .allSatisfy(t -> assertThat(t.state()).as(connector + " " + t.trace()).isEqualTo("RUNNING"));
            }
        });
    }


    /** Polls {@code condition} every 100 ms until it holds or {@code timeout} passes; the caller then measures. */
    private static void waitQuietly(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long deadline(Duration window) {
        return System.currentTimeMillis() + window.toMillis();
    }

    /** Counter growth; a restarted task starts its counters again, so then the later value is all that is known. */
    private static long delta(long before, long after) {
        return after >= before ? after - before : after;
    }

    private static BigDecimal decimal(JsonNode node) {
        String text = node.asText("");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
