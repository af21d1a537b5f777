package io.comanda.notifications;

import io.comanda.devstack.clients.ConsumerGroupLag;
import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.ComandaEvent;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Order events as orders-service's outbox relay publishes them, and what the tests look at around them. */
final class OrderEvents {

    static final String DLQ = "comanda.orders.notifications-service.dlq";

    private OrderEvents() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static EventProducer producer() {
        return new EventProducer(bootstrap());
    }

    /** Two espresso bags and a moka pot: 60.48 EUR. */
    static OrderPlaced placed(String customerId) {
        return new OrderPlaced(UUID.randomUUID(), customerId, List.of(
                new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR")),
                new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR"))),
                Money.of(6048, "EUR"), "pm_card_visa", now());
    }

    static OrderConfirmed confirmed(OrderPlaced order) {
        return new OrderConfirmed(order.orderId(), order.customerId(), UUID.randomUUID(), order.total(), now());
    }

    static OrderCancelled declined(OrderPlaced order, String declineCode, String reason) {
        return new OrderCancelled(order.orderId(), order.customerId(), declineCode, reason, now());
    }

    /** Publishes each event under a fresh {@code ce_id}. */
    static void publish(ComandaEvent... events) {
        try (EventProducer producer = producer()) {
            for (ComandaEvent event : events) {
                producer.send(event, UUID.randomUUID(), "notifications-it");
            }
        }
    }

    /** The keys of every record on the dead-letter topic so far. */
    static List<String> deadLetteredKeys() {
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), DLQ)) {
            return reader.readUntil(seen -> true, Duration.ofSeconds(5)).stream().map(ConsumerRecord::key).toList();
        }
    }

    static List<ConsumerRecord<String, String>> readDeadLettersUntilKey(String key) {
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), DLQ)) {
            return reader.readUntil(seen -> seen.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(60));
        }
    }

    /** Whether the mail consumer has committed every record of {@code comanda.orders}. */
    static boolean mailConsumerCaughtUp() {
        return ConsumerGroupLag.caughtUp(bootstrap(), "notifications-service", "comanda.orders");
    }

    /** The value of a counter on {@code /q/metrics}, 0 when it was never incremented. */
    static double counter(String name, String label, String value) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label + "=\"" + value + "\"")
                + "[^}]*} ([0-9.eE+-]+)( .*)?$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
