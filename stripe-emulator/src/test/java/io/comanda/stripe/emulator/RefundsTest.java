package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Refunds of succeeded PaymentIntents, never more than was taken, and what the ledger then counts. */
class RefundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SettableClock clock = new SettableClock();
    private final Ledger ledger = new Ledger(clock);
    private final ProcessingTime processingTime = new ProcessingTime();
    private final PaymentIntents paymentIntents = new PaymentIntents(ledger, processingTime);
    private final Refunds refunds = new Refunds(ledger);

    @Test
    void aRefundWithoutAmountGivesBackTheWholeChargeInStripesShape() throws Exception {
        String charged = charge("order-1", "pm_card_visa");

        IdempotencyLayer.Result result = refunds.create(Map.of("payment_intent", charged, "reason", "requested_by_customer",
                "metadata[order_id]", "order-1"));

        JsonNode refund = JSON.readTree(result.body());
        assertThat(result.status()).isEqualTo(200);
        assertThat(refund.get("id").asText()).matches("re_3Q[0-9A-Za-z]{22}");
        assertThat(refund.get("object").asText()).isEqualTo("refund");
        assertThat(refund.get("amount").asLong()).isEqualTo(6048);
        assertThat(refund.get("currency").asText()).isEqualTo("eur");
        assertThat(refund.get("payment_intent").asText()).isEqualTo(charged);
        assertThat(refund.get("charge").asText()).startsWith("ch_");
        assertThat(refund.get("status").asText()).isEqualTo("succeeded");
        assertThat(refund.get("created").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(refund.get("reason").asText()).isEqualTo("requested_by_customer");
        assertThat(refund.get("metadata").get("order_id").asText()).isEqualTo("order-1");
        assertThat(ledger.chargesForOrder("order-1")).isEqualTo(1);
        assertThat(ledger.unrefundedChargesForOrder("order-1")).isZero();
        assertThat(ledger.refundsForOrder("order-1")).isEqualTo(1);
    }

    @Test
    void aFullyRefundedChargeCannotBeRefundedAgain() throws Exception {
        String charged = charge("order-2", "pm_card_visa");
        refunds.create(Map.of("payment_intent", charged));

        IdempotencyLayer.Result again = refunds.create(Map.of("payment_intent", charged));

        assertThat(again.status()).isEqualTo(400);
        assertThat(error(again).get("code").asText()).isEqualTo("charge_already_refunded");
        assertThat(ledger.refundsForOrder("order-2")).isEqualTo(1);
    }

    @Test
    void partialRefundsGiveBackNoMoreThanIsLeft() throws Exception {
        String charged = charge("order-3", "pm_card_visa");

        IdempotencyLayer.Result part = refunds.create(Map.of("payment_intent", charged, "amount", "6000"));
        IdempotencyLayer.Result tooMuch = refunds.create(Map.of("payment_intent", charged, "amount", "49"));
        assertThat(ledger.unrefundedChargesForOrder("order-3")).isEqualTo(1);
        IdempotencyLayer.Result rest = refunds.create(Map.of("payment_intent", charged));

        assertThat(part.status()).isEqualTo(200);
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(error(tooMuch).get("code").asText()).isEqualTo("amount_too_large");
        assertThat(error(tooMuch).get("param").asText()).isEqualTo("amount");
        assertThat(JSON.readTree(rest.body()).get("amount").asLong()).isEqualTo(48);
        assertThat(ledger.unrefundedChargesForOrder("order-3")).isZero();
    }

    @Test
    void aPaymentIntentThatTookNoMoneyCannotBeRefunded() throws Exception {
        String declined = JSON.readTree(paymentIntents.create(confirm("order-4", "pm_card_chargeDeclined")).body())
                .get("error").get("payment_intent").get("id").asText();
        String processing = charge("order-4", "pm_card_processing");

        for (String id : new String[]{declined, processing}) {
            IdempotencyLayer.Result refused = refunds.create(Map.of("payment_intent", id));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(error(refused).get("code").asText()).isEqualTo("charge_not_refundable");
            assertThat(error(refused).get("message").asText()).contains(id).contains("does not have a successful charge");
        }
        assertThat(ledger.summary().refunds()).isZero();
    }

    @Test
    void anUnknownPaymentIntentIsAMissingResource() throws Exception {
        IdempotencyLayer.Result refused = refunds.create(Map.of("payment_intent", "pi_unknown"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(error(refused).get("code").asText()).isEqualTo("resource_missing");
        assertThat(error(refused).get("param").asText()).isEqualTo("payment_intent");
    }

    @Test
    void invalidParametersAreNamed() throws Exception {
        Map<String, Map<String, String>> invalid = Map.of(
                "payment_intent", Map.of("amount", "100"),
                "amount", Map.of("payment_intent", "pi_1", "amount", "-1"),
                "reason", Map.of("payment_intent", "pi_1", "reason", "changed_my_mind"),
                "charge", Map.of("payment_intent", "pi_1", "charge", "ch_1"));

        invalid.forEach((param, parameters) -> {
            IdempotencyLayer.Result refused = Refunds.invalid(parameters).orElseThrow();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).as(param).contains("\"param\":\"" + param + "\"");
        });
        assertThat(Refunds.invalid(Map.of("payment_intent", "pi_1", "metadata[why]", "cancelled"))).isEmpty();
    }

    @Test
    void refundsAreListedByPaymentIntentNewestFirst() throws Exception {
        String charged = charge("order-5", "pm_card_visa");
        String other = charge("order-6", "pm_card_visa");
        String first = JSON.readTree(refunds.create(Map.of("payment_intent", charged, "amount", "1")).body()).get("id").asText();
        String second = JSON.readTree(refunds.create(Map.of("payment_intent", charged, "amount", "2")).body()).get("id").asText();
        refunds.create(Map.of("payment_intent", other));

        JsonNode list = JSON.readTree(refunds.list(Map.of("payment_intent", charged)).body());

        assertThat(list.get("object").asText()).isEqualTo("list");
        assertThat(list.get("url").asText()).isEqualTo("/v1/refunds");
        assertThat(list.get("data").findValuesAsText("id")).containsExactly(second, first);
        assertThat(JSON.readTree(refunds.list(Map.of()).body()).get("data")).hasSize(3);
    }

    @Test
    void theSummaryCountsOrdersChargedTwiceAndThoseStillChargedTwiceAfterRefunds() throws Exception {
        charge("twice-refunded", "pm_card_visa");
        String duplicate = charge("twice-refunded", "pm_card_visa");
        charge("twice-kept", "pm_card_visa");
        charge("twice-kept", "pm_card_visa");
        String cancelled = charge("once-refunded", "pm_card_visa");
        charge("once", "pm_card_visa");
        refunds.create(Map.of("payment_intent", duplicate, "reason", "duplicate"));
        refunds.create(Map.of("payment_intent", cancelled));

        Ledger.ChargeSummary summary = ledger.summary();

        assertThat(summary.chargedOrders()).isEqualTo(4);
        assertThat(summary.ordersChargedTwice()).isEqualTo(2);
        assertThat(summary.unrefundedOrders()).isEqualTo(3);
        assertThat(summary.ordersChargedTwiceUnrefunded()).isEqualTo(1);
        assertThat(summary.refunds()).isEqualTo(2);
        assertThat(ledger.unrefundedChargesForOrder("twice-refunded")).isEqualTo(1);
        assertThat(ledger.unrefundedChargesForOrder("once-refunded")).isZero();
    }

    private String charge(String orderId, String paymentMethod) throws Exception {
        processingTime.set(Duration.ofMinutes(5));
        return JSON.readTree(paymentIntents.create(confirm(orderId, paymentMethod)).body()).get("id").asText();
    }

    private static Map<String, String> confirm(String orderId, String paymentMethod) {
        return new HashMap<>(Map.of("amount", "6048", "currency", "eur", "payment_method", paymentMethod,
                "confirm", "true", "metadata[order_id]", orderId));
    }

    private static JsonNode error(IdempotencyLayer.Result result) throws Exception {
        return JSON.readTree(result.body()).get("error");
    }
}
