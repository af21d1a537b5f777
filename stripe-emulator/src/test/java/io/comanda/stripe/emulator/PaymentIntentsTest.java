package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What confirming a PaymentIntent with each test payment method does, and what the ledger counts. */
class PaymentIntentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger = new Ledger();
    private final PaymentIntents paymentIntents = new PaymentIntents(ledger);

    @Test
    void aVisaCardIsChargedAndCountedForItsOrder() throws Exception {
        IdempotencyLayer.Result result = paymentIntents.create(confirm("pm_card_visa", "order-1"));

        JsonNode intent = JSON.readTree(result.body());
        assertThat(result.status()).isEqualTo(200);
        assertThat(intent.get("id").asText()).matches("pi_3Q[0-9A-Za-z]{22}");
        assertThat(intent.get("status").asText()).isEqualTo("succeeded");
        assertThat(intent.get("amount").asLong()).isEqualTo(6048);
        assertThat(intent.get("amount_received").asLong()).isEqualTo(6048);
        assertThat(intent.get("currency").asText()).isEqualTo("eur");
        assertThat(intent.get("metadata").get("order_id").asText()).isEqualTo("order-1");
        assertThat(ledger.chargesForOrder("order-1")).isEqualTo(1);
        assertThat(paymentIntents.retrieve(intent.get("id").asText()).body()).isEqualTo(result.body());
    }

    @Test
    void eachTestCardDeclinesWithItsOwnCode() throws Exception {
        Map<String, String> declines = Map.of(
                "pm_card_chargeDeclined", "generic_decline",
                "pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds",
                "pm_card_chargeDeclinedExpiredCard", "expired_card");

        for (Map.Entry<String, String> decline : declines.entrySet()) {
            IdempotencyLayer.Result result = paymentIntents.create(confirm(decline.getKey(), "order-" + decline.getKey()));

            JsonNode error = JSON.readTree(result.body()).get("error");
            assertThat(result.status()).as(decline.getKey()).isEqualTo(402);
            assertThat(error.get("type").asText()).isEqualTo("card_error");
            assertThat(error.get("code").asText()).isEqualTo("card_declined");
            assertThat(error.get("decline_code").asText()).as(decline.getKey()).isEqualTo(decline.getValue());
            assertThat(error.get("payment_intent").get("status").asText()).isEqualTo("requires_payment_method");
            assertThat(ledger.chargesForOrder("order-" + decline.getKey())).isZero();
        }
    }

    @Test
    void anUnknownPaymentMethodIsAMissingResource() throws Exception {
        IdempotencyLayer.Result result = paymentIntents.create(confirm("pm_made_up", "order-2"));

        JsonNode error = JSON.readTree(result.body()).get("error");
        assertThat(result.status()).isEqualTo(400);
        assertThat(error.get("code").asText()).isEqualTo("resource_missing");
        assertThat(error.get("param").asText()).isEqualTo("payment_method");
        assertThat(ledger.paymentIntents()).isEmpty();
    }

    @Test
    void anIntentNotConfirmedTakesNoMoney() throws Exception {
        Map<String, String> parameters = confirm("pm_card_visa", "order-3");
        parameters.remove("confirm");

        IdempotencyLayer.Result result = paymentIntents.create(parameters);

        assertThat(JSON.readTree(result.body()).get("status").asText()).isEqualTo("requires_confirmation");
        assertThat(ledger.chargesForOrder("order-3")).isZero();
    }

    @Test
    void amountAndCurrencyAreRequired() throws Exception {
        for (String[] invalid : new String[][]{{"amount", "0"}, {"amount", "-5"}, {"amount", "12.50"}, {"currency", "euro"}}) {
            Map<String, String> parameters = confirm("pm_card_visa", "order-4");
            parameters.put(invalid[0], invalid[1]);

            IdempotencyLayer.Result result = paymentIntents.create(parameters);

            assertThat(result.status()).as(invalid[0] + "=" + invalid[1]).isEqualTo(400);
            assertThat(JSON.readTree(result.body()).get("error").get("param").asText()).isEqualTo(invalid[0]);
        }
        assertThat(ledger.paymentIntents()).isEmpty();
    }

    @Test
    void anUnknownIntentIsNotFound() {
        assertThat(paymentIntents.retrieve("pi_nothing").status()).isEqualTo(404);
    }

    private static Map<String, String> confirm(String paymentMethod, String orderId) {
        return new HashMap<>(Map.of("amount", "6048", "currency", "EUR", "payment_method", paymentMethod,
                "confirm", "true", "metadata[order_id]", orderId));
    }
}
