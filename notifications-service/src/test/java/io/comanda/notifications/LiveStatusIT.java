package io.comanda.notifications;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.common.http.TestHTTPResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** {@code /orders/live}: each customer sees their own orders change, as they happen; strangers are refused. */
@QuarkusTest
class LiveStatusIT {

    @TestHTTPResource("/orders/live")
    URI live;

    @Test
    void aliceSeesHerOrderConfirmedWithinTwoSecondsAndBobSeesNothingOfIt() throws Exception {
        String alice = Customers.id(LocalUser.ALICE);
        try (Session aliceSession = Session.open(wsUri(), Customers.token(LocalUser.ALICE));
             Session bobSession = Session.open(wsUri(), Customers.token(LocalUser.BOB));
             Session opsSession = Session.open(wsUri(), Customers.token(LocalUser.OPS))) {
            awaitLiveFeed(aliceSession, alice);
            OrderPlaced order = OrderEvents.placed(alice);

            OrderEvents.publish(order);
            await().atMost(Duration.ofSeconds(10)).until(() -> aliceSession.about(order).contains("\"status\":\"PENDING\""));
            OrderEvents.publish(OrderEvents.confirmed(order));
            long confirmedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(2)).until(() -> aliceSession.about(order).contains("\"status\":\"CONFIRMED\""));

            assertThat(Duration.ofNanos(System.nanoTime() - confirmedAt)).isLessThan(Duration.ofSeconds(2));
            assertThat(aliceSession.about(order)).matches("(?s).*\"orderId\":\"" + order.orderId()
                    + "\",\"status\":\"CONFIRMED\",\"reason\":null,\"at\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\".*");
            await().atMost(Duration.ofSeconds(5)).until(() -> opsSession.about(order).contains("CONFIRMED"));
            assertThat(bobSession.messages).isEmpty();
        }
    }

    @Test
    void cancellationReachesTheCustomerWithTheReasonInWords() throws Exception {
        String bob = Customers.id(LocalUser.BOB);
        try (Session bobSession = Session.open(wsUri(), Customers.token(LocalUser.BOB))) {
            awaitLiveFeed(bobSession, bob);
            OrderPlaced order = OrderEvents.placed(bob);

            OrderEvents.publish(order, OrderEvents.declined(order, "insufficient_funds", "Your card has insufficient funds."));

            await().atMost(Duration.ofSeconds(10)).until(() -> bobSession.about(order)
                    .contains("\"status\":\"CANCELLED\",\"reason\":\"your card was declined: insufficient funds\""));
        }
    }

    @Test
    void theLiveFeedCommitsNoOffsetSoItsGroupPerStartLeavesNothingBehind() throws Exception {
        String alice = Customers.id(LocalUser.ALICE);
        try (Session aliceSession = Session.open(wsUri(), Customers.token(LocalUser.ALICE))) {
            awaitLiveFeed(aliceSession, alice);
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, OrderEvents.bootstrap()))) {
            List<String> running = runningLiveGroups(admin);
            assertThat(running).as("this instance's live group").isNotEmpty();
            // Longer than a throttled commit's interval (5 s): none comes.
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> running.stream().allMatch(group -> committedOffsets(admin, group).isEmpty()));
        }
    }

    /** The live groups with members now: this instance's (those of stopped instances are empty). */
    private static List<String> runningLiveGroups(Admin admin) throws Exception {
        List<String> live = admin.listGroups().all().get().stream().map(GroupListing::groupId)
                .filter(group -> group.startsWith("notifications-service-live-")).toList();
        return admin.describeConsumerGroups(live).all().get().values().stream()
                .filter(group -> !group.members().isEmpty()).map(ConsumerGroupDescription::groupId).toList();
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    @Test
    void upgradeWithoutATokenIsRefusedWith401() {
        assertThat(handshakeStatus(null)).isEqualTo(401);
    }

    @Test
    void upgradeWithAForgedTokenIsRefusedWith401() {
        String[] parts = Customers.token(LocalUser.ALICE).split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("not-keycloaks-signature".getBytes());
        assertThat(handshakeStatus(forged)).isEqualTo(401);
    }

    /**
     * Each instance reads from the newest record on, once its consumer has joined: publish throwaway
     * orders until one reaches the session, so the test does not race the join.
     */
    private static void awaitLiveFeed(Session session, String customerId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            OrderEvents.publish(OrderEvents.placed(customerId));
            return !session.messages.isEmpty();
        });
    }

    private int handshakeStatus(String token) {
        Throwable refused = catchThrowable(() -> Session.open(wsUri(), token).close());
        assertThat(refused).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }

    private URI wsUri() {
        return URI.create(live.toString().replaceFirst("^http", "ws"));
    }

    /** A client session that keeps every text message it receives. */
    static final class Session implements WebSocket.Listener, AutoCloseable {

        final List<String> messages = new CopyOnWriteArrayList<>();
        private WebSocket socket;

        static Session open(URI uri, String token) {
            Session session = new Session();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            session.socket = builder.buildAsync(uri, session).orTimeout(15, TimeUnit.SECONDS).join();
            return session;
        }

        String about(OrderPlaced order) {
            return String.join("\n", messages.stream().filter(m -> m.contains(order.orderId().toString())).toList());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            messages.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
