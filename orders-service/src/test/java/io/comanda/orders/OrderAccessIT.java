package io.comanda.orders;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/** Customers see only their own orders; admins see all of them. */
@QuarkusTest
class OrderAccessIT {

    @Test
    void anotherCustomersOrderLooksExactlyLikeAMissingOne() {
        String alicesOrder = place(LocalUser.ALICE, "alice's private order");

        Customers.as(LocalUser.BOB).get("/orders/" + alicesOrder).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:not-found"))
                .body("detail", equalTo("There is no order " + alicesOrder + "."));
        Customers.as(LocalUser.BOB).get("/orders/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void adminReadsAnyOrder() {
        String alicesOrder = place(LocalUser.ALICE, "visible to ops");

        Customers.as(LocalUser.OPS).get("/orders/" + alicesOrder).then().statusCode(200)
                .body("customerId", equalTo(Customers.subject(LocalUser.ALICE)));
    }

    @Test
    void customersListOnlyTheirOwnOrdersEvenWhenAskingForOthers() {
        place(LocalUser.ALICE, "alice listed");
        place(LocalUser.BOB, "bob listed");

        Customers.as(LocalUser.BOB).queryParam("customer", Customers.subject(LocalUser.ALICE)).get("/orders")
                .then().statusCode(200)
                .body("items.customerId", everyItem(equalTo(Customers.subject(LocalUser.BOB))));
    }

    @Test
    void adminFiltersByCustomerAndPagesNewestFirst() {
        for (int i = 0; i < 3; i++) {
            place(LocalUser.BOB, "bob page " + i);
        }
        String bob = Customers.subject(LocalUser.BOB);

        Response first = Customers.as(LocalUser.OPS).queryParam("customer", bob).queryParam("size", 2).get("/orders");
        first.then().statusCode(200)
                .body("items.customerId", everyItem(equalTo(bob)))
                .body("items.size()", equalTo(2))
                .body("size", equalTo(2))
                .body("next", notNullValue());
        assertThat(first.<Integer>path("total")).isEqualTo((int) TestDatabase.count(
                "select count(*) from customer_order where customer_id = ?", bob));
        List<String> createdAt = first.path("items.createdAt");
        assertThat(Instant.parse(createdAt.get(0))).isAfterOrEqualTo(Instant.parse(createdAt.get(1)));

        Response second = Customers.as(LocalUser.OPS).get(first.<String>path("next"));
        second.then().statusCode(200).body("page", equalTo(1)).body("items.customerId", everyItem(equalTo(bob)));
        assertThat(second.<List<String>>path("items.id")).doesNotContainAnyElementsOf(first.path("items.id"));
    }

    @Test
    void listFiltersByStatus() {
        place(LocalUser.ALICE, "pending one");

        Customers.as(LocalUser.ALICE).queryParam("status", "pending").get("/orders").then().statusCode(200)
                .body("items.status", everyItem(equalTo("PENDING")))
                .body("items.size()", lessThanOrEqualTo(20));
        Customers.as(LocalUser.ALICE).queryParam("status", "LOST").get("/orders").then().statusCode(400)
                .contentType("application/problem+json");
        Customers.as(LocalUser.ALICE).queryParam("size", 1000).get("/orders").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static String place(LocalUser user, String note) {
        return Customers.placing(user, Customers.newKey()).body(Customers.espressoOrder(note)).post("/orders")
                .then().statusCode(201).extract().path("id");
    }
}
