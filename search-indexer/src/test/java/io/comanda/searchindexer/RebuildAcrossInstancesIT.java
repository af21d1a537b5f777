package io.comanda.searchindexer;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A rebuild run by another instance of search-indexer, played here by a database session doing what
 * that instance would (holding the rebuild's lock, writing its row, creating its fresh table): this
 * instance reports it, refuses a second one, and writes the events it applies to that table too.
 */
@QuarkusTest
class RebuildAcrossInstancesIT {

    // The lock IndexRebuild holds while it runs (ExclusiveRuns: Comanda's job locks, the job's name).
    private static final String REBUILD_LOCK = "select pg_advisory_%s(1131242593, hashtext('search-rebuild'))";

    @Test
    void aRebuildRunningOnAnotherInstanceIsReportedHereAndASecondOneIsRefused() throws Exception {
        try (Connection otherInstance = TestDatabase.connect(); Statement rebuild = otherInstance.createStatement()) {
            rebuild.execute(REBUILD_LOCK.formatted("lock"));
            rebuild.execute("insert into index_rebuild (state, started_at, events_read) values ('RUNNING', now(), 42)"
                    + " on conflict (only_row) do update set state = 'RUNNING', started_at = now(), events_read = 42,"
                    + " finished_at = null, error = null");

            Users.as(LocalUser.OPS).get("/search/reindex").then().statusCode(200)
                    .body("state", equalTo("RUNNING")).body("eventsRead", equalTo(42));
            Users.as(LocalUser.OPS).post("/search/reindex").then().statusCode(409)
                    .contentType(startsWith("application/problem+json"));

            // The other instance dies: its lock goes with its connection, its row stays RUNNING.
            rebuild.execute(REBUILD_LOCK.formatted("unlock"));
        }
        Users.as(LocalUser.OPS).get("/search/reindex").then().statusCode(200)
                .body("state", equalTo("FAILED")).body("error", containsString("stopped"));
    }

    @Test
    void eventsAppliedHereWhileAnotherInstanceRebuildsReachItsFreshTable() {
        TestDatabase.count("select count(*) from (select create_order_documents('order_documents_next')) created");
        OrderPlaced during = OrderEvents.placed(UUID.randomUUID(), "rebuild-elsewhere-" + UUID.randomUUID(),
                "applied during another instance's rebuild");

        OrderEvents.publish(during);

        await().atMost(Duration.ofSeconds(20)).until(() -> TestDatabase.count(
                "select count(*) from order_documents_next where order_id = ?::uuid", during.aggregateId()) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> TestDatabase.count(
                "select count(*) from order_documents where order_id = ?::uuid", during.aggregateId()) == 1);
    }

    @AfterEach
    void noRebuildLeft() {
        TestDatabase.update("drop table if exists order_documents_next");
        TestDatabase.update("delete from index_rebuild");
    }
}
