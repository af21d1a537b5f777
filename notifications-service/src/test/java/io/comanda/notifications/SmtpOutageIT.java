package io.comanda.notifications;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestStack;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static io.comanda.notifications.Customers.ALICE_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The mail server being down for half a minute delays mails; it loses, doubles and dead-letters none. */
@QuarkusTest
class SmtpOutageIT {

    private static final String DEAD_LETTERED = "comanda_consumer_dead_lettered_total";

    @Test
    void smtpDownForThirtySecondsDelaysEveryMailAndLosesDoublesOrDeadLettersNone() {
        String alice = Customers.id(LocalUser.ALICE);
        List<OrderPlaced> orders = IntStream.range(0, 3).mapToObj(i -> OrderEvents.placed(alice)).toList();
        double deadLetteredBefore = OrderEvents.counter(DEAD_LETTERED, "consumer", "notifications-service");
        double failedBefore = OrderEvents.counter("comanda_notifications_failed_total", "template", "received");

        double skippedBefore = OrderEvents.counter("comanda_notifications_skipped_total", "reason", "unknown-user");

        TestStack.stopSmtp();
        try {
            OrderEvents.publish(orders.toArray(OrderPlaced[]::new));
            // An order that needs no mail, behind the waiting ones: the partitions are not blocked.
            OrderEvents.publish(OrderEvents.placed("gone-" + java.util.UUID.randomUUID()));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    OrderEvents.counter("comanda_notifications_failed_total", "template", "received") > failedBefore
                    && OrderEvents.counter("comanda_notifications_skipped_total", "reason", "unknown-user") > skippedBefore);
            // The outage lasts 30 s in all; meanwhile nothing may be given up on.
            await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> OrderEvents.counter(DEAD_LETTERED, "consumer", "notifications-service") == deadLetteredBefore);
        } finally {
            TestStack.restartSmtp();
        }

        for (OrderPlaced order : orders) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Customers.mailbox(ALICE_ADDRESS).about(order.orderId()).size() == 1);
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> orders.stream()
                .allMatch(order -> Customers.mailbox(ALICE_ADDRESS).about(order.orderId()).size() == 1));
        assertThat(OrderEvents.deadLetteredKeys())
                .doesNotContainAnyElementsOf(orders.stream().map(order -> order.orderId().toString()).toList());
        assertThat(OrderEvents.counter(DEAD_LETTERED, "consumer", "notifications-service")).isEqualTo(deadLetteredBefore);
    }
}
