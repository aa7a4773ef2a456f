package io.eventplatform.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    final List<Row> rows = List.of(
            new Row("P1", "join storm", 1234.4, 20L, 60L, 95L, 3, "5000 joined", "4800 inserts/s", 0.26,
                    "≥ 1,000/s", false),
            new Row("P8", "revocation", null, 40L, 70L, 70L, 0, "slowest [70] ms", "—", null, "≤ 1 s", true));

    @Test
    void theTableShowsEachResultBesideItsLimitTargetAndVerdict() {
        String table = Report.table(rows);

        assertThat(table.lines().findFirst().orElseThrow()).contains("rate/s", "p99", "errors", "limit", "ratio", "pass");
        String p1 = table.lines().filter(line -> line.startsWith("P1 ")).findFirst().orElseThrow();
        assertThat(p1).contains("1234", "95 ms", "| 3 ", "4800 inserts/s", "0.26", "FAIL");
        assertThat(table).contains("P8: slowest [70] ms");
        assertThat(table.lines().filter(line -> line.startsWith("P8 ")).findFirst().orElseThrow()).contains("PASS");
    }

    @Test
    void theChartHasThreeBarsPerScenarioWithLatencies() {
        String svg = Report.svg(rows);

        assertThat(svg).startsWith("<svg").contains("P1 p99 95 ms", "P8 p50 40 ms");
        assertThat(svg.split("<rect", -1)).hasSize(1 + 6);
    }

    @Test
    void theJsonCarriesTheContextAndEveryRow() throws Exception {
        String json = Api.JSON.writeValueAsString(Report.json(rows, Map.of("commit", "abc123")));

        assertThat(Api.JSON.readTree(json).get("commit").asString()).isEqualTo("abc123");
        assertThat(Api.JSON.readTree(json).get("results").get(0).get("errors").asInt()).isEqualTo(3);
    }
}
