package io.hearth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's one table, in markdown, with the lines that say where and how it was measured. */
final class Report {
    /** A row; blank cells are empty strings. {@code met} is "yes", "no" or "". */
    record Row(String measure, String value, String p50, String p99, String errors, String reference, String ratio,
            String met) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    void note(String line) {
        notes.add(line);
    }

    void row(Row row) {
        rows.add(row);
    }

    /** A throughput against its ceiling, with the lowest ratio that meets the target (0 for no target). */
    void throughput(String measure, double perSecond, String unit, double p50, double p99, String errors,
            String ceilingText, double ceiling, double targetRatio) {
        double ratio = perSecond / ceiling;
        row(new Row(measure, num(perSecond) + " " + unit, ms(p50), ms(p99), errors, ceilingText,
                String.format(Locale.ROOT, "%.3fx", ratio), targetRatio > 0 ? (ratio >= targetRatio ? "yes" : "no")
                        : ""));
    }

    /** A figure that must stay under its target (freshness, start time, memory): ratio is value / target. */
    void underTarget(String measure, String value, double figure, double p50, double p99, String errors,
            String targetText, double target) {
        boolean measured = !Double.isNaN(figure);
        if (Double.isNaN(target)) {
            row(new Row(measure, value, ms(p50), ms(p99), errors, targetText, "", ""));
            return;
        }
        row(new Row(measure, value, ms(p50), ms(p99), errors, targetText,
                measured ? String.format(Locale.ROOT, "%.2fx", figure / target) : "",
                measured ? (figure < target ? "yes" : "no") : "no"));
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append(line).append('\n'));
        text.append('\n');
        text.append("| measure | value | p50 ms | p99 ms | errors | ceiling or target | ratio | target met |\n");
        text.append("|---|---:|---:|---:|---:|---|---:|:-:|\n");
        for (Row row : rows) {
            text.append("| ").append(String.join(" | ", row.measure(), row.value(), row.p50(), row.p99(),
                    row.errors(), row.reference(), row.ratio(), row.met())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            text.append('\n');
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        return text.toString();
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
