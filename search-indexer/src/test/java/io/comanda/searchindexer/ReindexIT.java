package io.comanda.searchindexer;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.ComandaEvent;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The index is rebuilt from the topic into a fresh table and swapped in while searches keep answering. */
@QuarkusTest
class ReindexIT {

    private static final int ORDERS = 60;

    @Test
    void rebuildRestoresTheReadModelFromTheTopicWhileAClientSearchesWithoutAGap() throws Exception {
        String customer = "reindex-" + UUID.randomUUID();
        String word = OrderEvents.uniqueWord();
        ComandaEvent[] orders = IntStream.range(0, ORDERS)
                .mapToObj(i -> OrderEvents.placed(UUID.randomUUID(), customer, "reindex " + word + " " + i))
                .toArray(ComandaEvent[]::new);
        OrderPlaced dropped = OrderEvents.placed(UUID.randomUUID(), "dropped-" + UUID.randomUUID(), "dropped");
        OrderEvents.publish(orders);
        OrderEvents.publish(dropped, OrderEvents.confirmed(dropped));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            search(customer, word).then().body("total", equalTo(ORDERS));
            assertThat(status(dropped)).isEqualTo("CONFIRMED");
        });
        Set<String> before = Set.copyOf(search(customer, word).jsonPath().getList("items.id"));
        // Drop part of the read model: only the topic still knows that order now.
        TestDatabase.update("delete from order_documents where order_id = ?::uuid", dropped.aggregateId());

        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        Thread client = new Thread(() -> {
            while (searching.get()) {
                Response answer = search(customer, word);
                searches.incrementAndGet();
                if (answer.statusCode() != 200 || answer.jsonPath().getInt("total") != ORDERS
                        || answer.jsonPath().getList("items").size() != ORDERS) {
                    wrongAnswers.add(answer.statusCode() + " " + answer.asString());
                }
            }
        }, "searching-client");
        client.start();
        try {
            Users.as(LocalUser.OPS).post("/search/reindex").then().statusCode(202)
                    .header("Location", startsWith("http")).body("state", equalTo("RUNNING"));
            OrderPlaced during = OrderEvents.placed(UUID.randomUUID(), customer, "arrived during the rebuild");
            OrderEvents.publish(during);
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                    Users.as(LocalUser.OPS).get("/search/reindex").then().statusCode(200).extract().path("state")));
            await().atMost(Duration.ofSeconds(10)).until(() -> "PENDING".equals(status(during)));
        } finally {
            searching.set(false);
            client.join(30_000);
        }

        assertThat(wrongAnswers).isEmpty();
        assertThat(searches.get()).isPositive();
        assertThat(Set.copyOf(search(customer, word).jsonPath().getList("items.id"))).isEqualTo(before);
        assertThat(status(dropped)).isEqualTo("CONFIRMED");
    }

    @Test
    void onlyAnAdminMayRebuild() {
        Users.as(LocalUser.ALICE).post("/search/reindex").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        Users.as(LocalUser.ALICE).get("/search/reindex").then().statusCode(403);
    }

    private static Response search(String customer, String word) {
        return SearchIT.search(LocalUser.OPS, "customer", customer, "q", word, "size", "100");
    }

    private static String status(OrderPlaced placed) {
        return TestDatabase.one("select status from order_documents where order_id = ?::uuid", placed.aggregateId())
                .map(row -> row.get("status")).orElse(null);
    }
}
