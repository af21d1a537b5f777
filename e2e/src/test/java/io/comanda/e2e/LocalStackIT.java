package io.comanda.e2e;

import io.comanda.devstack.AccessTokens;
import io.comanda.devstack.LocalUser;
import io.comanda.devstack.Ports;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole suite as a newcomer runs it: {@code ./comanda up}, an order paid by card and one declined,
 * both followed through the HTTP API, {@code ./comanda down}, and nothing left running; then a
 * restart that still knows the orders.
 */
class LocalStackIT {

    private static final String ORDERS = "http://127.0.0.1:8081";
    private static final String KEYCLOAK = "http://127.0.0.1:8180";

    @Test
    void ordersFollowTheirPaymentsAndDownLeavesNothingRunning() throws Exception {
        Path log = Path.of("target", "comanda-up.log").toAbsolutePath();
        Process up = ComandaCli.start(log, Map.of(), "up", "--fresh");
        String confirmedOrder;
        Set<Long> processes;
        try {
            awaitUp(up, log);
            processes = ComandaCli.stackProcesses(up);

            ComandaCli.Result second = ComandaCli.run(Map.of(), "up");
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.output()).contains("already running");

            String token = AccessTokens.forUser(KEYCLOAK, LocalUser.ALICE);
            confirmedOrder = place(token, "pm_card_visa");
            String declinedOrder = place(token, "pm_card_chargeDeclined");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                    .get(ORDERS + "/orders/" + confirmedOrder).then().statusCode(200).body("status", equalTo("CONFIRMED")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                    .get(ORDERS + "/orders/" + declinedOrder).then().statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("declineReason", equalTo("Your card was declined.")));
        } finally {
            ComandaCli.Result down = ComandaCli.run(Map.of(), "down");
            assertThat(down.output()).contains("Comanda stopped");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(processes).noneMatch(ComandaCli::alive));
        assertThat(List.of(8081, 8082, 8083, 8180, 9092, 5432)).noneMatch(Ports::inUse);

        Process again = ComandaCli.start(Path.of("target", "comanda-up-again.log").toAbsolutePath(), Map.of(), "up");
        try {
            awaitUp(again, Path.of("target", "comanda-up-again.log").toAbsolutePath());
            String token = AccessTokens.forUser(KEYCLOAK, LocalUser.ALICE);
            given().auth().oauth2(token).get(ORDERS + "/orders/" + confirmedOrder).then().statusCode(200)
                    .body("status", equalTo("CONFIRMED"));
        } finally {
            ComandaCli.run(Map.of(), "down");
        }
    }

    @Test
    void aBusyPortIsNamedWithTheWayAround() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            ComandaCli.Result up = ComandaCli.run(Map.of("COMANDA_SMTP_PORT", Integer.toString(port)), "up");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output()).contains("Port " + port + " for smtp is in use").contains("COMANDA_SMTP_PORT=");
        }
    }

    private static void awaitUp(Process up, Path log) {
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !up.isAlive() || Files.readString(log).contains("Comanda is up"));
        assertThat(up.isAlive()).as("./comanda up is running; see " + log).isTrue();
    }

    private static String place(String token, String paymentMethod) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("items", List.of(Map.of("sku", "ESPRESSO-250G", "quantity", 1)), "paymentMethod", paymentMethod))
                .post(ORDERS + "/orders").then().statusCode(201).extract().path("id");
    }
}
