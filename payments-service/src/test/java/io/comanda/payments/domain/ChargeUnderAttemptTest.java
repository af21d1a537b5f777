package io.comanda.payments.domain;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which calls charging one order makes, for each state of its charge attempt, against a scripted provider. */
class ChargeUnderAttemptTest {

    private final ScriptedProvider provider = new ScriptedProvider();
    private final ChargeUnderAttempt charges = new ChargeUnderAttempt(provider, ChargeAttemptTest.WINDOWS);
    private final OrderPlaced order = new OrderPlaced(UUID.randomUUID(), "customer-1",
            List.of(new LineItem("ESPRESSO-250G", 1, Money.of(1299, "EUR"))), Money.of(1299, "EUR"), "pm_card_visa",
            Instant.now());
    private final String key = "comanda-order-" + order.orderId();

    @Test
    void theUsualPathIsOneChargeUnderTheOrdersKeyAndChangesNothingInTheAttempt() {
        ChargeAttempt attempt = ChargeAttempt.first(order.orderId(), Instant.now());

        AttemptedCharge outcome = charges.charge(order, attempt);

        assertThat(outcome.result()).isEqualTo(new ChargeResult.Charged("pi_" + key));
        assertThat(outcome.attempt()).isSameAs(attempt);
        assertThat(provider.calls).containsExactly("charge " + key);
    }

    @Test
    void aServerErrorMarksTheAttemptIndeterminateAndARateLimitLeavesItAsItWas() {
        ChargeAttempt attempt = ChargeAttempt.first(order.orderId(), Instant.now());
        provider.failure = new ProviderOutcomeUnknownException("500", null);
        AttemptedCharge failed = charges.charge(order, attempt);
        provider.failure = new ProviderUnavailableException("429", null);
        AttemptedCharge limited = charges.charge(order, attempt);

        assertThat(failed.failure()).isInstanceOf(ProviderOutcomeUnknownException.class);
        assertThat(failed.attempt().indeterminateSince()).isNotNull();
        assertThat(failed.attempt().idempotencyKey()).isEqualTo(key);
        assertThat(limited.attempt()).isSameAs(attempt);
    }

    @Test
    void aKeyPastTheWindowAdoptsThePaymentIntentTheSearchFindsWithoutCharging() {
        ChargeAttempt old = ChargeAttempt.first(order.orderId(), Instant.now().minus(Duration.ofDays(2)));
        provider.found = Optional.of(new ChargeResult.Charged("pi_earlier"));

        AttemptedCharge outcome = charges.charge(order, old);

        assertThat(outcome.result()).isEqualTo(new ChargeResult.Charged("pi_earlier"));
        assertThat(provider.calls).containsExactly("search " + order.orderId());
    }

    @Test
    void anIndeterminateAnswerOldEnoughForTheSearchWithNothingFoundChargesUnderTheNextGeneration() {
        ChargeAttempt failed = ChargeAttempt.first(order.orderId(), Instant.now().minusSeconds(120))
                .indeterminate(Instant.now().minusSeconds(119));

        AttemptedCharge outcome = charges.charge(order, failed);

        assertThat(provider.calls).containsExactly("search " + order.orderId(), "charge " + key + "/2");
        assertThat(outcome.result()).isEqualTo(new ChargeResult.Charged("pi_" + key + "/2"));
        assertThat(outcome.attempt().idempotencyKey()).isEqualTo(key + "/2");
        assertThat(outcome.attempt().indeterminateSince()).isNull();
    }

    @Test
    void aFreshIndeterminateAnswerIsRetriedUnderTheSameKeyAndAFailedSearchChangesNothing() {
        ChargeAttempt fresh = ChargeAttempt.first(order.orderId(), Instant.now()).indeterminate(Instant.now());
        provider.failure = new ProviderOutcomeUnknownException("500 replayed", null);
        AttemptedCharge retried = charges.charge(order, fresh);

        ChargeAttempt searchable = ChargeAttempt.first(order.orderId(), Instant.now().minusSeconds(120))
                .indeterminate(Instant.now().minusSeconds(119));
        provider.searchFailure = new ProviderUnavailableException("search 500", null);
        AttemptedCharge searchFailed = charges.charge(order, searchable);

        assertThat(provider.calls).containsExactly("charge " + key, "search " + order.orderId());
        assertThat(retried.attempt()).isSameAs(fresh);
        assertThat(searchFailed.failure()).hasMessage("search 500");
        assertThat(searchFailed.attempt()).isSameAs(searchable);
    }

    /** A provider that answers what the test scripts and notes each call. */
    private static final class ScriptedProvider implements PaymentGateway {

        final List<String> calls = new ArrayList<>();
        RuntimeException failure;
        RuntimeException searchFailure;
        Optional<ChargeResult> found = Optional.empty();

        @Override
        public ChargeResult charge(ChargeRequest request) {
            calls.add("charge " + request.idempotencyKey());
            if (failure != null) {
                throw failure;
            }
            return new ChargeResult.Charged("pi_" + request.idempotencyKey());
        }

        @Override
        public Optional<ChargeResult> findByOrder(UUID orderId) {
            calls.add("search " + orderId);
            if (searchFailure != null) {
                throw searchFailure;
            }
            return found;
        }
    }
}
