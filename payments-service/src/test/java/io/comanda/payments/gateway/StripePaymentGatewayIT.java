package io.comanda.payments.gateway;

import io.comanda.platform.observability.OutboundCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.comanda.events.Money;
import io.comanda.payments.domain.ChargeRequest;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.payments.domain.ProviderUnavailableException;
import io.comanda.stripe.emulator.StripeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
    void aPaymentMethodStripeDoesNotKnowIsADecline() {
        assertThat(gateway("sk_test_gateway").charge(request("pm_made_up")))
                .isEqualTo(new ChargeResult.Declined("invalid_payment_method", "The payment method does not exist."));
    }

    @Test
    void serverErrorsAndRateLimitsAreTransientAndTheNextTryCharges() {
        ChargeRequest request = request("pm_card_visa");
        StripePaymentGateway gateway = gateway("sk_test_gateway");
        emulator.faults().failNext(2);

        assertThatThrownBy(() -> gateway.charge(request)).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageStartingWith("Stripe is unavailable");
        assertThatThrownBy(() -> gateway.charge(request)).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageStartingWith("Stripe is rate limiting");

        assertThat(gateway.charge(request)).isInstanceOf(ChargeResult.Charged.class);
        assertThat(emulator.ledger().chargesForOrder(request.orderId().toString())).isEqualTo(1);
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
    void theSameOrderKeyWithAnotherAmountIsRefusedForAnOperator() {
        ChargeRequest request = request("pm_card_visa");
        StripePaymentGateway gateway = gateway("sk_test_gateway");
        gateway.charge(request);

        assertThatThrownBy(() -> gateway.charge(new ChargeRequest(request.orderId(), Money.of(1, "EUR"), "pm_card_visa")))
                .isInstanceOf(ProviderRejectedException.class)
                .hasMessageStartingWith("Stripe refused the request");
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

    private static StripePaymentGateway gateway(String secretKey) {
        return new StripePaymentGateway(config(emulator.apiBase(), secretKey, 0), OUTBOUND);
    }

    private static StripeConfig config(String apiBase, String secretKey) {
        return config(apiBase, secretKey, 0);
    }

    private static StripeConfig config(String apiBase, String secretKey, double requestsPerSecond) {
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
        };
    }
}
