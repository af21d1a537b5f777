package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/payment_intents}: consistent at once, filtered by customer and creation time, paged by cursor. */
class PaymentIntentListTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SettableClock clock = new SettableClock();
    private final Ledger ledger = new Ledger(clock);
    private final PaymentIntents paymentIntents = new PaymentIntents(ledger, new ProcessingTime());
    private final PaymentIntentList list = new PaymentIntentList(ledger);

    @Test
    void listsEveryPaymentIntentAtOnceNewestFirstInStripesShape() throws Exception {
        String first = create("cus_1");
        String second = create("cus_1");
        clock.advance(Duration.ofSeconds(1));
        String third = create(null);

        JsonNode page = list(Map.of());

        assertThat(page.get("object").asText()).isEqualTo("list");
        assertThat(page.get("url").asText()).isEqualTo("/v1/payment_intents");
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(ids(page)).containsExactly(third, second, first);
    }

    @Test
    void filtersByCustomer() throws Exception {
        String mine = create("cus_mine");
        create("cus_other");
        create(null);

        assertThat(ids(list(Map.of("customer", "cus_mine")))).containsExactly(mine);
    }

    @Test
    void filtersByCreationTimeInEpochSeconds() throws Exception {
        long start = clock.instant().getEpochSecond();
        String atStart = create(null);
        clock.advance(Duration.ofSeconds(10));
        String tenSecondsLater = create(null);
        clock.advance(Duration.ofSeconds(10));
        String twentySecondsLater = create(null);

        assertThat(ids(list(Map.of("created[gte]", Long.toString(start + 10))))).containsExactly(twentySecondsLater, tenSecondsLater);
        assertThat(ids(list(Map.of("created[gt]", Long.toString(start + 10))))).containsExactly(twentySecondsLater);
        assertThat(ids(list(Map.of("created[lte]", Long.toString(start + 10))))).containsExactly(tenSecondsLater, atStart);
        assertThat(ids(list(Map.of("created[lt]", Long.toString(start + 10))))).containsExactly(atStart);
        assertThat(ids(list(Map.of("created[gt]", Long.toString(start), "created[lt]", Long.toString(start + 20)))))
                .containsExactly(tenSecondsLater);
        assertThat(ids(list(Map.of("created", Long.toString(start))))).containsExactly(atStart);
    }

    @Test
    void pagesWithLimitAndStartingAfterInAStableOrderWithinOneSecond() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, create("cus_pages"));
        }

        JsonNode firstPage = list(Map.of("limit", "2"));
        JsonNode secondPage = list(Map.of("limit", "2", "starting_after", ids(firstPage).get(1)));
        JsonNode lastPage = list(Map.of("limit", "2", "starting_after", ids(secondPage).get(1)));

        assertThat(ids(firstPage)).containsExactlyElementsOf(created.subList(0, 2));
        assertThat(firstPage.get("has_more").asBoolean()).isTrue();
        assertThat(ids(secondPage)).containsExactlyElementsOf(created.subList(2, 4));
        assertThat(secondPage.get("has_more").asBoolean()).isTrue();
        assertThat(ids(lastPage)).containsExactlyElementsOf(created.subList(4, 5));
        assertThat(lastPage.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void tenByDefault() throws Exception {
        for (int i = 0; i < 11; i++) {
            create(null);
        }

        JsonNode page = list(Map.of());

        assertThat(page.get("data")).hasSize(10);
        assertThat(page.get("has_more").asBoolean()).isTrue();
    }

    @Test
    void anInvalidParameterIsAnInvalidRequestNamingIt() throws Exception {
        create(null);
        String[][] invalid = {{"limit", "0"}, {"limit", "101"}, {"limit", "ten"}, {"created[gte]", "yesterday"},
                {"starting_after", "pi_unknown"}, {"status", "succeeded"}};

        for (String[] parameter : invalid) {
            String name = parameter[0];
            IdempotencyLayer.Result result = list.list(Map.of(name, parameter[1]));

            JsonNode error = JSON.readTree(result.body()).get("error");
            assertThat(result.status()).as(name + "=" + parameter[1]).isEqualTo(400);
            assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.get("param").asText()).isEqualTo(name);
        }
    }

    private String create(String customer) throws Exception {
        Map<String, String> parameters = new HashMap<>(Map.of("amount", "500", "currency", "eur",
                "payment_method", "pm_card_visa", "confirm", "true"));
        if (customer != null) {
            parameters.put("customer", customer);
        }
        return JSON.readTree(paymentIntents.create(parameters).body()).get("id").asText();
    }

    private JsonNode list(Map<String, String> parameters) throws Exception {
        IdempotencyLayer.Result result = list.list(parameters);
        assertThat(result.status()).isEqualTo(200);
        return JSON.readTree(result.body());
    }

    private static List<String> ids(JsonNode page) {
        return page.get("data").findValuesAsText("id");
    }
}
