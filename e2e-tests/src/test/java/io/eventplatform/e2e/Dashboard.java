package io.eventplatform.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's Grafana dashboard (infra/observability/grafana/dashboards) as the tests read it. */
final class Dashboard {

    static final Path FILE = ComposeFileTest.ROOT.resolve("infra/observability/grafana/dashboards/event-platform.json");

    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\([^)]*\\)");
    private static final Pattern SELECTOR_OR_RANGE = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern NAME = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");

    final JsonNode json;

    private Dashboard(JsonNode json) {
        this.json = json;
    }

    static Dashboard load() throws IOException {
        return new Dashboard(JsonMapper.builder().build().readTree(Files.readString(FILE)));
    }

    /** Every PromQL expression of every panel. */
    List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : json.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                expressions.add(target.get("expr").asString());
            }
        }
        return expressions;
    }

    /** Every data source uid a panel or a query names. */
    Set<String> dataSourceUids() {
        Set<String> uids = new TreeSet<>();
        for (JsonNode panel : json.get("panels")) {
            uids.add(panel.get("datasource").get("uid").asString());
            for (JsonNode target : panel.get("targets")) {
                uids.add(target.get("datasource").get("uid").asString());
            }
        }
        return uids;
    }

    /** The metric names the expressions read: what is left once groupings, selectors, ranges and calls are set aside. */
    Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            String bare = SELECTOR_OR_RANGE.matcher(GROUPING.matcher(expression).replaceAll(" ")).replaceAll(" ");
            Matcher matcher = NAME.matcher(bare);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
