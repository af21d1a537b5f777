package io.comanda.payments.domain;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.payments.domain.ChargeAttempt.Unresolved;
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
        ChargeAttempt attempt = ChargeAttempt.first(order.orderId(), order.occurredAt());

        AttemptedCharge outcome = charges.charge(order, attempt);

        assertThat(outcome.result()).isEqualTo(new ChargeResult.Charged("pi_" + key));
        assertThat(outcome.attempt()).isSameAs(attempt);
        assertThat(provider.calls).containsExactly("charge " + key);
    }

    @Test
    void aStored500LeavesTheKeyUnableToTellATimeoutAwaitsAnAnswerAndARateLimitChangesNothing() {
        ChargeAttempt attempt = ChargeAttempt.first(order.orderId(), order.occurredAt());
        provider.failure = new ChargeUnresolvedException(Unresolved.KEY_CANNOT_TELL, "500", null);
        AttemptedCharge stored500 = charges.charge(order, attempt);
        provider.failure = new ChargeUnresolvedException(Unresolved.AWAITING_ANSWER, "read timed out", null);
        AttemptedCharge timedOut = charges.charge(order, attempt);
        provider.failure = new ProviderUnavailableException("429", null);
        AttemptedCharge limited = charges.charge(order, attempt);

        assertThat(stored500.attempt().unresolved()).isEqualTo(Unresolved.KEY_CANNOT_TELL);
        assertThat(stored500.attempt().idempotencyKey()).isEqualTo(key);
        assertThat(timedOut.attempt().unresolved()).isEqualTo(Unresolved.AWAITING_ANSWER);
        assertThat(limited.attempt()).isSameAs(attempt);
    }

    @Test
    void aChargeAwaitingItsAnswerIsAskedAgainUnderTheSameKeyNeverANewOne() {
        ChargeAttempt timedOut = ChargeAttempt.first(order.orderId(), order.occurredAt())
                .unresolved(Unresolved.AWAITING_ANSWER, Instant.now());
        provider.failure = new ChargeUnresolvedException(Unresolved.AWAITING_ANSWER, "409 in flight", null);
        AttemptedCharge stillRunning = charges.charge(order, timedOut);
        provider.failure = null;
        AttemptedCharge answered = charges.charge(order, stillRunning.attempt());

        assertThat(provider.calls).containsExactly("charge " + key, "charge " + key);
        assertThat(answered.result()).isEqualTo(new ChargeResult.Charged("pi_" + key));
        assertThat(answered.attempt().unresolved()).isNull();
    }

    @Test
    void aKeyThatCannotTellAdoptsTheChargeTheListingFindsWithoutCharging() {
        ChargeAttempt stored500 = ChargeAttempt.first(order.orderId(), order.occurredAt())
                .unresolved(Unresolved.KEY_CANNOT_TELL, Instant.now());
        provider.found = Optional.of(new ChargeResult.Charged("pi_executed_then_500"));

        AttemptedCharge outcome = charges.charge(order, stored500);

        assertThat(outcome.result()).isEqualTo(new ChargeResult.Charged("pi_executed_then_500"));
        assertThat(outcome.attempt().unresolved()).isNull();
        // Since the order was placed, less the clocks' skew: seconds of the account's charges as a rule.
        assertThat(provider.calls).containsExactly("list since " + stored500.keyFirstUsedAt().minus(Duration.ofSeconds(5)));
    }

    @Test
    void aKeyPastItsWindowWithNothingListedChargesUnderTheNextGeneration() {
        ChargeAttempt old = ChargeAttempt.first(order.orderId(), Instant.now().minus(Duration.ofDays(2)));

        AttemptedCharge outcome = charges.charge(order, old);

        assertThat(provider.calls).hasSize(2).last().isEqualTo("charge " + key + "/2");
        assertThat(outcome.result()).isEqualTo(new ChargeResult.Charged("pi_" + key + "/2"));
        assertThat(outcome.attempt().idempotencyKey()).isEqualTo(key + "/2");
    }

    @Test
    void aFailedLookUpChangesNothingAndACancelledOrderIsNeverChargedAnew() {
        ChargeAttempt stored500 = ChargeAttempt.first(order.orderId(), order.occurredAt())
                .unresolved(Unresolved.KEY_CANNOT_TELL, Instant.now());
        provider.listFailure = new ProviderUnavailableException("list 500", null);
        AttemptedCharge listFailed = charges.charge(order, stored500);
        provider.listFailure = null;
        AttemptedCharge cancelled = charges.charge(order, stored500, false);

        assertThat(listFailed.failure()).hasMessage("list 500");
        assertThat(listFailed.attempt()).isSameAs(stored500);
        assertThat(cancelled.failure()).isNull();
        assertThat(cancelled.result()).isNull();
        assertThat(cancelled.attempt().unresolved()).isNull();
        assertThat(provider.calls).noneMatch(call -> call.startsWith("charge"));
    }

    @Test
    void aChargeTheListingFindsStillProcessingStaysUnresolvedNeverDroppedNorChargedAgain() {
        ChargeAttempt stored500 = ChargeAttempt.first(order.orderId(), order.occurredAt())
                .unresolved(Unresolved.KEY_CANNOT_TELL, Instant.now());
        provider.listFailure = new ChargeUnresolvedException(Unresolved.AWAITING_ANSWER, "still processing", null);

        AttemptedCharge outcome = charges.charge(order, stored500);

        assertThat(outcome.failure()).isInstanceOf(ChargeUnresolvedException.class);
        assertThat(outcome.attempt().isUnresolved()).isTrue();
        assertThat(provider.calls).noneMatch(call -> call.startsWith("charge"));
    }

    /** A provider that answers what the test scripts and notes each call. */
    static final class ScriptedProvider implements PaymentGateway {

        final List<String> calls = new ArrayList<>();
        RuntimeException failure;
        RuntimeException listFailure;
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
        public Optional<ChargeResult> lookUp(UUID orderId, Instant createdFrom) {
            calls.add("list since " + createdFrom);
            if (listFailure != null) {
                throw listFailure;
            }
            return found;
        }

        @Override
        public String refund(UUID orderId, String providerReference) {
            calls.add("refund " + providerReference);
            return "re_" + providerReference;
        }
    }
}
