package io.comanda.stripe.emulator;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The emulator, driven by Stripe's official Java SDK, behaves as Stripe does for what Comanda uses. */
class StripeEmulatorIT {

    @RegisterExtension
    static final RunningEmulator RUNNING = new RunningEmulator();
    private static final StripeEmulator emulator = RUNNING.emulator();
    private static final StripeClient stripe = RUNNING.stripe();
    private static final EmulatorCalls calls = RUNNING.calls();

    @Test
    void visaCardChargeSucceedsAndIsCounted() throws StripeException {
        String order = UUID.randomUUID().toString();

        PaymentIntent intent = charge(order, 6048, "pm_card_visa", "key-" + order);

        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmount()).isEqualTo(6048);
        assertThat(intent.getCurrency()).isEqualTo("eur");
        assertThat(intent.getMetadata()).containsEntry("order_id", order);
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
        assertThat(stripe.paymentIntents().retrieve(intent.getId()).getStatus()).isEqualTo("succeeded");
    }

    @Test
    void sameKeyAndParametersReplayTheFirstResultWithoutChargingAgain() throws StripeException {
        String order = UUID.randomUUID().toString();
        PaymentIntent first = charge(order, 1299, "pm_card_visa", "key-" + order);

        PaymentIntent again = charge(order, 1299, "pm_card_visa", "key-" + order);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
    }

    @Test
    void sameKeyWithDifferentParametersIsAnIdempotencyError() throws StripeException {
        String order = UUID.randomUUID().toString();
        charge(order, 1299, "pm_card_visa", "key-" + order);

        assertThatThrownBy(() -> charge(order, 9999, "pm_card_visa", "key-" + order))
                .isInstanceOf(IdempotencyException.class);
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
    }

    @Test
    void declinedCardsFailWithTheirDeclineCodes() {
        assertThatThrownBy(() -> charge(UUID.randomUUID().toString(), 500, "pm_card_chargeDeclined", null))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("card_declined");
                    assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
                    assertThat(e.getStatusCode()).isEqualTo(402);
                });
        assertThatThrownBy(() -> charge(UUID.randomUUID().toString(), 500, "pm_card_chargeDeclinedInsufficientFunds", null))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.getDeclineCode()).isEqualTo("insufficient_funds"));
    }

    @Test
    void offSessionACardThatNeedsAuthenticationIsDeclinedAuthenticationRequired() {
        String order = UUID.randomUUID().toString();
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(900L).setCurrency("eur").setPaymentMethod("pm_card_authenticationRequired")
                .setConfirm(true).setOffSession(true).putMetadata("order_id", order).build();

        assertThatThrownBy(() -> stripe.paymentIntents().create(params))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(402);
                    assertThat(e.getCode()).isEqualTo("authentication_required");
                    assertThat(e.getDeclineCode()).isEqualTo("authentication_required");
                    assertThat(e.getStripeError().getPaymentIntent().getStatus()).isEqualTo("requires_payment_method");
                });
        assertThat(emulator.ledger().chargesForOrder(order)).isZero();
    }

    @Test
    void aProcessingPaymentIsRetrievedUntilItSucceedsAndItsKeyReplaysTheSameIntent() throws Exception {
        String order = UUID.randomUUID().toString();
        HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.apiBase() + "/_emulator/processing"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"processingMs\": 400}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.body()).isEqualTo("{\"processingMs\":400}");

        PaymentIntent processing = charge(order, 1500, "pm_card_processing", "key-" + order);
        PaymentIntent replayed = charge(order, 1500, "pm_card_processing", "key-" + order);

        assertThat(processing.getStatus()).isEqualTo("processing");
        assertThat(replayed.getId()).isEqualTo(processing.getId());
        assertThat(emulator.ledger().chargesForOrder(order)).isZero();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(stripe.paymentIntents().retrieve(processing.getId()).getStatus()).isEqualTo("succeeded"));
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
        assertThat(emulator.ledger().summary().ordersChargedTwice()).isZero();
        emulator.processingTime().set(ProcessingTime.DEFAULT);
    }

    @Test
    void anInvalidProcessingTimeIsABadRequest() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.apiBase() + "/_emulator/processing"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"processingMs\": -5}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(emulator.processingTime().get()).isEqualTo(ProcessingTime.DEFAULT);
    }

    @Test
    void unknownPaymentMethodIsAnInvalidRequest() {
        assertThatThrownBy(() -> charge(UUID.randomUUID().toString(), 500, "pm_made_up", null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
    }

    @Test
    void anInjectedRateLimitIsNotStoredAsTheKeysResult() throws StripeException {
        String order = UUID.randomUUID().toString();
        emulator.faults().failNext(2);
        assertThatThrownBy(() -> stripe.paymentIntents().retrieve("pi_unknown")).isInstanceOf(ApiException.class);

        assertThatThrownBy(() -> charge(order, 700, "pm_card_visa", "key-" + order))
                .isInstanceOf(RateLimitException.class);

        assertThat(charge(order, 700, "pm_card_visa", "key-" + order).getStatus()).isEqualTo("succeeded");
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
    }

    @Test
    void scriptedFaultsSetOverHttpFailTheNextRequestsAndAStored500IsReplayedUntilTheKeyExpires() throws Exception {
        String order = UUID.randomUUID().toString();
        assertThat(operator("/_emulator/faults", "{\"failNext\": 2, \"transientFailureRate\": 0.1, \"seed\": 11}"))
                .startsWith("{\"latencyMs\":0,\"transientFailureRate\":0.1,\"failNext\":2,\"seed\":11,");
        emulator.faults().set(0, 0);
        emulator.faults().failNext(2);

        assertThatThrownBy(() -> charge(order, 700, "pm_card_visa", "key-" + order))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThatThrownBy(() -> charge(order, 700, "pm_card_visa", "key-" + order))
                .isInstanceOf(RateLimitException.class);
        HttpResponse<String> replayed = calls.create(order, "key-" + order);
        assertThat(replayed.statusCode()).isEqualTo(500);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(emulator.ledger().paymentIntents())
                .noneMatch(pi -> order.equals(pi.path("metadata").path("order_id").asText()));

        assertThat(operator("/_emulator/idempotency", "{\"keyTtlSeconds\": 0.2}")).isEqualTo("{\"keyTtlSeconds\":0.2}");
        await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(ApiException.class).untilAsserted(() ->
                assertThat(charge(order, 700, "pm_card_visa", "key-" + order).getStatus()).isEqualTo("succeeded"));
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
    }

    @Test
    void anExpiredKeyChargesAgainWhichIsWhyAClientMustSearchBeforeReusingAnOldKey() throws StripeException {
        String order = UUID.randomUUID().toString();
        emulator.idempotencyKeyTtl(Duration.ZERO);

        PaymentIntent first = charge(order, 700, "pm_card_visa", "key-" + order);
        PaymentIntent second = charge(order, 700, "pm_card_visa", "key-" + order);

        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(2);
    }

    @Test
    void searchingPaymentIntentsByOrderMetadataWithTheSdkFindsTheOrdersCharge() throws StripeException {
        String order = UUID.randomUUID().toString();
        PaymentIntent charged = charge(order, 700, "pm_card_visa", "key-" + order);

        StripeSearchResult<PaymentIntent> found = stripe.paymentIntents().search(PaymentIntentSearchParams.builder()
                .setQuery("metadata['order_id']:'" + order + "'").build());
        StripeSearchResult<PaymentIntent> none = stripe.paymentIntents().search(PaymentIntentSearchParams.builder()
                .setQuery("metadata['order_id']:'" + UUID.randomUUID() + "'").build());

        assertThat(found.getData()).extracting(PaymentIntent::getId).containsExactly(charged.getId());
        assertThat(found.getData().get(0).getStatus()).isEqualTo("succeeded");
        assertThat(found.getHasMore()).isFalse();
        assertThat(none.getData()).isEmpty();
    }

    private static String operator(String path, String json) {
        HttpResponse<String> response = calls.postJson(path, json);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static PaymentIntent charge(String orderId, long amount, String paymentMethod, String idempotencyKey)
            throws StripeException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount).setCurrency("eur").setPaymentMethod(paymentMethod).setConfirm(true)
                .putMetadata("order_id", orderId).build();
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder();
        if (idempotencyKey != null) {
            options.setIdempotencyKey(idempotencyKey);
        }
        return stripe.paymentIntents().create(params, options.build());
    }
}
