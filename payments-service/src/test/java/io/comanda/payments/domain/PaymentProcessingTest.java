package io.comanda.payments.domain;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.payments.domain.PaymentStore.RecordedPayment;
import io.comanda.platform.inbox.DuplicateDeliveries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What paying a batch does, through the domain's ports only: in-memory stores and a scripted provider. */
class PaymentProcessingTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final InMemoryPayments payments = new InMemoryPayments();
    private final InMemoryChargeAttempts attempts = new InMemoryChargeAttempts();
    private final ScriptedProvider provider = new ScriptedProvider();
    private final PaymentProcessing processing = new PaymentProcessing(
            new ParallelCharges(new ChargeUnderAttempt(provider, ChargeAttemptTest.WINDOWS), TestConfig.TWO_AT_A_TIME),
            attempts, payments, new DuplicateDeliveries(metrics), TestConfig.TWO_AT_A_TIME);

    @Test
    void eachOrderOfABatchIsChargedOnceAndRecordedWithTheDeliveryThatAskedForIt() {
        OrderPlaced espresso = order("pm_card_visa");
        Delivery first = new Delivery(UUID.randomUUID(), espresso);
        Delivery again = new Delivery(UUID.randomUUID(), espresso);
        Delivery other = new Delivery(UUID.randomUUID(), order("pm_card_visa"));

        PaymentBatchResult result = processing.pay(List.of(first, again, other)).await().indefinitely();

        assertThat(result.refused()).isEmpty();
        assertThat(result.retryable()).isEmpty();
        // Charged two at a time: each once, in whichever order the provider answers.
        assertThat(provider.charged).containsExactlyInAnyOrder(espresso.orderId(), other.order().orderId());
        assertThat(payments.recorded).extracting(RecordedPayment::delivery).containsExactlyInAnyOrder(first, other);
        assertThat(payments.recorded).extracting(recorded -> recorded.payment().status())
                .containsOnly(PaymentStatus.SUCCEEDED);
    }

    @Test
    void aRefusedChargeIsHandedBackForTheDeadLetterAndAFailedOneForARetryNeitherRecorded() {
        Delivery refused = new Delivery(UUID.randomUUID(), order("pm_refused"));
        Delivery down = new Delivery(UUID.randomUUID(), order("pm_down"));
        Delivery paid = new Delivery(UUID.randomUUID(), order("pm_card_visa"));

        PaymentBatchResult result = processing.pay(List.of(refused, down, paid)).await().indefinitely();

        assertThat(result.refused()).extracting(UnpaidOrder::delivery).containsExactly(refused);
        assertThat(result.refused().get(0).reason()).isInstanceOf(ProviderRejectedException.class);
        assertThat(result.retryable()).extracting(UnpaidOrder::delivery).containsExactly(down);
        assertThat(result.retryable().get(0).reason()).isInstanceOf(ProviderUnavailableException.class);
        assertThat(payments.recorded).extracting(RecordedPayment::delivery).containsExactly(paid);
    }

    @Test
    void aDeliveryAlreadySettledIsNeitherChargedNorRecordedButCountedAsADuplicate() {
        Delivery seen = new Delivery(UUID.randomUUID(), order("pm_card_visa"));
        Delivery paidEarlier = new Delivery(UUID.randomUUID(), order("pm_card_visa"));
        Delivery cancelled = new Delivery(UUID.randomUUID(), order("pm_card_visa"));
        payments.settled = new AlreadySettled(Set.of(seen.eventId()), Set.of(paidEarlier.order().orderId()),
                Set.of(cancelled.order().orderId()));

        PaymentBatchResult result = processing.pay(List.of(seen, paidEarlier, cancelled)).await().indefinitely();

        assertThat(result.refused()).isEmpty();
        assertThat(result.retryable()).isEmpty();
        assertThat(provider.charged).isEmpty();
        assertThat(payments.recorded).isEmpty();
        assertThat(metrics.counter(DuplicateDeliveries.METRIC, "consumer", PaymentProcessing.CONSUMER).count())
                .isEqualTo(3);
    }

    @Test
    void anAmbiguousChargeIsNotedWithItsDeliveryForTheBackgroundAndHoldsNothingBack() {
        Delivery ambiguous = new Delivery(UUID.randomUUID(), order("pm_ambiguous"));
        Delivery behind = new Delivery(UUID.randomUUID(), order("pm_card_visa"));

        PaymentBatchResult result = processing.pay(List.of(ambiguous, behind)).await().indefinitely();

        assertThat(result.refused()).isEmpty();
        assertThat(result.retryable()).isEmpty();
        assertThat(payments.recorded).extracting(RecordedPayment::delivery).containsExactly(behind);
        assertThat(attempts.noted).singleElement().satisfies(noted -> {
            assertThat(noted.orderId()).isEqualTo(ambiguous.order().orderId());
            assertThat(noted.unresolved()).isEqualTo(ChargeAttempt.Unresolved.KEY_CANNOT_TELL);
        });
        assertThat(attempts.deliveries).containsEntry(ambiguous.order().orderId(), ambiguous);
    }

    @Test
    void aRedeliveredOrderWhoseChargeIsUnresolvedIsLeftToItsBackgroundResolution() {
        Delivery redelivered = new Delivery(UUID.randomUUID(), order("pm_card_visa"));
        attempts.earlier.put(redelivered.order().orderId(), ChargeAttempt.first(redelivered.order().orderId(),
                redelivered.order().occurredAt()).unresolved(ChargeAttempt.Unresolved.AWAITING_ANSWER, Instant.now()));

        PaymentBatchResult result = processing.pay(List.of(redelivered)).await().indefinitely();

        assertThat(result.retryable()).isEmpty();
        assertThat(provider.charged).isEmpty();
        assertThat(payments.recorded).isEmpty();
    }

    private static OrderPlaced order(String paymentMethod) {
        return new OrderPlaced(UUID.randomUUID(), "customer-1",
                List.of(new LineItem("ESPRESSO-250G", 1, Money.of(1299, "EUR"))), Money.of(1299, "EUR"),
                paymentMethod, Instant.now());
    }

    private record Delivery(UUID eventId, OrderPlaced order) implements PlacedOrderDelivery {

        @Override
        public <T> T within(Supplier<T> work) {
            return work.get();
        }
    }

    private static final class InMemoryPayments implements PaymentStore {

        AlreadySettled settled = new AlreadySettled(Set.of(), Set.of(), Set.of());
        final List<RecordedPayment> recorded = new ArrayList<>();

        @Override
        public Uni<AlreadySettled> settled(String consumer, List<UUID> eventIds, List<UUID> orderIds) {
            return Uni.createFrom().item(settled);
        }

        @Override
        public Uni<Void> record(String consumer, List<RecordedPayment> payments) {
            recorded.addAll(payments);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<List<ChargedPayment>> cancel(List<UUID> orderIds) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<List<ChargedPayment>> chargedNotRefunded(List<UUID> orderIds) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<List<ChargedPayment>> cancelledAndCharged(int limit) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<Void> refunded(List<Refund> refunds) {
            return Uni.createFrom().voidItem();
        }
    }

    private static final class InMemoryChargeAttempts implements ChargeAttemptStore {

        final Map<UUID, ChargeAttempt> earlier = new HashMap<>();
        final List<ChargeAttempt> noted = new ArrayList<>();
        final Map<UUID, PlacedOrderDelivery> deliveries = new HashMap<>();

        @Override
        public Uni<Map<UUID, ChargeAttempt>> begin(List<UUID> orderIds, Instant now) {
            return Uni.createFrom().item(orderIds.stream().collect(Collectors.toMap(Function.identity(),
                    id -> earlier.getOrDefault(id, ChargeAttempt.first(id, now)))));
        }

        @Override
        public Uni<Void> note(List<ChargeAttempt> changed, Map<UUID, PlacedOrderDelivery> delivered, Instant firstTry) {
            noted.addAll(changed);
            changed.stream().filter(ChargeAttempt::isUnresolved)
                    .forEach(attempt -> deliveries.put(attempt.orderId(), delivered.get(attempt.orderId())));
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<List<UnresolvedCharge>> claimDue(int limit, Instant now, Duration lease) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<Void> triedAgain(List<ChargeAttempt> attempts, Map<UUID, Instant> dueAgain) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<UnresolvedCharges> unresolved() {
            return Uni.createFrom().item(new UnresolvedCharges(0, null));
        }
    }

    /**
     * Charges by payment method: {@code pm_refused} is refused for good, {@code pm_down} finds it unavailable,
     * {@code pm_ambiguous} answers a stored 500.
     */
    private static final class ScriptedProvider implements PaymentGateway {

        final List<UUID> charged = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ChargeResult charge(ChargeRequest request) {
            switch (request.paymentMethod()) {
                case "pm_refused" -> throw new ProviderRejectedException("refused for good", null);
                case "pm_down" -> throw new ProviderUnavailableException("unavailable", null);
                case "pm_ambiguous" -> throw new ChargeUnresolvedException(ChargeAttempt.Unresolved.KEY_CANNOT_TELL,
                        "500 stored under the key", null);
                default -> {
                    charged.add(request.orderId());
                    return new ChargeResult.Charged("pi_" + request.orderId());
                }
            }
        }

        @Override
        public Optional<ChargeResult> lookUp(UUID orderId, Instant createdFrom) {
            return Optional.empty();
        }

        @Override
        public String refund(UUID orderId, String providerReference) {
            return "re_" + providerReference;
        }
    }
}
