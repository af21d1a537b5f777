package io.comanda.orders;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.EventType;
import io.comanda.events.Money;
import io.comanda.events.PaymentSucceeded;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * An operator sees orders-service's dead letters, replays one once its cause is fixed (to this consumer
 * group only, and it is applied once), discards one, and cannot replay a record forever; a customer can
 * do none of it.
 */
@QuarkusTest
class DeadLetterOperationsIT {

    private static final String SUCCEEDED = EventType.PAYMENT_SUCCEEDED_V1.ceType();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void anOutcomeParkedForAnUnknownOrderIsReplayedOnceTheOrderExistsAndConfirmsItOnce() {
        String orderId = UUID.randomUUID().toString();
        UUID ceId = UUID.randomUUID();
        double replayedBefore = replayedCount();
        send(succeeded(orderId), ceId);

        Map<String, Object> parked = awaitWaiting(orderId, 0);
        assertThat(parked).containsEntry("originTopic", "comanda.payments").containsEntry("ceType", SUCCEEDED)
                .containsEntry("ceId", ceId.toString()).containsEntry("replayCount", 0);
        assertThat((String) parked.get("reason")).contains(orderId);
        assertThat(parked.get("firstFailure")).isNotNull();
        String id = (String) parked.get("id");
        Customers.as(LocalUser.OPS).get("/admin/dead-letters/" + id).then().statusCode(200)
                .body("payloadEncoding", equalTo("json"))
                .body("payload", org.hamcrest.Matchers.containsString(orderId))
                .body("headers.find { it.name == 'ce_id' }.value", equalTo(ceId.toString()));

        Customers.as(LocalUser.ALICE).post("/admin/dead-letters/" + id + "/replay").then().statusCode(403)
                .contentType("application/problem+json");
        given().post("/admin/dead-letters/" + id + "/replay").then().statusCode(401)
                .contentType("application/problem+json");

        insertPendingOrder(orderId);
        Customers.as(LocalUser.OPS).post("/admin/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("replayedTo", equalTo("comanda.payments.orders-service.replay"))
                .body("replayCount", equalTo(1));

        await().atMost(PATIENCE).untilAsserted(() -> Customers.as(LocalUser.ALICE).get("/orders/" + orderId)
                .then().statusCode(200).body("status", equalTo("CONFIRMED")));
        assertThat(waiting(orderId)).as("dead letters of the order still waiting").isEmpty();
        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ? and type = ?", orderId,
                EventType.ORDER_CONFIRMED_V1.ceType())).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?::uuid", ceId.toString()))
                .isEqualTo(1);
        assertThat(replayedCount()).isEqualTo(replayedBefore + 1);
        Customers.as(LocalUser.OPS).post("/admin/dead-letters/" + id + "/replay").then().statusCode(409);
    }

    @Test
    void aDiscardedDeadLetterLeavesTheListAndSaysWhoDiscardedIt() {
        String orderId = UUID.randomUUID().toString();
        send(succeeded(orderId), UUID.randomUUID());
        String id = (String) awaitWaiting(orderId, 0).get("id");

        Customers.as(LocalUser.ALICE).delete("/admin/dead-letters/" + id).then().statusCode(403);
        Customers.as(LocalUser.OPS).delete("/admin/dead-letters/" + id).then().statusCode(204);

        assertThat(waiting(orderId)).isEmpty();
        Customers.as(LocalUser.OPS).get("/admin/dead-letters/" + id).then().statusCode(200)
                .body("resolution.action", equalTo("DISCARDED"))
                .body("resolution.by", equalTo(LocalUser.OPS.username()));
        Customers.as(LocalUser.OPS).post("/admin/dead-letters/" + id + "/replay").then().statusCode(409);
    }

    @Test
    void aRecordThatFailedAfterThreeReplaysIsReplayedAgainOnlyWhenForced() {
        String orderId = UUID.randomUUID().toString();
        send(succeeded(orderId), UUID.randomUUID());

        for (int replays = 0; replays < 3; replays++) {
            String id = (String) awaitWaiting(orderId, replays).get("id");
            Customers.as(LocalUser.OPS).post("/admin/dead-letters/" + id + "/replay").then().statusCode(200);
        }
        String id = (String) awaitWaiting(orderId, 3).get("id");

        Customers.as(LocalUser.OPS).post("/admin/dead-letters/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:conflict"));
        Customers.as(LocalUser.OPS).queryParam("force", true).post("/admin/dead-letters/" + id + "/replay")
                .then().statusCode(200).body("replayCount", equalTo(4));
        awaitWaiting(orderId, 4);
    }

    @Test
    void aSelectionIsReplayedByTypeAndReasonInTheBackground() {
        String orderId = UUID.randomUUID().toString();
        send(succeeded(orderId), UUID.randomUUID());
        awaitWaiting(orderId, 0);

        JsonPath accepted = Customers.as(LocalUser.OPS).queryParam("type", SUCCEEDED).queryParam("reason", orderId)
                .post("/admin/dead-letters/replay").then().statusCode(202).extract().jsonPath();

        assertThat(accepted.getLong("matched")).isEqualTo(1);
        assertThat(accepted.getLong("refused")).isZero();
        awaitWaiting(orderId, 1);
        Customers.as(LocalUser.OPS).post("/admin/dead-letters/replay").then().statusCode(400);
    }

    /** The waiting dead letter of this order with this replay count, once it is listed. */
    private static Map<String, Object> awaitWaiting(String orderId, int replayCount) {
        return await().atMost(PATIENCE).until(() -> waiting(orderId).stream()
                .filter(letter -> Integer.valueOf(replayCount).equals(letter.get("replayCount"))).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static List<Map<String, Object>> waiting(String orderId) {
        List<Map<String, Object>> items = Customers.as(LocalUser.OPS).queryParam("size", 100)
                .get("/admin/dead-letters").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> orderId.equals(item.get("key"))).toList();
    }

    /** The order as placement would have stored it: what the parked outcome was missing. */
    private static void insertPendingOrder(String orderId) {
        TestDatabase.update("""
                insert into customer_order (id, customer_id, status, total_amount, currency, payment_method,
                                            created_at, updated_at, version)
                values (?::uuid, ?, 'PENDING', 6048, 'EUR', 'pm_card_visa', now(), now(), 1)
                """, orderId, Customers.subject(LocalUser.ALICE));
        TestDatabase.update("""
                insert into order_line (order_id, line_no, sku, name, quantity, unit_amount)
                values (?::uuid, 1, 'ESPRESSO-250G', 'Espresso beans, 250 g', 2, 1299),
                       (?::uuid, 2, 'MOKA-POT-3', 'Moka pot "Classic", 3 cups', 1, 3450)
                """, orderId, orderId);
    }

    private static PaymentSucceeded succeeded(String orderId) {
        return new PaymentSucceeded(UUID.randomUUID(), UUID.fromString(orderId), Customers.subject(LocalUser.ALICE),
                Money.of(6048, "EUR"), "pi_test_" + orderId.substring(0, 8), Instant.now());
    }

    private static void send(PaymentSucceeded outcome, UUID ceId) {
        try (EventProducer producer = new EventProducer(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            producer.send(outcome, ceId, "dead-letters-it-" + outcome.orderId());
        }
    }

    private static double replayedCount() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_dead_letters_replayed_total",
                "group=\"orders-service\"");
    }
}
