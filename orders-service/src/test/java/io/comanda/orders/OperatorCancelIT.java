package io.comanda.orders;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.EventType;
import io.comanda.events.OrderCancelled;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.comanda.orders.OrderEvents.awaitOnOrders;
import static io.comanda.orders.OrderEvents.producer;
import static io.comanda.orders.OrderEvents.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** An operator cancels a PENDING order, once; the outcome is announced as OrderCancelled like a decline's. */
@QuarkusTest
class OperatorCancelIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String CANCELLED = EventType.ORDER_CANCELLED_V1.ceType();
    private static final Map<String, String> REASON = Map.of("reason", "Customer asked by phone");

    @Test
    void anAdminCancelsAPendingOrderAndItIsCancelledByAnOperator() {
        String orderId = place("to be cancelled by an operator");

        cancelling(LocalUser.OPS).body(REASON).post(cancelPath(orderId)).then().statusCode(200)
                .body("id", equalTo(orderId))
                .body("status", equalTo("CANCELLED"))
                .body("declineReason", equalTo("Cancelled by an operator: Customer asked by phone"));

        Customers.as(LocalUser.ALICE).get("/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("declineReason", equalTo("Cancelled by an operator: Customer asked by phone"));
        Map<String, String> row = TestDatabase.one("select version, cancelled_by from customer_order where id = ?::uuid",
                orderId).orElseThrow();
        assertThat(row).containsEntry("version", "2").containsEntry("cancelled_by", "ops");
    }

    @Test
    void theCancelIsAnnouncedOnceAsOrderCancelledWithTheOperatorsCodeAndVersionTwo() {
        String orderId = place("cancel announced");

        cancelling(LocalUser.OPS).header("X-Correlation-ID", "operator-cancel-it").body(REASON)
                .post(cancelPath(orderId)).then().statusCode(200);

        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ? and type = ?", orderId,
                CANCELLED)).isEqualTo(1);
        ConsumerRecord<String, String> announced = awaitOnOrders(orderId, CANCELLED);
        OrderCancelled cancelled = EventJson.read(announced.value().getBytes(StandardCharsets.UTF_8), OrderCancelled.class);
        assertThat(cancelled.declineCode()).isEqualTo("cancelled_by_operator");
        assertThat(cancelled.reason()).isEqualTo("Cancelled by an operator: Customer asked by phone")
                .doesNotContain("ops");
        assertThat(cancelled.customerId()).isEqualTo(Customers.subject(LocalUser.ALICE));
        assertThat(cancelled.version()).isEqualTo(2L);
        assertThat(TopicReader.header(announced, CloudEventHeaders.CORRELATION_ID)).isEqualTo("operator-cancel-it");
    }

    @Test
    void aCancelIsCounted() {
        String orderId = place("cancel counted");
        double before = cancelsCounted();

        cancelling(LocalUser.OPS).body(REASON).post(cancelPath(orderId)).then().statusCode(200);

        assertThat(cancelsCounted()).isEqualTo(before + 1);
    }

    @Test
    void anIdempotencyKeyIsAcceptedAndIgnored() {
        String orderId = place("cancel with a key");

        cancelling(LocalUser.OPS).header("Idempotency-Key", "not checked: " + UUID.randomUUID()).body(REASON)
                .post(cancelPath(orderId)).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aCustomerCannotCancelEvenTheirOwnOrder() {
        String orderId = place("a customer's own");

        cancelling(LocalUser.ALICE).body(REASON).post(cancelPath(orderId)).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo("urn:comanda:problem:forbidden"));
        Customers.as(LocalUser.ALICE).get("/orders/" + orderId).then().body("status", equalTo("PENDING"));
    }

    @Test
    void aCancelWithoutATokenIsUnauthorized() {
        String orderId = place("no token");

        RestAssured.given().contentType(ContentType.JSON).body(REASON).post(cancelPath(orderId)).then()
                .statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aSecondCancelIsAConflictAndAnnouncesNothingMore() {
        String orderId = place("cancelled twice");
        cancelling(LocalUser.OPS).body(REASON).post(cancelPath(orderId)).then().statusCode(200);

        cancelling(LocalUser.OPS).body(Map.of("reason", "again")).post(cancelPath(orderId)).then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:comanda:problem:conflict"))
                .body("detail", containsString("CANCELLED"));

        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ? and type = ?", orderId,
                CANCELLED)).isEqualTo(1);
        Customers.as(LocalUser.ALICE).get("/orders/" + orderId).then()
                .body("declineReason", equalTo("Cancelled by an operator: Customer asked by phone"));
    }

    @Test
    void aConfirmedOrderCannotBeCancelled() {
        String orderId = place("confirmed before the cancel");
        try (EventProducer producer = producer()) {
            producer.send(succeeded(orderId), UUID.randomUUID(), "operator-cancel-it-confirmed");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Customers.as(LocalUser.ALICE)
                .get("/orders/" + orderId).then().body("status", equalTo("CONFIRMED")));

        cancelling(LocalUser.OPS).body(REASON).post(cancelPath(orderId)).then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("CONFIRMED"));

        Customers.as(LocalUser.ALICE).get("/orders/" + orderId).then().body("status", equalTo("CONFIRMED"));
        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ? and type = ?", orderId,
                CANCELLED)).isZero();
    }

    @Test
    void anUnknownOrderIsNotFound() {
        String unknown = UUID.randomUUID().toString();

        cancelling(LocalUser.OPS).body(REASON).post(cancelPath(unknown)).then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:comanda:problem:not-found"))
                .body("detail", equalTo("There is no order " + unknown + "."));
    }

    @Test
    void aCancelWithoutAReasonIsInvalidAndChangesNothing() {
        String orderId = place("no reason given");

        cancelling(LocalUser.OPS).body(Map.of()).post(cancelPath(orderId)).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:comanda:problem:validation"));
        cancelling(LocalUser.OPS).post(cancelPath(orderId)).then().statusCode(400).contentType(PROBLEM);
        cancelling(LocalUser.OPS).body(Map.of("reason", "x".repeat(501))).post(cancelPath(orderId)).then()
                .statusCode(400).contentType(PROBLEM);

        Customers.as(LocalUser.ALICE).get("/orders/" + orderId).then().body("status", equalTo("PENDING"));
    }

    @Test
    void aPaymentOutcomeArrivingAfterTheCancelIsIgnoredAndCounted() {
        String orderId = place("paid after the cancel");
        cancelling(LocalUser.OPS).body(REASON).post(cancelPath(orderId)).then().statusCode(200);
        double ignoredBefore = ignoredSucceededOnCancelled();

        try (EventProducer producer = producer()) {
            producer.send(succeeded(orderId), UUID.randomUUID(), "operator-cancel-it-late");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> ignoredSucceededOnCancelled() == ignoredBefore + 1);
        Customers.as(LocalUser.ALICE).get("/orders/" + orderId).then().body("status", equalTo("CANCELLED"));
        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ? and type = ?", orderId,
                EventType.ORDER_CONFIRMED_V1.ceType())).isZero();
    }

    private static RequestSpecification cancelling(LocalUser user) {
        return Customers.as(user).contentType(ContentType.JSON);
    }

    private static String cancelPath(String orderId) {
        return "/orders/" + orderId + "/cancel";
    }

    private static String place(String note) {
        return Customers.placing(LocalUser.ALICE, Customers.newKey()).body(Customers.espressoOrder(note))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    private static double cancelsCounted() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_orders_cancelled_by_operator_total");
    }

    private static double ignoredSucceededOnCancelled() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_orders_ignored_transitions_total",
                "event=\"" + EventType.PAYMENT_SUCCEEDED_V1.ceType() + "\"", "status=\"CANCELLED\"");
    }
}
