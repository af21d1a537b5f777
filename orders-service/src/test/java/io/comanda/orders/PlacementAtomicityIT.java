package io.comanda.orders;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An order is stored whole or not at all: the order, its lines, its outbox row and its key's record. */
@QuarkusTest
class PlacementAtomicityIT {

    private static final String FAILING_CORRELATION_ID = "outbox-refuses-this-one";

    @Test
    void aPlacedOrderIsStoredWithItsLinesItsOutboxRowAndItsKey() {
        String key = Customers.newKey();
        String id = Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("stored whole"))
                .post("/orders").then().statusCode(201).extract().path("id");

        assertThat(TestDatabase.count("select count(*) from order_line where order_id = ?::uuid", id)).isEqualTo(2);
        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ?", id)).isEqualTo(1);
        assertThat(TestDatabase.one("select response_location from idempotency_record where idempotency_key = ?", key)
                .orElseThrow().get("response_location")).isEqualTo("/orders/" + id);
    }

    @Test
    void whenTheOutboxRowCannotBeWrittenNothingOfTheOrderIsStoredAndTheKeyStaysFree() {
        String key = Customers.newKey();
        String note = "rolled back " + key;
        // A trigger standing in for any failure of the outbox insert, for this request's correlation id only.
        TestDatabase.update("""
                create or replace function refuse_outbox_row() returns trigger language plpgsql as $$
                begin
                  if new.correlation_id = '%s' then raise exception 'outbox refuses this row'; end if;
                  return new;
                end $$""".formatted(FAILING_CORRELATION_ID));
        TestDatabase.update("create trigger refuse_outbox_row before insert on outbox "
                + "for each row execute function refuse_outbox_row()");
        try {
            int status = Customers.placing(LocalUser.ALICE, key).header("X-Correlation-ID", FAILING_CORRELATION_ID)
                    .body(Customers.espressoOrder(note)).post("/orders").statusCode();

            assertThat(status).isEqualTo(500);
            assertThat(TestDatabase.count("select count(*) from customer_order where note = ?", note)).isZero();
            assertThat(TestDatabase.count("select count(*) from order_line l join customer_order o on o.id = l.order_id "
                    + "where o.note = ?", note)).isZero();
            assertThat(TestDatabase.count("select count(*) from outbox where correlation_id = ?", FAILING_CORRELATION_ID))
                    .isZero();
            assertThat(TestDatabase.count("select count(*) from idempotency_record where idempotency_key = ?", key))
                    .isZero();
        } finally {
            TestDatabase.update("drop trigger if exists refuse_outbox_row on outbox");
        }

        Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder(note)).post("/orders")
                .then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(TestDatabase.count("select count(*) from customer_order where note = ?", note)).isEqualTo(1);
    }
}
