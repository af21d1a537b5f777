package io.comanda.payments;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.RealmTokens;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money is never silently parked: an order Stripe charged whose payment could not be recorded past the
 * retry budget is dead-lettered with a reason that says Stripe may have charged it, flagged so; its discard
 * is refused while Stripe holds the charge, and its replay adopts the charge instead of making another.
 * The retry budget is a few seconds here instead of 30 minutes.
 */
@QuarkusTest
@TestProfile(ChargedThenParkedIT.ShortRetryBudget.class)
class ChargedThenParkedIT {

    private static final String DLQ = "comanda.orders.payments-service.dlq";

    public static class ShortRetryBudget implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("comanda.consumer.retry-budget", "4s");
        }
    }

    // A database that refuses the payment rows of the orders listed, as one away past the retry budget would.
    @BeforeAll
    static void paymentRowsCanBeRefused() {
        TestDatabase.update("create table if not exists refused_payment (order_id uuid primary key)");
        TestDatabase.update("""
                create or replace function refuse_payment() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from refused_payment where order_id = new.order_id) then
                        raise exception 'the payment row of order % cannot be written', new.order_id;
                    end if;
                    return new;
                end $$""");
        TestDatabase.update("drop trigger if exists refuse_payment on payment");
        TestDatabase.update("create trigger refuse_payment before insert on payment "
                + "for each row execute function refuse_payment()");
    }

    @AfterAll
    static void paymentRowsAreWrittenAgain() {
        TestDatabase.update("drop trigger if exists refuse_payment on payment");
        TestDatabase.update("drop function if exists refuse_payment()");
        TestDatabase.update("drop table if exists refused_payment");
    }

    @Test
    void aChargedOrderParkedPastTheBudgetSaysSoCannotBeDiscardedAndIsReplayedIntoItsOneCharge() {
        OrderPlaced order = Orders.placed("pm_card_visa");
        TestDatabase.update("insert into refused_payment (order_id) values (?)", order.orderId());
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "charged-then-parked");
        }

        ConsumerRecord<String, String> parked = Orders.readUntil(DLQ, seen -> seen.stream()
                        .anyMatch(r -> order.orderId().toString().equals(r.key())))
                .stream().filter(r -> order.orderId().toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicReader.header(parked, "dead-letter-reason")).contains("Stripe may have charged order " + order.orderId());
        assertThat(TopicReader.header(parked, "dead-letter-effect-may-exist")).isEqualTo("Stripe may have charged order " + order.orderId());
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);

        String id = deadLetterOf(order);
        asOperator().delete("/admin/dead-letters/{id}", id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("replay the dead letter"));

        TestDatabase.update("delete from refused_payment where order_id = ?", order.orderId());
        asOperator().post("/admin/dead-letters/{id}/replay", id).then().statusCode(200);

        ConsumerRecord<String, String> outcome = AmbiguousStripeIT.onlyOutcomeOf(order);
        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
        assertThat(Orders.unrefundedChargesAtStripe(order.orderId())).isEqualTo(1);
    }

    private static String deadLetterOf(OrderPlaced order) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath page = asOperator().get("/admin/dead-letters?size=100").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            return items.stream().filter(item -> order.orderId().toString().equals(item.get("key")))
                    .map(item -> (String) item.get("id")).findFirst().orElse(null);
        }, found -> found != null);
    }

    private static io.restassured.specification.RequestSpecification asOperator() {
        return given().auth().oauth2(RealmTokens.token(LocalUser.OPS));
    }
}
