package io.comanda.searchindexer;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The platform's dead-letter API is on the indexer too (its consumer is a batch channel): a record it
 * parks is listed for an operator, and for no customer.
 */
@QuarkusTest
class DeadLetterOperationsIT {

    @Test
    void aParkedRecordIsListedForAnOperatorWithItsOriginAndReason() {
        String key = "unknown-type-" + UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        try (EventProducer producer = OrderEvents.producer()) {
            producer.sendRaw("comanda.orders", key, EventProducer.headers("ce_id", ceId,
                    "ce_type", "io.comanda.order.teleported.v1"), "{}".getBytes(StandardCharsets.UTF_8));
        }

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(60))
                .until(() -> listed(key), found -> !found.isEmpty()).get(0);
        assertThat(letter).containsEntry("originTopic", "comanda.orders").containsEntry("ceId", ceId)
                .containsEntry("ceType", "io.comanda.order.teleported.v1").containsEntry("replayCount", 0);
        assertThat((String) letter.get("id")).startsWith("comanda.orders.search-indexer.dlq-");
        assertThat((String) letter.get("reason")).contains("io.comanda.order.teleported.v1");
        Users.as(LocalUser.ALICE).get("/admin/dead-letters").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    private static List<Map<String, Object>> listed(String key) {
        List<Map<String, Object>> items = Users.as(LocalUser.OPS).queryParam("size", 100).get("/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> key.equals(item.get("key"))).toList();
    }
}
