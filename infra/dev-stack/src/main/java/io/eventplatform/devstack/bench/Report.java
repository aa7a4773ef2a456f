package io.eventplatform.devstack.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench's results for a person (a table, a chart of the latency percentiles) and for a program (JSON). */
final class Report {

    private Report() {
    }

    static String table(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"id", "scenario", "rate/s", "p50", "p95", "p99", "errors", "limit", "ratio", "target", "pass"});
        for (Row row : rows) {
            cells.add(new String[]{row.id(), row.scenario(), row.rate() == null ? "—" : String.format(Locale.ROOT, "%.0f", row.rate()),
                    ms(row.p50()), ms(row.p95()), ms(row.p99()), Long.toString(row.errors()), row.limit(),
                    row.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.ratio()), row.target(),
                    row.pass() ? "PASS" : "FAIL"});
        }
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < cells.size(); l++) {
            String[] line = cells.get(l);
            for (int i = 0; i < line.length; i++) {
                text.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", line[i]));
            }
            text.append('\n');
            if (l == 0) {
                for (int i = 0; i < widths.length; i++) {
                    text.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                text.append('\n');
            }
        }
        text.append('\n');
        for (Row row : rows) {
            text.append(row.id()).append(": ").append(row.result()).append('\n');
        }
        return text.toString();
    }

    static Map<String, Object> json(List<Row> rows, Map<String, Object> context) {
        Map<String, Object> all = new LinkedHashMap<>(context);
        all.put("results", rows);
        return all;
    }

    /** One group of bars (p50, p95, p99) per scenario that has latencies; a log scale from 1 ms. */
    static String svg(List<Row> rows) {
        List<Row> timed = rows.stream().filter(row -> row.p50() != null).toList();
        int group = 90;
        int width = 80 + group * Math.max(1, timed.size());
        int height = 320;
        int top = 30;
        int bottom = 260;
        double maxLog = Math.log10(Math.max(10, timed.stream().mapToLong(r -> Math.max(r.p99(), 1)).max().orElse(10)) * 1.2);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        svg.append("<text x=\"10\" y=\"18\" font-size=\"13\">Latency percentiles per scenario (ms, log scale)</text>\n");
        for (double tick = 1; Math.log10(tick) <= maxLog; tick *= 10) {
            int y = (int) (bottom - (bottom - top) * Math.log10(tick) / maxLog);
            svg.append(String.format(Locale.ROOT, "<line x1=\"50\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"8\" y=\"%d\">%.0f</text>%n", y, width - 10, y, y + 4, tick));
        }
        String[] colours = {"#4c78a8", "#f58518", "#e45756"};
        for (int i = 0; i < timed.size(); i++) {
            Row row = timed.get(i);
            long[] values = {row.p50(), row.p95(), row.p99()};
            for (int b = 0; b < 3; b++) {
                double log = Math.log10(Math.max(1, values[b]));
                int barHeight = (int) Math.max(1, (bottom - top) * log / maxLog);
                int x = 60 + i * group + b * 24;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"20\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s p%s %d ms</title></rect><text x=\"%d\" y=\"%d\" font-size=\"9\">%d</text>%n",
                        x, bottom - barHeight, barHeight, colours[b], row.id(), new String[]{"50", "95", "99"}[b],
                        values[b], x, bottom - barHeight - 3, values[b]));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", 75 + i * group, bottom + 16, row.id()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"60\" y=\"%d\"><tspan fill=\"%s\">■ p50</tspan> "
                + "<tspan fill=\"%s\">■ p95</tspan> <tspan fill=\"%s\">■ p99</tspan></text>%n", bottom + 40,
                colours[0], colours[1], colours[2]));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String ms(Long value) {
        return value == null ? "—" : value + " ms";
    }
}
