package io.comanda.notifications;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.Mailbox;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.comanda.notifications.Customers.ALICE_ADDRESS;
import static io.comanda.notifications.Customers.BOB_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Customers hear about their orders by mail, at their Keycloak address, in words and with totals. */
@QuarkusTest
class OrderMailIT {

    @Test
    void confirmedOrderGivesTheReceivedAndTheConfirmedMailWithTheTotal() {
        OrderPlaced order = OrderEvents.placed(Customers.id(LocalUser.ALICE));

        OrderEvents.publish(order, OrderEvents.confirmed(order));

        List<Mailbox.ReceivedMail> mails = awaitMails(ALICE_ADDRESS, order, 2);
        Mailbox.ReceivedMail received = withSubject(mails, "We received your order");
        Mailbox.ReceivedMail confirmed = withSubject(mails, "is confirmed");
        assertThat(received.to()).containsExactly(ALICE_ADDRESS);
        assertThat(received.text()).contains("Hello Alice", "2 x ESPRESSO-250G", "Total: 60.48 EUR",
                "We are charging your card");
        assertThat(received.html()).contains("<td>MOKA-POT-3</td>", "60.48 EUR");
        assertThat(confirmed.to()).containsExactly(ALICE_ADDRESS);
        assertThat(confirmed.text()).contains("Total paid: 60.48 EUR", "MOKA-POT-3");
        assertThat(confirmed.html()).contains("Total paid: <strong>60.48 EUR</strong>");
        assertThat(List.of(received.messageId(), confirmed.messageId()))
                .allSatisfy(id -> assertThat(id).endsWith("@notifications.comanda.example>"));
    }

    @Test
    void declinedOrderGivesTheReceivedAndTheCancelledMailWithTheReasonInWords() {
        OrderPlaced order = OrderEvents.placed(Customers.id(LocalUser.BOB));

        OrderEvents.publish(order, OrderEvents.declined(order, "insufficient_funds", "Your card has insufficient funds."));

        List<Mailbox.ReceivedMail> mails = awaitMails(BOB_ADDRESS, order, 2);
        Mailbox.ReceivedMail cancelled = withSubject(mails, "was cancelled");
        assertThat(withSubject(mails, "We received your order").to()).containsExactly(BOB_ADDRESS);
        assertThat(cancelled.to()).containsExactly(BOB_ADDRESS);
        assertThat(cancelled.text()).contains("Hello Bob", "because your card was declined: insufficient funds",
                "Nothing was charged", "Total: 60.48 EUR").doesNotContain("insufficient_funds");
        assertThat(cancelled.html()).contains("because your card was declined: insufficient funds");
        assertThat(Customers.mailbox(ALICE_ADDRESS).about(order.orderId())).isEmpty();
    }

    static List<Mailbox.ReceivedMail> awaitMails(String address, OrderPlaced order, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Customers.mailbox(address).about(order.orderId()), mails -> mails.size() >= count);
    }

    private static Mailbox.ReceivedMail withSubject(List<Mailbox.ReceivedMail> mails, String subjectPart) {
        return mails.stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail '" + subjectPart + "' among " + mails));
    }
}
