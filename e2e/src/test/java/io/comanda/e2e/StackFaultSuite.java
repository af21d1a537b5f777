package io.comanda.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.faults.ChaosResultFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite, shortened (fewer orders, shorter outages, every scenario), as an operator runs it on
 * the stack {@link ComandaLauncherIT} has started: {@code ./comanda chaos --short}. Each scenario kills,
 * stops or restarts a part under load and counts every order's effects through the public interfaces;
 * the command fails on any order lost, charged, announced or placed twice, or dead-lettered, on an order
 * without one mail per event or with a mail twice, and on an index that differs from the orders. Its result
 * is read from the JSON it writes ({@link ChaosResultFile}), not from the printed table.
 */
final class StackFaultSuite {

    private static final List<String> SCENARIOS = List.of("kill -9 payments-service", "kill -9 orders-service",
            "Kafka stopped", "PostgreSQL restarted", "kill -9 Kafka Connect", "orders-service started, Kafka down",
            "Stripe answering ambiguously");

    private StackFaultSuite() {
    }

    static void everyScenarioLosesNothingAndDoesNothingTwice(Map<String, String> environment) throws Exception {
        ComandaCli.Result chaos = ComandaCli.run(environment, Duration.ofMinutes(12), "chaos", "--short");
        Path log = Path.of("target", "comanda-chaos.log").toAbsolutePath();
        Files.writeString(log, chaos.output());
        Path resultFile = ComandaCli.ROOT.resolve(ChaosResultFile.RELATIVE_PATH);

        assertThat(chaos.exitCode()).as("./comanda chaos --short; its output is in " + log + ":%n%s", chaos.output())
                .isZero();
        assertThat(resultFile).as("the result ./comanda chaos writes").exists();
        JsonNode result = new ObjectMapper().readTree(resultFile.toFile());
        List<JsonNode> rows = new ArrayList<>();
        result.path("scenarios").forEach(rows::add);
        assertThat(rows).as("one result per scenario").hasSize(SCENARIOS.size());
        for (int i = 0; i < SCENARIOS.size(); i++) {
            JsonNode row = rows.get(i);
            String scenario = SCENARIOS.get(i);
            assertThat(row.path("scenario").asText()).startsWith(scenario);
            assertThat(row.path("orders").asInt()).as("orders placed during " + scenario).isPositive();
            assertThat(row.path("finalOrders").asInt()).as("final orders of " + scenario)
                    .isEqualTo(row.path("orders").asInt());
            assertThat(List.of(row.path("duplicateEffects").asLong(-1), row.path("lost").asLong(-1),
                    row.path("wrong").asLong(-1), row.path("deadLetters").asLong(-1)))
                    .as("duplicate effects, lost, wrong and dead letters of " + scenario + ": " + row.path("problems"))
                    .containsOnly(0L);
            // The short run's load never reaches the cap on clients in flight: every order due was sent, so
            // each outage was lived through under the whole load, not a thinned one.
            assertThat(row.path("notSent").asLong(-1)).as("orders not sent during " + scenario).isZero();
        }
        assertThat(result.path("mail").path("ordersMissingMail").asLong(-1)).as("orders missing a mail").isZero();
        assertThat(result.path("mail").path("duplicates").asLong(-1)).as("mails sent twice").isZero();
        assertThat(result.path("index").path("indexed").asBoolean()).as("every order indexed with its status: "
                + result.path("index")).isTrue();
        assertThat(result.path("clean").asBoolean()).as("the whole run clean").isTrue();
    }
}
