package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What confirming a PaymentIntent with each test payment method does, and what the ledger counts. */
class PaymentIntentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SettableClock clock = new SettableClock();
    private final Ledger ledger = new Ledger(clock);
    private final ProcessingTime processingTime = new ProcessingTime();
    private final PaymentIntents paymentIntents = new PaymentIntents(ledger, processingTime);

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
    void aCardThatNeedsAuthenticationIsDeclinedAuthenticationRequiredOffSession() throws Exception {
        Map<String, String> parameters = confirm("pm_card_authenticationRequired", "order-5");
        parameters.put("off_session", "true");

        IdempotencyLayer.Result result = paymentIntents.create(parameters);

        JsonNode error = JSON.readTree(result.body()).get("error");
        assertThat(result.status()).isEqualTo(402);
        assertThat(error.get("type").asText()).isEqualTo("card_error");
        assertThat(error.get("code").asText()).isEqualTo("authentication_required");
        assertThat(error.get("decline_code").asText()).isEqualTo("authentication_required");
        JsonNode intent = error.get("payment_intent");
        assertThat(intent.get("status").asText()).isEqualTo("requires_payment_method");
        assertThat(intent.get("last_payment_error").get("code").asText()).isEqualTo("authentication_required");
        assertThat(paymentIntents.retrieve(intent.get("id").asText()).body()).isEqualTo(intent.toString());
        assertThat(ledger.chargesForOrder("order-5")).isZero();
    }

    @Test
    void aCardThatNeedsAuthenticationWaitsForTheCustomerOnSession() throws Exception {
        IdempotencyLayer.Result result = paymentIntents.create(confirm("pm_card_authenticationRequired", "order-6"));

        JsonNode intent = JSON.readTree(result.body());
        assertThat(result.status()).isEqualTo(200);
        assertThat(intent.get("status").asText()).isEqualTo("requires_action");
        assertThat(intent.get("next_action").get("type").asText()).isEqualTo("use_stripe_sdk");
        assertThat(ledger.chargesForOrder("order-6")).isZero();
    }

    @Test
    void offSessionIsOnlyForAConfirmationAndTakesStripesValues() throws Exception {
        Map<String, String> unconfirmed = confirm("pm_card_visa", "order-7");
        unconfirmed.remove("confirm");
        unconfirmed.put("off_session", "true");
        Map<String, String> madeUp = confirm("pm_card_visa", "order-7");
        madeUp.put("off_session", "sometimes");

        for (Map<String, String> invalid : List.of(unconfirmed, madeUp)) {
            IdempotencyLayer.Result result = paymentIntents.create(invalid);

            assertThat(result.status()).isEqualTo(400);
            assertThat(JSON.readTree(result.body()).get("error").get("param").asText()).isEqualTo("off_session");
        }
        Map<String, String> oneOff = confirm("pm_card_visa", "order-7");
        oneOff.put("off_session", "one_off");
        assertThat(paymentIntents.create(oneOff).status()).isEqualTo(200);
    }

    @Test
    void aProcessingPaymentIsNoChargeUntilItsProcessingTimeIsOverThenSucceeds() throws Exception {
        processingTime.set(Duration.ofSeconds(3));
        Map<String, String> parameters = confirm("pm_card_processing", "order-8");
        parameters.put("off_session", "true");

        IdempotencyLayer.Result result = paymentIntents.create(parameters);

        JsonNode intent = JSON.readTree(result.body());
        String id = intent.get("id").asText();
        assertThat(result.status()).isEqualTo(200);
        assertThat(intent.get("status").asText()).isEqualTo("processing");
        clock.advance(Duration.ofMillis(2999));
        assertThat(JSON.readTree(paymentIntents.retrieve(id).body()).get("status").asText()).isEqualTo("processing");
        assertThat(ledger.chargesForOrder("order-8")).isZero();
        assertThat(ledger.summary().chargedOrders()).isZero();

        clock.advance(Duration.ofMillis(1));

        assertThat(ledger.summary().chargedOrders()).isEqualTo(1);
        JsonNode succeeded = JSON.readTree(paymentIntents.retrieve(id).body());
        assertThat(succeeded.get("status").asText()).isEqualTo("succeeded");
        assertThat(succeeded.get("amount_received").asLong()).isEqualTo(6048);
        assertThat(succeeded.get("latest_charge").asText()).startsWith("ch_");
        assertThat(ledger.chargesForOrder("order-8")).isEqualTo(1);
        assertThat(ledger.summary().paymentIntents()).isEqualTo(1);
    }

    @Test
    void aNegativeProcessingTimeIsRefused() {
        assertThatThrownBy(() -> processingTime.set(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(processingTime.get()).isEqualTo(ProcessingTime.DEFAULT);
    }

    @Test
    void anUnknownIntentIsNotFound() {
        assertThat(paymentIntents.retrieve("pi_nothing").status()).isEqualTo(404);
    }


    @Test
    void searchingByMetadataFindsEveryPaymentIntentOfTheOrderInStripesShape() throws Exception {
        String declined = JSON.readTree(paymentIntents.create(confirm("pm_card_chargeDeclined", "order-9")).body())
                .get("error").get("payment_intent").get("id").asText();
        clock.advance(Duration.ofSeconds(1));
        String charged = JSON.readTree(paymentIntents.create(confirm("pm_card_visa", "order-9")).body()).get("id").asText();
        paymentIntents.create(confirm("pm_card_visa", "order-10"));

        IdempotencyLayer.Result found = paymentIntents.search("metadata['order_id']:'order-9'", Duration.ZERO);
        IdempotencyLayer.Result none = paymentIntents.search("metadata['order_id']:'order-none'", Duration.ZERO);

        JsonNode result = JSON.readTree(found.body());
        assertThat(found.status()).isEqualTo(200);
        assertThat(result.get("object").asText()).isEqualTo("search_result");
        assertThat(result.get("url").asText()).isEqualTo("/v1/payment_intents/search");
        assertThat(result.get("has_more").asBoolean()).isFalse();
        assertThat(result.get("data").findValuesAsText("id")).containsExactlyInAnyOrder(charged, declined);
        assertThat(JSON.readTree(none.body()).get("data")).isEmpty();
        assertThat(ledger.chargesForOrder("order-9")).isEqualTo(1);
    }

    @Test
    void searchShowsAPaymentIntentOnlyOnceTheSearchLagHasPassedSinceItsCreation() throws Exception {
        String id = JSON.readTree(paymentIntents.create(confirm("pm_card_visa", "order-11")).body()).get("id").asText();
        String query = "metadata['order_id']:'order-11'";

        clock.advance(Duration.ofMillis(59_999));
        assertThat(JSON.readTree(paymentIntents.search(query, Duration.ofMinutes(1)).body()).get("data")).isEmpty();
        assertThat(paymentIntents.retrieve(id).status()).isEqualTo(200);

        clock.advance(Duration.ofMillis(1));
        assertThat(JSON.readTree(paymentIntents.search(query, Duration.ofMinutes(1)).body()).get("data")
                .findValuesAsText("id")).containsExactly(id);
    }

    @Test
    void aCustomerGivenOnCreateIsStoredAndNoneIsNull() throws Exception {
        Map<String, String> withCustomer = confirm("pm_card_visa", "order-12");
        withCustomer.put("customer", "cus_42");
        Map<String, String> blankCustomer = confirm("pm_card_visa", "order-12");
        blankCustomer.put("customer", " ");

        JsonNode intent = JSON.readTree(paymentIntents.create(withCustomer).body());
        JsonNode anonymous = JSON.readTree(paymentIntents.create(confirm("pm_card_visa", "order-13")).body());
        IdempotencyLayer.Result refused = paymentIntents.create(blankCustomer);

        assertThat(intent.get("customer").asText()).isEqualTo("cus_42");
        assertThat(anonymous.get("customer").isNull()).isTrue();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error").get("param").asText()).isEqualTo("customer");
    }

    @Test
    void aSearchQueryTheEmulatorDoesNotKnowIsAnInvalidRequest() throws Exception {
        IdempotencyLayer.Result result = paymentIntents.search("amount>1000", Duration.ZERO);

        assertThat(result.status()).isEqualTo(400);
        assertThat(JSON.readTree(result.body()).get("error").get("param").asText()).isEqualTo("query");
    }

    private static Map<String, String> confirm(String paymentMethod, String orderId) {
        return new HashMap<>(Map.of("amount", "6048", "currency", "EUR", "payment_method", paymentMethod,
                "confirm", "true", "metadata[order_id]", orderId));
    }
}
