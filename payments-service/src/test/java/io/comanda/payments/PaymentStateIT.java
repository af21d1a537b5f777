package io.comanda.payments;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** GET /payments/{orderId}: what reconciliation settles an order from, for reconcilers only. */
@QuarkusTest
class PaymentStateIT {

    // The realm file's local-development secret of orders-service's confidential client.
    private static final String ORDERS_CLIENT_SECRET = "orders-local-dev-secret";

    @Test
    void answersAChargedPaymentWithTheIdOfTheEventThatAnnouncedIt() {
        OrderPlaced order = paid("pm_card_visa");
        ConsumerRecord<String, String> announced = PaymentIT.outcomeOf(order.orderId());

        JsonPath state = asOrdersService().get("/payments/{orderId}", order.orderId())
                .then().statusCode(200).extract().jsonPath();

        assertThat(state.getString("status")).isEqualTo("charged");
        assertThat(state.getString("orderId")).isEqualTo(order.orderId().toString());
        assertThat(state.getString("customerId")).isEqualTo(order.customerId());
        assertThat(state.getLong("amount")).isEqualTo(order.total().amount());
        assertThat(state.getString("currency")).isEqualTo(order.total().currency());
        assertThat(state.getString("providerReference")).startsWith("pi_");
        assertThat(state.getString("declineReason")).isNull();
        assertThat(state.getString("outcomeEventId")).isEqualTo(TopicReader.header(announced, CloudEventHeaders.ID));
    }

    @Test
    void answersADeclinedPaymentWithItsReason() {
        OrderPlaced order = paid("pm_card_chargeDeclinedInsufficientFunds");
        PaymentIT.outcomeOf(order.orderId());

        asOrdersService().get("/payments/{orderId}", order.orderId())
                .then().statusCode(200)
                .body("status", equalTo("declined"))
                .body("declineCode", equalTo("insufficient_funds"));
    }

    @Test
    void anOrderWithoutPaymentIsANotFoundProblem() {
        asOrdersService().get("/payments/{orderId}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:comanda:problem:not-found"));
    }

    @Test
    void operatorsMayReadAPaymentStateAndCustomersMayNot() {
        UUID orderId = UUID.randomUUID();
        given().auth().oauth2(userToken(LocalUser.OPS)).get("/payments/{orderId}", orderId)
                .then().statusCode(404);
        given().auth().oauth2(userToken(LocalUser.ALICE)).get("/payments/{orderId}", orderId)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().get("/payments/{orderId}", orderId)
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    private static OrderPlaced paid(String paymentMethod) {
        OrderPlaced order = Orders.placed(paymentMethod);
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "payment-state-it");
        }
        return order;
    }

    private static RequestSpecification asOrdersService() {
        return given().auth().oauth2(AccessTokens.forServiceAccount(keycloakUrl(), "comanda-orders",
                ORDERS_CLIENT_SECRET));
    }

    private static String userToken(LocalUser user) {
        return AccessTokens.reused(keycloakUrl(), user);
    }

    private static String keycloakUrl() {
        return ConfigProvider.getConfig().getValue("comanda.test.keycloak-url", String.class);
    }
}
