package io.comanda.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.faults.BrokerPartition;
import io.comanda.devstack.faults.ChaosResultFile;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster on one machine ({@code ./comanda up --cluster --fresh}: three brokers, two Connect workers,
 * two instances of each service) and its faults, shortened ({@code ./comanda chaos --short}): the broker
 * leading the orders topic killed, two of three brokers stopped, one instance of each service killed,
 * a payments instance frozen past its session timeout, a rolling restart of every service, the relay's
 * worker killed (its task moves), PostgreSQL killed, and where the machine lets the suite change its
 * firewall, a broker cut off from the others. Each under load, counted as the single stack's
 * suite counts, and at the end one mail per event of every order and the index equal to the orders.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    private static final List<String> SCENARIOS = scenarios();
    private static final Map<String, String> ENVIRONMENT = environment();
    private static final Path UP_LOG = Path.of("target", "comanda-up-cluster.log").toAbsolutePath();

    @BeforeAll
    static void upAsAClusterFresh() throws Exception {
        Process up = ComandaCli.start(UP_LOG, ENVIRONMENT, "up", "--cluster", "--fresh");
        await().atMost(Duration.ofSeconds(420)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !up.isAlive() || Files.readString(UP_LOG).contains("Comanda is up"));
        assertThat(up.isAlive()).as("./comanda up --cluster is running; see " + UP_LOG).isTrue();
    }

    @AfterAll
    static void down() throws Exception {
        ComandaCli.run(ENVIRONMENT, "down");
    }

    @Test
    @Order(1)
    void statusListsEveryInstanceOfTheCluster() throws Exception {
        ComandaCli.Result status = ComandaCli.run(ENVIRONMENT, "status");

        assertThat(status.output()).contains("running as a cluster");
        for (String instance : List.of("kafka", "kafka-2", "kafka-3", "connect", "connect-2", "orders-2",
                "payments-2", "notifications-2", "search-2")) {
            assertThat(status.output()).containsPattern("(?m)^\\s*" + instance + "\\s+running\\b");
        }
    }

    @Test
    @Order(2)
    void everyClusterFaultLosesNothingDoesNothingTwiceAndMailsEachEventOnce() throws Exception {
        ComandaCli.Result chaos = ComandaCli.run(ENVIRONMENT, Duration.ofMinutes(20), "chaos", "--short");
        Path log = Path.of("target", "comanda-chaos-cluster.log").toAbsolutePath();
        Files.writeString(log, chaos.output());

        assertThat(chaos.exitCode()).as("./comanda chaos --short on the cluster; its output is in " + log + ":%n%s",
                chaos.output()).isZero();
        assertThat(chaos.output()).as("the relay's task moved off the killed worker")
                .containsPattern("orders-outbox's task moved to connect(-2)? in");
        JsonNode result = new ObjectMapper().readTree(ComandaCli.ROOT.resolve(ChaosResultFile.RELATIVE_PATH).toFile());
        List<JsonNode> rows = new ArrayList<>();
        result.path("scenarios").forEach(rows::add);
        assertThat(rows).extracting(row -> row.path("scenario").asText()).hasSize(SCENARIOS.size())
                .satisfies(titles -> {
                    for (int i = 0; i < SCENARIOS.size(); i++) {
                        assertThat(titles.get(i)).startsWith(SCENARIOS.get(i));
                    }
                });
        for (JsonNode row : rows) {
            String scenario = row.path("scenario").asText();
            assertThat(row.path("orders").asInt()).as("orders placed during " + scenario).isPositive();
            assertThat(row.path("finalOrders").asInt()).as("final orders of " + scenario)
                    .isEqualTo(row.path("orders").asInt());
            assertThat(List.of(row.path("duplicateEffects").asLong(-1), row.path("lost").asLong(-1),
                    row.path("wrong").asLong(-1), row.path("deadLetters").asLong(-1), row.path("notSent").asLong(-1)))
                    .as("duplicate effects, lost, wrong, dead letters and not sent of " + scenario + ": "
                            + row.path("problems"))
                    .containsOnly(0L);
        }
        assertThat(result.path("mail").path("ordersMissingMail").asLong(-1)).as("orders missing a mail").isZero();
        assertThat(result.path("mail").path("duplicates").asLong(-1)).as("mails sent twice").isZero();
        assertThat(result.path("index").path("indexed").asBoolean()).as("every order indexed with its status: "
                + result.path("index")).isTrue();
        assertThat(result.path("clean").asBoolean()).as("the whole run clean").isTrue();
    }

    /** The cluster's scenarios, in their order; the partition where this machine allows one. */
    private static List<String> scenarios() {
        List<String> scenarios = new ArrayList<>(List.of("kill -9 the broker leading comanda.orders",
                "two of three brokers stopped", "kill -9 one instance of each service", "payments-service-2 frozen",
                "rolling restart of every service", "kill -9 the Connect worker relaying orders", "kill -9 PostgreSQL"));
        if (BrokerPartition.unavailableBecause().isEmpty()) {
            scenarios.add("kafka-3 cut off from the other brokers");
        }
        return List.copyOf(scenarios);
    }

    /**
     * Every part on a port of a block this run found free, with room above each for the cluster's later
     * instances: a broker's next pair of ports, every other part's port plus 100.
     */
    private static Map<String, String> environment() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int base = 20_000 + 1_000 * ThreadLocalRandom.current().nextInt(20);
            if (!freeBlock(base, 250)) {
                continue;
            }
            Map<String, String> environment = new LinkedHashMap<>();
            int next = base + 10;
            for (String part : StackPorts.parts()) {
                int port = part.equals(StackPart.KAFKA.operatorName()) ? base
                        : part.equals(StackPart.KAFKA.controllerPortKey()) ? base + 1 : next++;
                environment.put(StackPorts.variable(part), Integer.toString(port));
            }
            environment.putAll(StackReconciliation.SETTINGS);
            return environment;
        }
        throw new IllegalStateException("no block of 250 free ports found");
    }

    private static boolean freeBlock(int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
