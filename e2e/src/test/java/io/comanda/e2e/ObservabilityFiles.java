package io.comanda.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The PromQL of compose's Grafana dashboards and Prometheus alert rules, as files in the repository. */
final class ObservabilityFiles {

    static final Path DASHBOARDS = ComandaCli.ROOT.resolve("compose/grafana/dashboards");
    static final Path ALERT_RULES = ComandaCli.ROOT.resolve("compose/prometheus/alert-rules.yml");

    private ObservabilityFiles() {
    }

    /** Every {@code expr} of every dashboard panel and alert rule. */
    static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>(alertExpressions());
        try (Stream<Path> dashboards = Files.list(DASHBOARDS)) {
            for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                new ObjectMapper().readTree(dashboard.toFile()).path("panels").forEach(panel ->
                        panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
            }
        }
        return expressions;
    }

    @SuppressWarnings("unchecked")
    static List<String> alertExpressions() throws IOException {
        try (InputStream in = Files.newInputStream(ALERT_RULES)) {
            Map<String, Object> rules = new Yaml().load(in);
            List<String> expressions = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    expressions.add(String.valueOf(rule.get("expr")));
                }
            }
            return expressions;
        }
    }
}
