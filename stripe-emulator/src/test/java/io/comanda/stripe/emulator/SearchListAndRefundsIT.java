package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Through the SDK: search lags behind creates, the list does not, refunds give money back once. */
class SearchListAndRefundsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningEmulator RUNNING = new RunningEmulator();
    private static final StripeClient stripe = RUNNING.stripe();
    private static final EmulatorCalls calls = RUNNING.calls();

    @Test
    void searchFindsAPaymentIntentOnlyOnceTheSearchLagHasPassedWhileTheListHasItAtOnce() throws Exception {
        assertThat(calls.postJson("/_emulator/faults", "{\"searchLagMs\": 800}").statusCode()).isEqualTo(200);
        String order = UUID.randomUUID().toString();
        String customer = "cus_" + order;

        PaymentIntent charged = charge(order, customer, "pm_card_visa", 700);

        assertThat(search(order)).isEmpty();
        assertThat(stripe.paymentIntents().list(PaymentIntentListParams.builder().setCustomer(customer).build()).getData())
                .extracting(PaymentIntent::getId).containsExactly(charged.getId());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(search(order)).extracting(PaymentIntent::getId).containsExactly(charged.getId()));
    }

    @Test
    void theListFiltersByCustomerAndCreationTimeAndPagesNewestFirst() throws Exception {
        String customer = "cus_" + UUID.randomUUID();
        long start = System.currentTimeMillis() / 1000;
        String oldest = charge(UUID.randomUUID().toString(), customer, "pm_card_visa", 100).getId();
        String middle = charge(UUID.randomUUID().toString(), customer, "pm_card_chargeDeclined", 200).getId();
        String newest = charge(UUID.randomUUID().toString(), customer, "pm_card_visa", 300).getId();
        charge(UUID.randomUUID().toString(), "cus_someone_else", "pm_card_visa", 400);

        StripeCollection<PaymentIntent> firstPage = list(customer, start, 2, null);
        StripeCollection<PaymentIntent> secondPage = list(customer, start, 2, firstPage.getData().get(1).getId());

        assertThat(firstPage.getData()).extracting(PaymentIntent::getId).containsExactly(newest, middle);
        assertThat(firstPage.getHasMore()).isTrue();
        assertThat(secondPage.getData()).extracting(PaymentIntent::getId).containsExactly(oldest);
        assertThat(secondPage.getHasMore()).isFalse();
        assertThat(firstPage.getData().get(1).getStatus()).isEqualTo("requires_payment_method");
        assertThat(list(customer, start + 3600, 10, null).getData()).isEmpty();
        assertThatThrownBy(() -> list(customer, start, 101, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getParam()).isEqualTo("limit"));
    }

    @Test
    void aFullRefundIsReplayedForItsKeyAndASecondRefundIsRefused() throws Exception {
        String order = UUID.randomUUID().toString();
        PaymentIntent charged = charge(order, null, "pm_card_visa", 6048);
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(charged.getId())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).putMetadata("order_id", order).build();
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("refund-" + order).build();

        Refund refund = stripe.refunds().create(params, key);
        Refund replayed = stripe.refunds().create(params, key);

        assertThat(refund.getAmount()).isEqualTo(6048);
        assertThat(refund.getStatus()).isEqualTo("succeeded");
        assertThat(refund.getPaymentIntent()).isEqualTo(charged.getId());
        assertThat(replayed.getId()).isEqualTo(refund.getId());
        assertThatThrownBy(() -> stripe.refunds().create(params, RequestOptions.builder().setIdempotencyKey("again-" + order).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
        assertThat(stripe.refunds().list(RefundListParams.builder().setPaymentIntent(charged.getId()).build()).getData())
                .extracting(Refund::getId).containsExactly(refund.getId());
        assertThat(JSON.readTree(calls.get("/_emulator/charges?order_id=" + order).body()).toString())
                .isEqualTo("{\"orderId\":\"" + order + "\",\"charges\":1,\"unrefunded\":0,\"refunds\":1}");
    }

    @Test
    void aPaymentIntentThatTookNoMoneyIsNotRefundable() throws Exception {
        String order = UUID.randomUUID().toString();
        PaymentIntent waiting = charge(order, null, "pm_card_authenticationRequired", 900);

        assertThatThrownBy(() -> stripe.refunds().create(RefundCreateParams.builder().setPaymentIntent(waiting.getId()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("charge_not_refundable");
                    assertThat(e.getStatusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> stripe.refunds().create(RefundCreateParams.builder().setPaymentIntent("pi_unknown").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
    }

    @Test
    void theSummaryCountsOrdersStillChargedTwiceAfterRefunds() throws Exception {
        JsonNode before = JSON.readTree(calls.get("/_emulator/summary").body());
        String refundedTwice = UUID.randomUUID().toString();
        String keptTwice = UUID.randomUUID().toString();
        charge(refundedTwice, null, "pm_card_visa", 500);
        PaymentIntent duplicate = charge(refundedTwice, null, "pm_card_visa", 500);
        charge(keptTwice, null, "pm_card_visa", 500);
        charge(keptTwice, null, "pm_card_visa", 500);

        stripe.refunds().create(RefundCreateParams.builder().setPaymentIntent(duplicate.getId()).build());

        JsonNode after = JSON.readTree(calls.get("/_emulator/summary").body());
        assertThat(delta(before, after, "ordersChargedTwice")).isEqualTo(2);
        assertThat(delta(before, after, "ordersChargedTwiceUnrefunded")).isEqualTo(1);
        assertThat(delta(before, after, "unrefundedOrders")).isEqualTo(2);
        assertThat(delta(before, after, "refunds")).isEqualTo(1);
        assertThat(after.has("chargedOrders") && after.has("paymentIntents") && after.has("replays")).isTrue();
        assertThat(RUNNING.emulator().ledger().unrefundedChargesForOrder(refundedTwice)).isEqualTo(1);
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.get(field).asLong() - before.get(field).asLong();
    }

    private static List<PaymentIntent> search(String order) throws StripeException {
        return stripe.paymentIntents().search(PaymentIntentSearchParams.builder()
                .setQuery("metadata['order_id']:'" + order + "'").build()).getData();
    }

    private static StripeCollection<PaymentIntent> list(String customer, long createdFrom, long limit, String startingAfter)
            throws StripeException {
        return stripe.paymentIntents().list(PaymentIntentListParams.builder().setCustomer(customer).setLimit(limit)
                .setCreated(PaymentIntentListParams.Created.builder().setGte(createdFrom).build())
                .setStartingAfter(startingAfter).build());
    }

    /** A confirmed payment; a declined one is still a PaymentIntent, returned from the card error. */
    private static PaymentIntent charge(String orderId, String customer, String paymentMethod, long amount)
            throws StripeException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("eur")
                .setPaymentMethod(paymentMethod).setConfirm(true).setCustomer(customer)
                .putMetadata("order_id", orderId).build();
        try {
            return stripe.paymentIntents().create(params);
        } catch (CardException declined) {
            return declined.getStripeError().getPaymentIntent();
        }
    }
}
