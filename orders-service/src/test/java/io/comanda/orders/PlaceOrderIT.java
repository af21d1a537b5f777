package io.comanda.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.EventType;
import io.comanda.events.LineItem;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PlaceOrderIT {

    @Test
    void placesAPendingOrderPricedByTheServerAndPublishesOrderPlaced() throws Exception {
        Response response = Customers.placing(LocalUser.ALICE, Customers.newKey())
                .header("X-Correlation-ID", "place-order-it-happy")
                .body(Customers.espressoOrder("ring twice"))
                .post("/orders");

        response.then().statusCode(201)
                .header("Location", matchesPattern(".*/orders/[0-9a-f-]{36}"))
                .header("X-Correlation-ID", "place-order-it-happy")
                .body("status", equalTo("PENDING"))
                .body("customerId", equalTo(Customers.subject(LocalUser.ALICE)))
                .body("lines", hasSize(2))
                .body("lines[0].unitPrice.amount", equalTo(1299))
                .body("lines[0].lineTotal.amount", equalTo(2598))
                .body("total.amount", equalTo(6048))
                .body("total.currency", equalTo("EUR"))
                .body("note", equalTo("ring twice"))
                .body("createdAt", notNullValue());
        String orderId = response.path("id");

        Customers.as(LocalUser.ALICE).get(response.header("Location")).then().statusCode(200)
                .body("id", equalTo(orderId)).body("total.amount", equalTo(6048));

        try (TopicReader reader = TopicReader.fromBeginning(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Topic.ORDERS.topicName())) {
            ConsumerRecord<String, String> record = reader.awaitKey(orderId, Duration.ofSeconds(60));
            OrderPlaced event = EventJson.read(record.value().getBytes(), OrderPlaced.class);
            assertThat(event.orderId().toString()).isEqualTo(orderId);
            assertThat(event.customerId()).isEqualTo(Customers.subject(LocalUser.ALICE));
            assertThat(event.total().amount()).isEqualTo(6048);
            assertThat(event.items()).hasSize(2);
            assertThat(event.paymentMethod()).isEqualTo("pm_card_visa");
            assertThat(event.note()).isEqualTo("ring twice");
            assertThat(event.items()).extracting(LineItem::name)
                    .containsExactly("Espresso beans, 250 g", "Moka pot \"Classic\", 3 cups");
            assertThat(event.version()).isEqualTo(1L).isEqualTo(TestDatabase.count(
                    "select version from customer_order where id = ?::uuid", orderId));
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.ORDER_PLACED_V1.ceType());
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/comanda/orders-service");
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(orderId);
            assertThat(TopicReader.header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("place-order-it-happy");
            assertThat(TopicReader.header(record, CloudEventHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isEqualTo(TestDatabase.one(
                    "select id from outbox where aggregateid = ?", orderId).orElseThrow().get("id"));
        }
    }

    @Test
    void listsTheCatalogueWithPricesInMinorUnits() {
        Customers.as(LocalUser.ALICE).get("/products").then().statusCode(200)
                .body("find { it.sku == 'MOKA-POT-3' }.price.amount", equalTo(3450))
                .body("find { it.sku == 'MOKA-POT-3' }.price.currency", equalTo("EUR"))
                .body("find { it.sku == 'MOKA-POT-3' }.name", equalTo("Moka pot \"Classic\", 3 cups"));
    }

    @Test
    void responseIsTheStoredOrderExactly() {
        Response placed = Customers.placing(LocalUser.ALICE, Customers.newKey())
                .body(Customers.espressoOrder("same as stored")).post("/orders");
        JsonNode fromPost = placed.as(JsonNode.class);

        JsonNode fromGet = Customers.as(LocalUser.ALICE).get("/orders/" + placed.path("id")).as(JsonNode.class);

        assertThat(fromGet).isEqualTo(fromPost);
    }
}
