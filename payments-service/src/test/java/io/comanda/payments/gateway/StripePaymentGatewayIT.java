package io.comanda.payments.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.comanda.platform.observability.OutboundCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.comanda.events.Money;
import io.comanda.payments.domain.ChargeAttempt;
import io.comanda.payments.domain.ChargeRequest;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.ChargeUnresolvedException;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.payments.domain.ProviderUnavailableException;
import io.comanda.stripe.emulator.ProcessingTime;
import io.comanda.stripe.emulator.StripeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the gateway classifies Stripe's answers, driven through the official SDK against the Stripe
 * emulator on loopback (no Quarkus): a decline is a result, a transient failure is retryable, a refused
 * request is for an operator.
 */
class StripePaymentGatewayIT {

    /** Calls as the service makes them, without a trace store or a metrics endpoint behind them. */
    private static final OutboundCalls OUTBOUND = new OutboundCalls(
            io.opentelemetry.api.OpenTelemetry.noop().getTracer("test"), new SimpleMeterRegistry());

    private static final Instant SINCE_A_MINUTE = Instant.now().minus(Duration.ofMinutes(1));

    private static StripeEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = StripeEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void noFaults() {
        emulator.faults().set(0, 0);
        emulator.processingTime().set(ProcessingTime.DEFAULT);
    }

    @Test
    void aSucceededChargeIsChargedWithThePaymentIntentId() {
        ChargeRequest request = request("pm_card_visa");

        ChargeResult result = gateway("sk_test_gateway").charge(request);

        assertThat(result).isInstanceOfSatisfying(ChargeResult.Charged.class,
                charged -> assertThat(charged.providerReference()).startsWith("pi_"));
        assertThat(emulator.ledger().chargesForOrder(request.orderId().toString())).isEqualTo(1);
    }

    @Test
    void chargingTheSameOrderTwiceIsOneChargeAtStripe() {
        ChargeRequest request = request("pm_card_visa");
        StripePaymentGateway gateway = gateway("sk_test_gateway");

        ChargeResult first = gateway.charge(request);
        ChargeResult second = gateway.charge(request);

        assertThat(second).isEqualTo(first);
        assertThat(emulator.ledger().chargesForOrder(request.orderId().toString())).isEqualTo(1);
    }

    @Test
    void aDeclinedCardIsADeclinedResultWithItsCodeNotAnError() {
        assertThat(gateway("sk_test_gateway").charge(request("pm_card_chargeDeclinedInsufficientFunds")))
                .isEqualTo(new ChargeResult.Declined("insufficient_funds", "Your card has insufficient funds."));
        assertThat(gateway("sk_test_gateway").charge(request("pm_card_chargeDeclined")))
                .isEqualTo(new ChargeResult.Declined("generic_decline", "Your card was declined."));
    }

    @Test
    void aCardThatNeedsAuthenticationIsDeclinedAuthenticationRequiredBecauseTheChargeIsOffSession() {
        ChargeRequest request = request("pm_card_authenticationRequired");

        assertThat(gateway("sk_test_gateway").charge(request)).isEqualTo(new ChargeResult.Declined(
                "authentication_required", "Your card was declined. This transaction requires authentication."));
        assertThat(intentsFor(request)).hasSize(1);
        assertThat(emulator.ledger().chargesForOrder(request.orderId().toString())).isZero();
    }

    @Test
    void aProcessingPaymentIsRetrievedUntilItSucceedsAndIsOneCharge() {
        emulator.processingTime().set(Duration.ofMillis(400));
        ChargeRequest request = request("pm_card_processing");

        ChargeResult result = gateway("sk_test_gateway").charge(request);

        assertThat(intentsFor(request)).singleElement().satisfies(intent -> {
            assertThat(intent.path("status").asText()).isEqualTo("succeeded");
            assertThat(result).isEqualTo(new ChargeResult.Charged(intent.path("id").asText()));
        });
    }

