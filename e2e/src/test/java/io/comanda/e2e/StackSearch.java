package io.comanda.e2e;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.events.Topic;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * search-indexer in the stack {@code ./comanda up} runs: an order placed through orders-service is
 * found by a word of its note, by its owner only, and again after {@code ./comanda reindex}, which reads
 * the whole history {@code comanda.orders} keeps.
 */
final class StackSearch {

    private final Map<String, String> environment;
    private final String keycloak;
    private final String orders;
    private final String search;
    private final String kafka;

    StackSearch(Map<String, Integer> ports, Map<String, String> environment) {
        this.environment = environment;
        this.keycloak = "http://127.0.0.1:" + ports.get("keycloak");
        this.orders = "http://127.0.0.1:" + ports.get("orders");
        this.search = "http://127.0.0.1:" + ports.get("search");
        this.kafka = "127.0.0.1:" + ports.get("kafka");
    }

    /** The history a reindex reads: the stack creates comanda.orders with the catalogue's retention. */
    void comandaOrdersKeepsItsRecords() throws Exception {
        ConfigResource orders = new ConfigResource(ConfigResource.Type.TOPIC, Topic.ORDERS.topicName());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Config config = admin.describeConfigs(List.of(orders)).all().get(30, TimeUnit.SECONDS).get(orders);
            assertThat(config.get(Topic.RETENTION_MS).value()).isEqualTo("-1");
        }
    }

    void anOrderIsFoundByItsNoteByItsOwnerOnlyAndAgainAfterAReindex() throws Exception {
        String alice = AccessTokens.forUser(keycloak, LocalUser.ALICE);
        String bob = AccessTokens.forUser(keycloak, LocalUser.BOB);
        String word = distinctiveWord();
        String order = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("items", List.of(Map.of("sku", "ESPRESSO-250G", "quantity", 1)),
                        "paymentMethod", "pm_card_visa", "note", "ring twice, " + word + " at the door"))
                .post(orders + "/orders").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(alice)
                .queryParam("q", word).get(search + "/search/orders")
                .then().statusCode(200).body("items.id", hasItem(order)));
        given().auth().oauth2(bob).queryParam("q", word).get(search + "/search/orders")
                .then().statusCode(200).body("total", equalTo(0)).body("items.id", not(hasItem(order)));

        ComandaCli.Result reindex = ComandaCli.run(environment, "reindex");
        assertThat(reindex.exitCode()).as(reindex.output()).isZero();
        assertThat(reindex.output()).containsPattern("Done: [1-9][0-9]* events read");
        given().auth().oauth2(alice).queryParam("q", word).get(search + "/search/orders")
                .then().statusCode(200).body("items.id", hasItem(order));
    }

    /** Letters only, so full text search reads it as one word of its own. */
    private static String distinctiveWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
