package io.comanda.orders;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What a customer writes is data, never code: stored and returned exactly as sent. */
@QuarkusTest
class VerbatimStringsIT {

    @ParameterizedTest
    @ValueSource(strings = {
            "Robert'); DROP TABLE customer_order;--",
            "<script>alert('x')</script> & <b>bold</b>",
            "\"quoted\" and \\backslashed\\ and 'single'",
            "emoji ☕ and accents: café, Zürich, 東京",
            "${jndi:ldap://example.invalid/a} %s %n {{7*7}}"})
    void noteIsStoredAndReturnedVerbatim(String note) {
        long ordersBefore = TestDatabase.count("select count(*) from customer_order");
        String id = Customers.placing(LocalUser.ALICE, Customers.newKey()).body(Customers.espressoOrder(note))
                .post("/orders").then().statusCode(201).body("note", equalTo(note)).extract().path("id");

        Customers.as(LocalUser.ALICE).get("/orders/" + id).then().statusCode(200).body("note", equalTo(note));
        Customers.as(LocalUser.ALICE).get("/orders?size=100").then().statusCode(200).body("items.note", hasItem(note));
        assertThat(TestDatabase.one("select note from customer_order where id = ?::uuid", id).orElseThrow().get("note"))
                .isEqualTo(note);
        // The note placed exactly one order and took none away.
        assertThat(TestDatabase.count("select count(*) from customer_order")).isEqualTo(ordersBefore + 1);
    }
}
