package io.comanda.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite, shortened (fewer orders, shorter outages, every scenario), as an operator runs it on
 * the stack {@link ComandaLauncherIT} has started: {@code ./comanda chaos --short}. Each scenario kills,
 * stops or restarts a part under load and counts every order's effects through the public interfaces;
 * the command fails on any order lost, charged, announced or placed twice, or dead-lettered.
 */
final class StackFaultSuite {

    private static final List<String> SCENARIOS = List.of("kill -9 payments-service", "kill -9 orders-service",
            "Kafka stopped", "PostgreSQL restarted", "kill -9 Kafka Connect", "orders-service started, Kafka down");

    private StackFaultSuite() {
    }

    static void everyScenarioLosesNothingAndDoesNothingTwice(Map<String, String> environment) throws Exception {
        ComandaCli.Result chaos = ComandaCli.run(environment, Duration.ofMinutes(12), "chaos", "--short");
        Path log = Path.of("target", "comanda-chaos.log").toAbsolutePath();
        Files.writeString(log, chaos.output());

        assertThat(chaos.exitCode()).as("./comanda chaos --short; its output is in " + log + ":%n%s", chaos.output())
                .isZero();
        List<String> rows = chaos.output().lines().filter(line -> line.startsWith("| ") && !line.startsWith("| scenario") && !line.startsWith("| -"))
                .toList();
        assertThat(rows).as("one row per scenario").hasSize(SCENARIOS.size());
        for (int i = 0; i < SCENARIOS.size(); i++) {
            String[] cells = rows.get(i).split("\\|");
            assertThat(cells[1].trim()).startsWith(SCENARIOS.get(i));
            int orders = Integer.parseInt(cells[2].trim());
            assertThat(orders).as("orders placed during " + SCENARIOS.get(i)).isPositive();
            assertThat(Integer.parseInt(cells[3].trim())).as("final orders of " + SCENARIOS.get(i)).isEqualTo(orders);
            assertThat(List.of(cells[6].trim(), cells[7].trim(), cells[8].trim(), cells[9].trim()))
                    .as("duplicate effects, lost, wrong and dead letters of " + SCENARIOS.get(i))
                    .containsOnly("0");
        }
    }
}
