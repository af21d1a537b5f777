package io.comanda.notifications;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.comanda.notifications.Customers.ALICE_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 404 from something between the service and Keycloak (a proxy during a rollout, a wrong URL) says
 * nothing about the customer: the mail waits through it and is sent once afterwards, never skipped. Only
 * Keycloak's own "User not found" skips a mail ({@link SkippedRecipientIT}).
 */
@QuarkusTest
@TestProfile(KeycloakNotFoundWindowIT.KeycloakBehindAProxy.class)
class KeycloakNotFoundWindowIT {

    /** The admin API reached through {@link KeycloakAdminProxy}; the other parts as for every test. */
    public static class KeycloakBehindAProxy implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakAdminProxy.class));
        }
    }

    @Test
    void aMailThroughAKeycloakNotFoundWindowIsSentOnceAfterItNotSkipped() {
        OrderPlaced order = OrderEvents.placed(Customers.id(LocalUser.ALICE));
        UUID eventId = UUID.randomUUID();
        int notFoundBefore = KeycloakAdminProxy.notFoundAnswers();

        KeycloakAdminProxy.openWindow();
        try {
            try (var producer = OrderEvents.producer()) {
                producer.send(order, eventId, "keycloak-404-window");
            }
            // Asked again and again through the window: the 404 was neither taken for an answer nor cached.
            await().atMost(Duration.ofSeconds(30)).until(() -> KeycloakAdminProxy.notFoundAnswers() >= notFoundBefore + 3);
            assertThat(notification(eventId)).as("nothing recorded while Keycloak cannot be asked").isZero();
            assertThat(Customers.mailbox(ALICE_ADDRESS).about(order.orderId())).isEmpty();
        } finally {
            KeycloakAdminProxy.closeWindow();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !Customers.mailbox(ALICE_ADDRESS).about(order.orderId()).isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(OrderEvents::mailConsumerCaughtUp);
        assertThat(Customers.mailbox(ALICE_ADDRESS).about(order.orderId())).singleElement()
                .satisfies(mail -> assertThat(mail.messageId()).isEqualTo(MailCount.messageIdOf(eventId)));
        assertThat(TestDatabase.one("select state, skip_reason from notification where event_id = ?", eventId))
                .hasValueSatisfying(row -> assertThat(row).containsEntry("state", "SENT").containsEntry("skip_reason", null));
    }

    private static long notification(UUID eventId) {
        return TestDatabase.count("select count(*) from notification where event_id = ? and state <> 'CLAIMED'", eventId);
    }
}
