package dev.bitmaxconnect.distribution.faults;

import java.util.List;
import java.util.Locale;

/**
 * What one fault scenario did to the pipeline, measured against the simulator's ground truth and the topics.
 *
 * @param commandsSent order commands written to the sink's topic
 * @param ordersAtExchange orders the exchange accepted for those commands
 * @param resultsWritten result records written for those commands, repeats included
 * @param repeats result records for a command that already had one (results are written at least once)
 * @param duplicates orders beyond one per command (must be 0)
 * @param lostCommands commands with no order at the exchange and no result refusing them (must be 0)
 * @param missingOrderEvents accepted orders whose final state (filled quantity as the fills say) is not on the
 *     order topic (must be 0)
 * @param accountMismatches contracts whose latest position on the account topic differs from the fills (must be 0)
 * @param recoveryMillis from the end of the fault until a command written then has its result and its order event
 * @param reconnects source WebSocket reconnects counted by its tasks during the scenario
 * @param sinkRetries requests the sink tasks retried during the scenario
 */
record ScenarioFigures(String scenario, String fault, int commandsSent, int ordersAtExchange, int resultsWritten,
        int repeats, int refused, int duplicates, int lostCommands, int missingOrderEvents, int accountMismatches,
        long recoveryMillis, long reconnects, long sinkRetries) {

    static String table(List<ScenarioFigures> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | fault | commands sent | orders at exchange | results | repeats | refused "
                + "| duplicates | lost | missing order events | account mismatches | recovery ms "
                + "| source reconnects | sink retries |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioFigures r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d "
                    + "| %d | %d |%n", r.scenario, r.fault, r.commandsSent, r.ordersAtExchange, r.resultsWritten,
                    r.repeats, r.refused, r.duplicates, r.lostCommands, r.missingOrderEvents, r.accountMismatches,
                    r.recoveryMillis, r.reconnects, r.sinkRetries));
        }
        return sb.toString();
    }
}
