package io.comanda.platform.deadletters;

import io.comanda.platform.deadletters.DiscardDecision.Checked;
import io.comanda.platform.deadletters.DiscardDecision.Forced;
import io.comanda.platform.deadletters.DiscardDecision.Refused;
import io.comanda.platform.deadletters.DiscardDecision.Unflagged;
import io.comanda.platform.messaging.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain dead letter is discarded as asked; a flagged one, after which a charge may exist, only once the
 * checks of its group find no charge, or when an operator forces it.
 */
class DiscardDecisionTest {

    private static final String GROUP = "payments-service";
    private static final String CHARGE = "Stripe may have charged order 42";

    @Test
    void aPlainDeadLetterIsDiscardedWithoutAskingAnyCheck() {
        AtomicInteger asked = new AtomicInteger();

        assertThat(DiscardDecision.of(letter(null), List.of(check(GROUP, Optional.of("no"), asked)), false))
                .isInstanceOf(Unflagged.class);
        assertThat(asked).hasValue(0);
    }

    @Test
    void aFlaggedDeadLetterNoCheckAppliesToIsRefusedNamingTheEffectAndHowToForceIt() {
        DiscardDecision decision = DiscardDecision.of(letter(CHARGE),
                List.of(check("orders-service", Optional.empty(), new AtomicInteger())), false);

        assertThat(decision).isInstanceOf(Refused.class);
        assertThat(((Refused) decision).detail()).contains(CHARGE).contains("No check of " + GROUP)
                .contains("force=true").contains("reason=");
    }

    @Test
    void aFlaggedDeadLetterIsRefusedWithTheChecksSentenceWhenItFindsTheEffect() {
        DiscardDecision decision = DiscardDecision.of(letter(CHARGE),
                List.of(check(GROUP, Optional.of("Stripe holds charge ch_1 for order 42: refund it first."),
                        new AtomicInteger())), false);

        assertThat(((Refused) decision).detail()).contains(CHARGE)
                .contains("Stripe holds charge ch_1 for order 42: refund it first.");
    }

    @Test
    void aFlaggedDeadLetterIsDiscardedWhenEveryCheckThatAppliesFindsNoEffect() {
        AtomicInteger asked = new AtomicInteger();

        assertThat(DiscardDecision.of(letter(CHARGE), List.of(check(GROUP, Optional.empty(), asked),
                check("orders-service", Optional.of("not mine"), asked)), false)).isInstanceOf(Checked.class);
        assertThat(asked).hasValue(1);
    }

    @Test
    void oneCheckFindingTheEffectRefusesEvenWhenAnotherFindsNone() {
        assertThat(DiscardDecision.of(letter(CHARGE), List.of(check(GROUP, Optional.empty(), new AtomicInteger()),
                check(GROUP, Optional.of("charged"), new AtomicInteger())), false)).isInstanceOf(Refused.class);
    }

    @Test
    void aCheckThatCannotTellRefusesAndSaysWhy() {
        DiscardCheck unreachable = new DiscardCheck() {
            @Override
            public boolean appliesTo(String consumerGroup) {
                return true;
            }

            @Override
            public Optional<String> refusal(DeadLetter letter) {
                throw new IllegalStateException("Stripe did not answer within 10 s");
            }
        };

        DiscardDecision decision = DiscardDecision.of(letter(CHARGE), List.of(unreachable), false);

        assertThat(((Refused) decision).detail()).contains("Stripe did not answer within 10 s").contains("force=true");
    }

    @Test
    void aForcedDiscardOfAFlaggedDeadLetterAsksNoCheckAndKeepsTheEffect() {
        AtomicInteger asked = new AtomicInteger();

        DiscardDecision decision = DiscardDecision.of(letter(CHARGE),
                List.of(check(GROUP, Optional.of("charged"), asked)), true);

        assertThat(decision).isEqualTo(new Forced(CHARGE));
        assertThat(asked).hasValue(0);
    }

    @Test
    void forcingAPlainDeadLetterIsNoForcedDiscard() {
        assertThat(DiscardDecision.of(letter(null), List.of(), true)).isInstanceOf(Unflagged.class);
    }

    private static DiscardCheck check(String group, Optional<String> refusal, AtomicInteger asked) {
        return new DiscardCheck() {
            @Override
            public boolean appliesTo(String consumerGroup) {
                return group.equals(consumerGroup);
            }

            @Override
            public Optional<String> refusal(DeadLetter letter) {
                asked.incrementAndGet();
                return refusal;
            }
        };
    }

    private static DeadLetter letter(String effect) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON, "insert failed".getBytes(StandardCharsets.UTF_8));
        if (effect != null) {
            headers.add(DeadLetters.EFFECT_MAY_EXIST, effect.getBytes(StandardCharsets.UTF_8));
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("comanda.orders.payments-service.dlq", 0, 3,
                0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "42", new byte[0], headers,
                Optional.empty());
        return new DeadLetter(new DeadLetterId(record.topic(), 3), GROUP, "comanda.orders", record);
    }
}