    @Test
    void aPaymentStillProcessingPastThePollsTimeoutIsUnresolvedAndTheRetryFindsTheSameIntent() {
        emulator.processingTime().set(Duration.ofMillis(1500));
        ChargeRequest request = request("pm_card_processing");

        assertThatThrownBy(() -> gateway("sk_test_gateway", Duration.ofMillis(300)).charge(request))
                .isInstanceOf(ChargeUnresolvedException.class).hasMessageContaining("still processing");
        ChargeResult retried = gateway("sk_test_gateway", Duration.ofSeconds(10)).charge(request);

        assertThat(intentsFor(request)).singleElement().satisfies(intent ->
                assertThat(retried).isEqualTo(new ChargeResult.Charged(intent.path("id").asText())));
        assertThat(emulator.ledger().chargesForOrder(request.orderId().toString())).isEqualTo(1);
    }

    @Test
    void aPaymentMethodStripeDoesNotKnowIsADecline() {
        assertThat(gateway("sk_test_gateway").charge(request("pm_made_up")))
                .isEqualTo(new ChargeResult.Declined("invalid_payment_method", "The payment method does not exist."));
    }

    @Test
    void aServerErrorIsStoredForTheKeyWhichCannotTellARateLimitIsTransientAndTheNextGenerationCharges() {
        ChargeRequest request = request("pm_card_visa");
        StripePaymentGateway gateway = gateway("sk_test_gateway");
        emulator.faults().failNext(2);

        assertThatThrownBy(() -> gateway.charge(request)).isInstanceOf(ChargeUnresolvedException.class)
                .hasMessageStartingWith("Stripe failed once the request ran");
        assertThatThrownBy(() -> gateway.charge(request)).isInstanceOf(ProviderUnavailableException.class)
                .isNotInstanceOf(ChargeUnresolvedException.class)
                .hasMessageStartingWith("Stripe is rate limiting");
        assertThatThrownBy(() -> gateway.charge(request)).as("the stored 500, replayed")
                .isInstanceOf(ChargeUnresolvedException.class);

        assertThat(gateway.lookUp(request.orderId(), SINCE_A_MINUTE)).isEmpty();
        ChargeResult charged = gateway.charge(new ChargeRequest(request.orderId(), request.amount(),
                request.paymentMethod(), request.idempotencyKey() + "/2"));
        assertThat(charged).isInstanceOf(ChargeResult.Charged.class);
        assertThat(gateway.lookUp(request.orderId(), SINCE_A_MINUTE)).contains(charged);
        assertThat(emulator.ledger().chargesForOrder(request.orderId().toString())).isEqualTo(1);
    }

    @Test
    void lookingAnOrderUpAdoptsItsChargeOverAnEarlierDeclineAndPollsOneStillProcessing() {
        ChargeRequest declined = request("pm_card_chargeDeclined");
        StripePaymentGateway gateway = gateway("sk_test_gateway");
        gateway.charge(declined);
        assertThat(gateway.lookUp(declined.orderId(), SINCE_A_MINUTE))
                .contains(new ChargeResult.Declined("generic_decline", "Your card was declined."));
        ChargeResult charged = gateway.charge(new ChargeRequest(declined.orderId(), declined.amount(), "pm_card_visa",
                declined.idempotencyKey() + "/2"));
        assertThat(gateway.lookUp(declined.orderId(), SINCE_A_MINUTE)).contains(charged);

        emulator.processingTime().set(Duration.ofMillis(1500));
        ChargeRequest processing = request("pm_card_processing");
        assertThatThrownBy(() -> gateway("sk_test_gateway", Duration.ofMillis(300)).charge(processing))
                .isInstanceOf(ChargeUnresolvedException.class).hasMessageContaining("still processing");
        assertThat(gateway("sk_test_gateway", Duration.ofSeconds(10)).lookUp(processing.orderId(), SINCE_A_MINUTE))
                .hasValueSatisfying(result -> assertThat(result).isInstanceOf(ChargeResult.Charged.class));
        assertThat(emulator.ledger().chargesForOrder(processing.orderId().toString())).isEqualTo(1);
    }

