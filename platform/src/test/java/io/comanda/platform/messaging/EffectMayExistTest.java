package io.comanda.platform.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure says an effect may exist itself or through any cause in its chain. */
class EffectMayExistTest {

    @Test
    void aFailureThatSaysSoGivesItsSentence() {
        assertThat(EffectMayExist.in(new ChargeMayExist("Stripe may have charged order 42")))
                .contains("Stripe may have charged order 42");
    }

    @Test
    void aFailureCausedByOneThatSaysSoGivesItsSentence() {
        Throwable budgetSpent = new IllegalStateException("still failing after the retry budget",
                new RuntimeException("batch not recorded", new ChargeMayExist("Stripe may have charged order 42")));

        assertThat(EffectMayExist.in(budgetSpent)).contains("Stripe may have charged order 42");
    }

    @Test
    void aPlainFailureOrOneWithoutASentenceSaysNothing() {
        assertThat(EffectMayExist.in(new IllegalStateException("database down", new RuntimeException()))).isEmpty();
        assertThat(EffectMayExist.in(new ChargeMayExist(" "))).isEmpty();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(EffectMayExist.in(first)).isEmpty();
    }

    static class ChargeMayExist extends RuntimeException implements EffectMayExist {

        private final String effect;

        ChargeMayExist(String effect) {
            super("recording the charge failed");
            this.effect = effect;
        }

        @Override
        public String possibleEffect() {
            return effect;
        }
    }
}
