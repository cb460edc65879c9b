package dev.bitmaxconnect.bench.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A results file written by {@link BenchCsv} (or transcribed by hand in its format): the comment lines as
 * metadata, and the rows. A row's {@code run} is its number, or {@code median} when only the median of several
 * runs is known; empty cells are NaN.
 */
public record BenchData(Map<String, String> meta, List<Row> rows) {

    /** One measured run, or a median. */
    public record Row(String series, long offeredPerSecond, String run, double perSecond, double p50Ms, double p99Ms,
            double cpuMicrosPerRecord) {

        boolean unpaced() {
            return offeredPerSecond == 0;
        }
    }

    public String meta(String key) {
        return meta.getOrDefault(key, "");
    }

    /** Reads a file; a malformed line fails with its file, line number and text. */
    public static BenchData read(Path file) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    // a key given twice (several commands) keeps every value, one a line
                    meta.merge(line.substring(1, colon).strip(), line.substring(colon + 1).strip(), (a, b) -> a + "\n" + b);
                }
            } else if (!header) {
                if (!line.equals(BenchCsv.HEADER)) {
                    throw new IOException(file + ":" + (i + 1) + ": expected the header " + BenchCsv.HEADER + ", got " + line);
                }
                header = true;
            } else {
                rows.add(row(file, i + 1, line));
            }
        }
        return new BenchData(Collections.unmodifiableMap(meta), List.copyOf(rows));
    }

    private static Row row(Path file, int number, String line) throws IOException {
        List<String> cells = cells(line);
        if (cells.size() != 7) {
            throw new IOException(file + ":" + number + ": expected 7 cells, got " + cells.size() + ": " + line);
        }
        try {
            return new Row(cells.get(0), Long.parseLong(cells.get(1)), cells.get(2), number(cells.get(3)),
                    number(cells.get(4)), number(cells.get(5)), number(cells.get(6)));
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + number + ": not a number in " + line, e);
        }
    }

    private static double number(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    /** Comma-separated cells; a cell in double quotes may hold commas and doubled quotes. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
