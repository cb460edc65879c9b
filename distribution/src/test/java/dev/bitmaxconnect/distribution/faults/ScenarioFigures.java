package dev.bitmaxconnect.distribution.faults;

import java.util.List;
import java.util.Locale;

/**
 * What one fault scenario did to the pipeline, measured against the simulator's ground truth, the exchange's own
 * answers and the topics.
 *
 * @param commandsSent commands written to the sink's topic (places and cancels)
 * @param ordersAtExchange orders the exchange accepted for those commands
 * @param resultsWritten result records written for those commands, repeats included
 * @param repeats result records for a command that already had one (results are written at least once)
 * @param duplicates orders beyond one per command (must be 0)
 * @param lostCommands commands neither executed at the exchange nor refused by a result (must be 0)
 * @param contradictingResults result records, repeats included, that the exchange contradicts: a refusal of a
 *     command it executed, {@code accepted} or {@code duplicate} for one it did not (must be 0)
 * @param missingStates accepted orders whose last record on the order topic is not their state at the exchange
 *     (status and cumulative filled quantity; must be 0)
 * @param accountMismatches contracts whose latest position on the account topic differs from the fills (must be 0)
 * @param recoveryMillis from the end of the fault until a command written then has its result and its order event
 * @param reconnects source WebSocket reconnects counted by its tasks during the scenario
 * @param sinkRetries requests the sink tasks retried during the scenario
 */
record ScenarioFigures(String scenario, String fault, int commandsSent, int ordersAtExchange, int resultsWritten,
        int repeats, int refused, int duplicates, int lostCommands, int contradictingResults, int missingStates,
        int accountMismatches, long recoveryMillis, long reconnects, long sinkRetries) {

    static String table(List<ScenarioFigures> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | fault | commands sent | orders at exchange | results | repeats | refused "
                + "| duplicates | lost | contradicting results | missing states | account mismatches | recovery ms "
                + "| source reconnects | sink retries |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioFigures r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d "
                    + "| %d | %d |%n", r.scenario, r.fault, r.commandsSent, r.ordersAtExchange, r.resultsWritten,
                    r.repeats, r.refused, r.duplicates, r.lostCommands, r.contradictingResults, r.missingStates,
                    r.accountMismatches, r.recoveryMillis, r.reconnects, r.sinkRetries));
        }
        return sb.toString();
    }
}