    @Test
    void anUnreachableStripeIsTransient() {
        StripeEmulator stopped = StripeEmulator.start(0);
        String apiBase = stopped.apiBase();
        stopped.close();

        assertThatThrownBy(() -> new StripePaymentGateway(config(apiBase, "sk_test_gateway"), OUTBOUND).charge(request("pm_card_visa")))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void theSameOrderKeyWithAnotherAmountLeavesTheKeyUnableToTell() {
        ChargeRequest request = request("pm_card_visa");
        StripePaymentGateway gateway = gateway("sk_test_gateway");
        gateway.charge(request);

        assertThatThrownBy(() -> gateway.charge(new ChargeRequest(request.orderId(), Money.of(1, "EUR"), "pm_card_visa")))
                .isInstanceOfSatisfying(ChargeUnresolvedException.class,
                        e -> assertThat(e.why()).isEqualTo(ChargeAttempt.Unresolved.KEY_CANNOT_TELL));
    }

    @Test
    void aMissingApiKeyMakesStripeUnusableUntilAnOperatorSetsOne() {
        assertThatThrownBy(() -> gateway(" ").charge(request("pm_card_visa")))
                .isInstanceOf(io.comanda.platform.messaging.DependencyUnusableException.class)
                .hasMessageContaining("stripe: Stripe refuses our secret key: Your API key is invalid");
    }

    @Test
    void theClientSideRateLimitSpacesRequestsEvenWhenTheyAreSentAtOnce() throws Exception {
        StripePaymentGateway limited = new StripePaymentGateway(config(emulator.apiBase(), "sk_test_limited", 20), OUTBOUND);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            long start = System.nanoTime();
            List<Future<ChargeResult>> charges = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                charges.add(callers.submit(() -> limited.charge(request("pm_card_visa"))));
            }
            for (Future<ChargeResult> charge : charges) {
                assertThat(charge.get(30, TimeUnit.SECONDS)).isInstanceOf(ChargeResult.Charged.class);
            }
            // 11 requests at 20 a second: the last takes its slot 10 intervals of 50 ms after the first.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        } finally {
            callers.shutdownNow();
        }
    }

    private static ChargeRequest request(String paymentMethod) {
        return new ChargeRequest(UUID.randomUUID(), Money.of(2598, "EUR"), paymentMethod);
    }

    /** The PaymentIntents the emulator holds for the request's order, whatever their status. */
    private static List<ObjectNode> intentsFor(ChargeRequest request) {
        return emulator.ledger().paymentIntents().stream()
                .filter(intent -> request.orderId().toString().equals(intent.path("metadata").path("order_id").asText()))
                .toList();
    }

    private static StripePaymentGateway gateway(String secretKey) {
        return new StripePaymentGateway(config(emulator.apiBase(), secretKey, 0), OUTBOUND);
    }

    private static StripePaymentGateway gateway(String secretKey, Duration processingPollTimeout) {
        return new StripePaymentGateway(config(emulator.apiBase(), secretKey, 0, processingPollTimeout), OUTBOUND);
    }

    private static StripeConfig config(String apiBase, String secretKey) {
        return config(apiBase, secretKey, 0);
    }

    private static StripeConfig config(String apiBase, String secretKey, double requestsPerSecond) {
        return config(apiBase, secretKey, requestsPerSecond, Duration.ofSeconds(10));
    }

    private static StripeConfig config(String apiBase, String secretKey, double requestsPerSecond,
                                       Duration processingPollTimeout) {
        return new StripeConfig() {
            @Override
            public String apiBase() {
                return apiBase;
            }

            @Override
            public String secretKey() {
                return secretKey;
            }

            @Override
            public int maxNetworkRetries() {
                return 0;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public double maxRequestsPerSecond() {
                return requestsPerSecond;
            }

            @Override
            public ProcessingPoll processingPoll() {
                return new ProcessingPoll() {
                    @Override
                    public Duration firstDelay() {
                        return Duration.ofMillis(50);
                    }

                    @Override
                    public Duration maxDelay() {
                        return Duration.ofMillis(200);
                    }

                    @Override
                    public Duration timeout() {
                        return processingPollTimeout;
                    }
                };
            }
        };
    }
}
