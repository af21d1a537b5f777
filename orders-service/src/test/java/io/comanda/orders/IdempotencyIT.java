package io.comanda.orders;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A retried POST never places a second order: the story of the user who pressed "pay" twice. */
@QuarkusTest
class IdempotencyIT {

    @Test
    void replaysTheStoredResponseForTheSameKeyAndRequest() {
        String key = Customers.newKey();
        Response first = Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("pressed twice")).post("/orders");
        first.then().statusCode(201).header("Idempotent-Replayed", (String) null);

        Response retry = Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("pressed twice")).post("/orders");

        retry.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(TestDatabase.count("select count(*) from customer_order where note = ?", "pressed twice")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentIdenticalRequestsPlaceOneOrder() throws Exception {
        String key = Customers.newKey();
        String note = "concurrent " + key;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder(note)).post("/orders");
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }

            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
            List<String> created = responses.stream().filter(r -> r.statusCode() == 201).map(Response::asString).toList();
            assertThat(created).isNotEmpty().allMatch(body -> body.equals(created.get(0)));
            assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                    .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("select count(*) from customer_order where note = ?", note)).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from outbox o join customer_order c on o.aggregateid = c.id::text "
                + "where c.note = ?", note)).isEqualTo(1);
    }

    @Test
    void keysAreScopedPerCustomerSoAliceCannotReplayBobsResponse() {
        String key = Customers.newKey();
        String bobsOrder = Customers.placing(LocalUser.BOB, key).body(Customers.espressoOrder("shared key"))
                .post("/orders").then().statusCode(201).extract().path("id");

        Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("shared key")).post("/orders")
                .then().statusCode(201)
                .header("Idempotent-Replayed", (String) null)
                .body("id", not(equalTo(bobsOrder)))
                .body("customerId", equalTo(Customers.subject(LocalUser.ALICE)));
    }

    @Test
    void anExpiredKeyPlacesANewOrderAndIsPurged() {
        String key = Customers.newKey();
        String first = Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("expiring"))
                .post("/orders").then().statusCode(201).extract().path("id");
        TestDatabase.update("update idempotency_record set expires_at = now() - interval '1 second' "
                + "where idempotency_key = ?", key);

        Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("after expiry")).post("/orders")
                .then().statusCode(201).header("Idempotent-Replayed", (String) null).body("id", not(equalTo(first)));

        TestDatabase.update("update idempotency_record set expires_at = now() - interval '1 second' "
                + "where idempotency_key = ?", key);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count("select count(*) from idempotency_record where idempotency_key = ?", key) == 0);
    }
}
