package io.comanda.searchindexer;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** Customers find their own orders by what is in them; admins find anyone's. */
@QuarkusTest
class SearchIT {

    @Test
    void ownerFindsEachOrderByAWordOfItsNoteAndByAProductNameWithinFiveSeconds() {
        String noteWord = OrderEvents.uniqueWord();
        String product = OrderEvents.uniqueWord();
        OrderPlaced first = OrderEvents.placed(UUID.randomUUID(), Users.subject(LocalUser.ALICE),
                "please ring twice, the " + noteWord + " is broken",
                new LineItem("GRINDER-HAND", 1, Money.of(4900, "EUR"), "Hand grinder " + product));
        OrderPlaced second = OrderEvents.placed(UUID.randomUUID(), Users.subject(LocalUser.ALICE),
                "leave it with the " + noteWord + " next door", OrderEvents.MOKA_POT,
                new LineItem("MUG-CERAMIC", 2, Money.of(890, "EUR"), "Ceramic mug " + product));
        OrderEvents.publish(first, second);

        List<String> both = List.of(first.orderId().toString(), second.orderId().toString());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            search(LocalUser.ALICE, "q", noteWord).then().statusCode(200)
                    .body("total", equalTo(2)).body("items.id", hasItems(both.toArray()));
            search(LocalUser.ALICE, "q", product).then().statusCode(200)
                    .body("total", equalTo(2)).body("items.id", hasItems(both.toArray()));
        });
        search(LocalUser.ALICE, "q", "moka pot " + noteWord).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(second.orderId().toString()))
                .body("items[0].lines.name", hasItems("Moka pot \"Classic\", 3 cups"))
                .body("items[0].note", equalTo("leave it with the " + noteWord + " next door"))
                .body("items[0].status", equalTo("PENDING"));
        search(LocalUser.BOB, "q", noteWord).then().statusCode(200).body("total", equalTo(0));
        search(LocalUser.BOB, "q", product).then().statusCode(200).body("total", equalTo(0));
        // A customer cannot widen the search to someone else.
        search(LocalUser.BOB, "q", product, "customer", Users.subject(LocalUser.ALICE)).then().body("total", equalTo(0));
        search(LocalUser.OPS, "q", noteWord, "customer", Users.subject(LocalUser.ALICE)).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", hasItems(both.toArray()));
        search(LocalUser.OPS, "q", noteWord, "customer", Users.subject(LocalUser.BOB)).then().body("total", equalTo(0));
    }

    @Test
    void withoutTextTheNewestComeFirstPageByPageFollowingNext() {
        String customer = "paging-" + UUID.randomUUID();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            OrderPlaced placed = OrderEvents.placed(UUID.randomUUID(), customer, "order " + i);
            OrderEvents.publish(placed);
            newestFirst.add(0, placed.orderId().toString());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                search(LocalUser.OPS, "customer", customer).then().body("total", equalTo(5)));

        List<String> seen = new ArrayList<>();
        Response page = search(LocalUser.OPS, "customer", customer, "size", "2");
        while (true) {
            page.then().statusCode(200).body("total", equalTo(5));
            seen.addAll(page.jsonPath().getList("items.id"));
            String next = page.jsonPath().getString("next");
            if (next == null) {
                break;
            }
            assertThat(next).startsWith("/search/orders?").contains("size=2").contains("page=");
            page = Users.as(LocalUser.OPS).get(next);
        }
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        search(LocalUser.OPS, "customer", customer, "status", "confirmed").then().body("total", equalTo(0));
        search(LocalUser.OPS, "customer", customer, "status", "PENDING", "from", "2000-01-01", "to", "2999-01-01")
                .then().body("total", equalTo(5));
    }

    @Test
    void everyAnswerSaysHowFreshTheIndexIs() {
        OrderEvents.publish(OrderEvents.placed(UUID.randomUUID(), Users.subject(LocalUser.BOB), "fresh"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                search(LocalUser.BOB, "q", "fresh").then().body("total", org.hamcrest.Matchers.greaterThan(0)));

        search(LocalUser.BOB).then().statusCode(200).header(io.comanda.searchindexer.api.SearchResource.LAG_HEADER,
                matchesPattern("\\d+"));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        for (String[] bad : List.of(new String[]{"size", "0"}, new String[]{"size", "101"}, new String[]{"size", "ten"},
                new String[]{"status", "LOST"}, new String[]{"from", "yesterday"}, new String[]{"page", "not-a-token"})) {
            search(LocalUser.ALICE, bad).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:comanda:problem:validation"))
                    .body("errors[0].field", equalTo(bad[0]));
        }
        search(LocalUser.ALICE, "from", "2026-11-28", "to", "2026-11-27").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void withoutATokenTheAnswerIsAProblem401() {
        given().get("/search/orders").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:comanda:problem:unauthorized"));
    }

    static Response search(LocalUser user, String... parameters) {
        var request = Users.as(user);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/search/orders");
    }
}
