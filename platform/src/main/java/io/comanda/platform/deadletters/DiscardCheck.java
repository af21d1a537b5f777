package io.comanda.platform.deadletters;

import java.util.Optional;

/**
 * A service's way of finding out whether the effect a flagged dead letter may have had
 * ({@link DeadLetter#effectMayExist()}) did happen, before an operator discards it: e.g. payments-service
 * asks Stripe whether it holds a charge for the order. A CDI bean implementing it is found by the
 * dead-letter operations; when one applies to the dead letter's consumer group, it decides whether the
 * discard goes ahead. A flagged dead letter that no check applies to is discarded only when forced.
 *
 * <p>It is called on a worker thread, while other replays and discards wait: it may block, briefly. Make
 * it {@code @ApplicationScoped} (or {@code @Singleton}): it is looked up on every discard.
 */
public interface DiscardCheck {

    /** Whether this check knows the effects of {@code consumerGroup}'s dead letters. */
    boolean appliesTo(String consumerGroup);

    /**
     * @return empty when the effect did not happen, so discarding the dead letter loses nothing; else why it
     *         must not be discarded, as a sentence the operator can act on (e.g. {@code "Stripe holds charge
     *         ch_123 for order 42: refund it or confirm the order first."}). A check that cannot tell throws.
     */
    Optional<String> refusal(DeadLetter letter);
}
